/**
 * A minimal WebAssembly assembler: just the opcodes flipshift's SIMD kernels need, so the kernels'
 * source of truth is readable TypeScript in this repository (no toolchain, no binary blobs).
 * Encoding per the WebAssembly core spec 2.0 (binary format) and the fixed-width SIMD proposal.
 */

/** Value types. */
export const I32 = 0x7f;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof V128;

function uleb(n: number): number[] {
	const out: number[] = [];
	do {
		let byte = n & 0x7f;
		n >>>= 7;
		if (n !== 0) byte |= 0x80;
		out.push(byte);
	} while (n !== 0);
	return out;
}

function sleb(n: number): number[] {
	const out: number[] = [];
	for (;;) {
		const byte = n & 0x7f;
		n >>= 7;
		const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
		out.push(done ? byte : byte | 0x80);
		if (done) return out;
	}
}

const utf8 = (s: string) => [...new TextEncoder().encode(s)];
const name = (s: string) => [...uleb(utf8(s).length), ...utf8(s)];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

/** A function body under construction; methods append instructions and return `this`. */
export class Code {
	readonly bytes: number[] = [];
	private locals: ValType[] = [];

	constructor(private params: number) {}

	/** Declares a local of type `t`; returns its index (parameters come first). */
	local(t: ValType): number {
		this.locals.push(t);
		return this.params + this.locals.length - 1;
	}

	private op(...b: number[]): this {
		this.bytes.push(...b);
		return this;
	}
	/** SIMD instructions: the 0xfd prefix and a LEB128 sub-opcode. */
	private simd(sub: number, ...rest: number[]): this {
		return this.op(0xfd, ...uleb(sub), ...rest);
	}
	/** memarg: alignment as log2, then a constant byte offset added to the address. */
	private mem(align: number, offset: number): number[] {
		return [...uleb(align), ...uleb(offset)];
	}

	get(i: number) {
		return this.op(0x20, ...uleb(i));
	}
	set(i: number) {
		return this.op(0x21, ...uleb(i));
	}
	i32(n: number) {
		return this.op(0x41, ...sleb(n));
	}
	add() {
		return this.op(0x6a);
	}
	mul() {
		return this.op(0x6c);
	}
	ne() {
		return this.op(0x47);
	}
	/** Unsigned a > b: [a, b] → 0 or 1. */
	gtU() {
		return this.op(0x4b);
	}
	/** [a, b, cond] → cond ≠ 0 ? a : b. */
	select() {
		return this.op(0x1b);
	}
	i32Load(offset = 0) {
		return this.op(0x28, ...this.mem(2, offset));
	}
	/** `loop` with no result; `br_if 0` inside it jumps back to its start. */
	loop() {
		return this.op(0x03, 0x40);
	}
	brIf(depth: number) {
		return this.op(0x0d, ...uleb(depth));
	}
	end() {
		return this.op(0x0b);
	}
	v128Load(offset = 0) {
		return this.simd(0x00, ...this.mem(4, offset));
	}
	v128Store(offset = 0) {
		return this.simd(0x0b, ...this.mem(4, offset));
	}
	/** One f32 from memory into all four lanes. */
	load32Splat(offset = 0) {
		return this.simd(0x09, ...this.mem(2, offset));
	}
	/** One f64 from memory into both lanes. */
	load64Splat(offset = 0) {
		return this.simd(0x0a, ...this.mem(3, offset));
	}
	/** The all-zero v128. */
	v128Zero() {
		return this.simd(0x0c, ...new Array<number>(16).fill(0));
	}
	f32x4Add() {
		return this.simd(0xe4);
	}
	f32x4Mul() {
		return this.simd(0xe6);
	}
	f64x2Add() {
		return this.simd(0xf0);
	}
	f64x2Mul() {
		return this.simd(0xf2);
	}

	/** Lane `lane` of the v128 on the stack replaced by the f32 at address + offset: [i32, v128] → v128. */
	load32Lane(offset: number, lane: number) {
		return this.simd(0x56, ...this.mem(2, offset), lane);
	}
	/** A v128 constant of four i32 lanes. */
	i32x4Const(lanes: readonly number[]) {
		const bytes = new Uint8Array(Int32Array.from(lanes).buffer);
		return this.simd(0x0c, ...bytes);
	}
	i32x4Splat() {
		return this.simd(0x11);
	}
	i32x4Add() {
		return this.simd(0xae);
	}
	f32x4Ne() {
		return this.simd(0x42);
	}
	f32x4Le() {
		return this.simd(0x45);
	}
	/** Four f32 lanes of [a, b]: lane i is lane lanes[i] of a (0–3) or lanes[i] − 4 of b (4–7). */
	shuffle32(lanes: readonly number[]) {
		return this.simd(0x0d, ...lanes.flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3]));
	}
	v128Or() {
		return this.simd(0x50);
	}
	/** (a & mask) | (b & ~mask) for the stack [a, b, mask]. */
	bitselect() {
		return this.simd(0x52);
	}

	/** The encoded body: locals grouped one entry per local (simple and valid), then code, then `end`. */
	encode(): number[] {
		const body = [...vec(this.locals.map((t) => [1, t])), ...this.bytes, 0x0b];
		return [...uleb(body.length), ...body];
	}
}

/**
 * A module with one exported memory (`memory`, `pages` × 64 KiB, growable from JavaScript) and
 * exported functions taking only i32 parameters and returning nothing.
 */
export function assemble(
	functions: { name: string; params: number; code: Code }[],
	pages: number
): Uint8Array {
	const types = functions.map((f) => [0x60, ...vec(Array.from({ length: f.params }, () => [I32])), 0]);
	const exports = [
		...functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]),
		[...name('memory'), 0x02, 0]
	];
	return new Uint8Array([
		...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
		...section(1, vec(types)),
		...section(3, vec(functions.map((_, i) => uleb(i)))),
		...section(5, vec([[0x00, ...uleb(pages)]])),
		...section(7, vec(exports)),
		...section(10, vec(functions.map((f) => f.code.encode())))
	]);
}
