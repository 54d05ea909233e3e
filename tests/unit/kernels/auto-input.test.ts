/**
 * auto's background steps wait for the user to leave the page alone (background.ts, INPUT_QUIET_MS): a
 * step can hold the main thread for ~100 ms, which made a drag right after page load jump.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { holdBackgroundWork, idle, INPUT_QUIET_MS, watchInput } from '../../../src/lib/kernels/background';

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

it(`a background step waits until ${INPUT_QUIET_MS} ms have passed without pointer or key input`, async () => {
	vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
	const listeners = new Map<string, () => void>();
	vi.stubGlobal('addEventListener', (type: string, listener: () => void) => listeners.set(type, listener));
	watchInput();
	expect([...listeners.keys()].sort()).toEqual(['keydown', 'pointerdown', 'pointermove', 'wheel']);

	let ran = false;
	listeners.get('pointermove')!(); // t = 0: a drag is going on
	void idle().then(() => (ran = true));
	await vi.advanceTimersByTimeAsync(300);
	expect(ran).toBe(false);
	listeners.get('keydown')!(); // t = 300: still busy
	await vi.advanceTimersByTimeAsync(INPUT_QUIET_MS - 100);
	expect(ran).toBe(false); // only 500 ms of quiet so far
	await vi.advanceTimersByTimeAsync(150);
	expect(ran).toBe(true);

	// with no input for a while, a step runs in the next idle period
	ran = false;
	void idle().then(() => (ran = true));
	await vi.advanceTimersByTimeAsync(1);
	expect(ran).toBe(true);
});

it('no background step starts while a page holds background work; it starts once every hold is released', async () => {
	vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
	const releaseTrainer = holdBackgroundWork();
	const releaseOther = holdBackgroundWork();
	let ran = false;
	void idle().then(() => (ran = true));
	await vi.advanceTimersByTimeAsync(10 * INPUT_QUIET_MS);
	expect(ran).toBe(false);
	releaseTrainer();
	releaseTrainer(); // a second release of the same hold does not release the other one
	await vi.advanceTimersByTimeAsync(10 * INPUT_QUIET_MS);
	expect(ran).toBe(false);
	releaseOther();
	await vi.advanceTimersByTimeAsync(INPUT_QUIET_MS);
	expect(ran).toBe(true);
});
