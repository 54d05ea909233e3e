/**
 * When 'auto' may do its background measuring (auto.ts): in an idle period, once the user has left
 * the page alone for a while, and never while a page has asked for the CPU (a trainer whose worker
 * needs both cores). A step can hold the main thread for ~100 ms (GPU.js's module, a WebGL kernel
 * build) and up to ~300 ms on a loaded 2-core machine: between the frames of a drag or of a live
 * training plot that is a visible stall. Small on purpose: pages import it without the kernel set.
 */

/** Longest wait (ms) for an idle period before a step runs anyway (a page animating without pause). */
export const IDLE_TIMEOUT_MS = 1000;
/**
 * A step waits until the user has left the page alone this long: idle periods also come between the
 * frames of a drag, where a step made the drag jump (p95 of a drag right after page load).
 */
export const INPUT_QUIET_MS = 600;

type IdleWindow = { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number };

/** Resolves in the next idle period (browser) or the next macrotask (Node): calls queued first go first. */
function idlePeriod(): Promise<void> {
	return new Promise((resolve) => {
		const ric = (globalThis as IdleWindow).requestIdleCallback;
		if (ric) ric(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
		else setTimeout(resolve, 0);
	});
}

/** When the user last pressed, moved or scrolled (−∞ until then, and where there is no window). */
let lastInput = -Infinity;
let watching = false;

/** Starts noting user input (once per page; nothing in Node). */
export function watchInput(): void {
	const target = globalThis as { addEventListener?: typeof addEventListener };
	if (watching || typeof target.addEventListener !== 'function') return;
	watching = true;
	const note = () => (lastInput = performance.now());
	for (const type of ['pointerdown', 'pointermove', 'keydown', 'wheel'])
		target.addEventListener(type, note, { capture: true, passive: true });
}

let holds = 0;
const waiting: (() => void)[] = [];

/**
 * Keeps background steps from starting until the returned function is called (calling it twice
 * releases once). A step already running finishes: steps are kept short so that this is soon.
 */
export function holdBackgroundWork(): () => void {
	holds++;
	let released = false;
	return () => {
		if (released) return;
		released = true;
		holds--;
		if (holds === 0) for (const resume of waiting.splice(0)) resume();
	};
}

/** Whether a page holds background work now. */
export function backgroundWorkHeld(): boolean {
	return holds > 0;
}

/** Resolves in an idle period, with no hold, that comes INPUT_QUIET_MS or more after the last user input. */
export async function idle(): Promise<void> {
	for (;;) {
		await idlePeriod();
		if (holds > 0) {
			await new Promise<void>((resume) => waiting.push(resume));
			continue;
		}
		const quiet = performance.now() - lastInput;
		if (quiet >= INPUT_QUIET_MS) return;
		await new Promise((resolve) => setTimeout(resolve, INPUT_QUIET_MS - quiet));
	}
}
