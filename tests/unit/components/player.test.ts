import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Player } from '../../../src/lib/components/player.svelte';

/** A demo of `length` ticks; counts how many it has taken. */
function counter(length = Infinity) {
	const demo = { ticks: 0, tick: () => ++demo.ticks < length };
	return demo;
}

/** Animation frames run by hand: `frames(ms…)` delivers one frame at each timestamp. */
let queue: ((now: number) => void)[] = [];
function frames(...times: number[]) {
	for (const t of times) {
		const due = queue;
		queue = [];
		for (const f of due) f(t);
	}
}
const every = (ms: number, until: number) =>
	Array.from({ length: Math.floor(until / ms) }, (_, i) => (i + 1) * ms);

describe('Player', () => {
	beforeEach(() => {
		queue = [];
		vi.spyOn(performance, 'now').mockReturnValue(0);
		vi.stubGlobal('requestAnimationFrame', (f: (now: number) => void) => queue.push(f));
		vi.stubGlobal('cancelAnimationFrame', () => (queue = []));
	});
	afterEach(() => {
		vi.restoreAllMocks();
		vi.unstubAllGlobals();
	});

	it('owes ticks by elapsed time: 40/s at 1× gives 40 ticks in a second of 60 Hz frames, 80 at 2×', () => {
		const demo = counter();
		const player = new Player(demo.tick, { ticksPerSecond: 40, ticksPerStep: 10 });
		player.play();
		frames(...every(1000 / 60, 1000.1));
		expect(demo.ticks).toBe(40);
		player.pause();
		frames(1100, 1200);
		expect(demo.ticks).toBe(40);
		vi.mocked(performance.now).mockReturnValue(2000);
		player.setSpeed(2);
		player.play();
		frames(...every(1000 / 60, 1000.1).map((t) => 2000 + t));
		expect(demo.ticks).toBe(120);
		expect(player.playing).toBe(true);
		player.dispose();
		expect(player.playing).toBe(false);
		expect(queue).toEqual([]);
	});

	it('on a slow 10 Hz machine the same second still takes 40 ticks (4 a frame)', () => {
		const demo = counter();
		const player = new Player(demo.tick, { ticksPerSecond: 40 });
		player.play();
		frames(100);
		expect(demo.ticks).toBe(4);
		frames(...every(100, 1000).slice(1));
		expect(demo.ticks).toBe(40);
	});

	it('step() pauses and takes ticksPerStep ticks at once', () => {
		const demo = counter();
		const player = new Player(demo.tick, { ticksPerSecond: 40, ticksPerStep: 10 });
		player.play();
		player.step();
		expect(player.playing).toBe(false);
		expect(demo.ticks).toBe(10);
	});

	it('stops by itself when the demo reaches its end', () => {
		const demo = counter(5);
		const player = new Player(demo.tick, { ticksPerSecond: 40 });
		player.play();
		frames(500, 1000);
		expect(demo.ticks).toBe(5);
		expect(player.playing).toBe(false);
	});

	it('a stalled frame (a background tab) catches up at most a quarter of a second', () => {
		const demo = counter();
		const player = new Player(demo.tick, { ticksPerSecond: 40 });
		player.play();
		frames(60_000);
		expect(demo.ticks).toBe(10);
	});

	it('prefers-reduced-motion: at most one step (ticksPerStep ticks at once) a second, even at 8×', () => {
		vi.stubGlobal('matchMedia', (q: string) => ({ matches: q.includes('reduce') }));
		const demo = counter();
		const player = new Player(demo.tick, { ticksPerSecond: 40, ticksPerStep: 10 });
		player.setSpeed(8);
		player.play();
		frames(...every(100, 900));
		expect(demo.ticks).toBe(0);
		frames(1000);
		expect(demo.ticks).toBe(10);
		frames(...every(100, 3000).slice(10));
		expect(demo.ticks).toBe(30);
	});
});
