/**
 * What the SIMD engines (conv.ts, correlate.ts) share: synchronous instantiation with feature
 * detection, and one growable memory laid out in cache-line-aligned regions per call.
 */

const PAGE = 65536;
/** Region starts are aligned to this many bytes (a cache line). */
export const ALIGN = 64;

export const roundUp = (n: number, m: number) => Math.ceil(n / m) * m;

/** The module's instance, or null where WebAssembly or its SIMD extension is missing. */
export function instantiate(bytes: Uint8Array): WebAssembly.Instance | null {
	const source = bytes as BufferSource;
	if (typeof WebAssembly !== 'object' || !WebAssembly.validate(source)) return null;
	return new WebAssembly.Instance(new WebAssembly.Module(source), {});
}

/**
 * Grows `memory` (never shrinks it) to hold `end` bytes and returns its buffer; views must be
 * taken after this call, since growing detaches the old buffer.
 */
export function reserve(memory: WebAssembly.Memory, end: number): ArrayBuffer {
	const have = memory.buffer.byteLength;
	if (end > have) memory.grow(Math.ceil((end - have) / PAGE));
	return memory.buffer;
}

/** `make()` on the first call, the same value after: each engine is built (or found missing) once. */
export function once<T>(make: () => T): () => T {
	let made: { value: T } | undefined;
	return () => (made ??= { value: make() }).value;
}
