import { flushSync } from 'svelte';
import type { Vec2 } from './functions';

/** What the warm-up needs of the model: the arrow it nudges. */
interface Nudgeable {
	readonly w1: Vec2;
	setVector(which: 'w1', to: Vec2): void;
}

type IdleWindow = { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number };

/**
 * The first drag after load ran 16–24 ms a frame (over the 16.7 ms budget) while V8 compiled the
 * drag path: the model's derived values, the drop lines, the histograms, Svelte's updates. This
 * runs that path for real before anyone drags: in each of `chunks` idle periods it nudges w₁ by one
 * hundredth and flushes the updates, `perChunk` times, then puts w₁ back and flushes again, all in
 * one task, so no frame ever shows a nudged arrow and the link never changes. Pointer or key input
 * stops it. Returns a cancel for the effect's cleanup.
 */
export function warmDragPath(model: Nudgeable, chunks = 3, perChunk = 4): () => void {
	let left = chunks;
	let stopped = false;
	const idle = (globalThis as IdleWindow).requestIdleCallback;
	const later = (f: () => void) => (idle ? idle(f, { timeout: 500 }) : setTimeout(f, 16));

	function stop() {
		stopped = true;
		removeEventListener('pointerdown', stop, { capture: true });
		removeEventListener('keydown', stop, { capture: true });
	}

	function chunk() {
		if (stopped) return;
		const start = model.w1;
		for (let i = 1; i <= perChunk; i++) {
			const by = (i % 2 === 1 ? 1 : 2) * 0.01;
			model.setVector('w1', [start[0] + by, start[1] - by]);
			flushSync();
		}
		model.setVector('w1', start);
		flushSync();
		if (--left > 0) later(chunk);
		else stop();
	}

	addEventListener('pointerdown', stop, { capture: true });
	addEventListener('keydown', stop, { capture: true });
	later(chunk);
	return stop;
}
