/**
 * Play/pause/step for a demo that sweeps a position. Playback runs on animation frames and owes
 * ticks by elapsed time, so the speed is the same on a fast laptop and a slow classroom PC and a
 * fine-grained demo moves every frame instead of jumping. Under `prefers-reduced-motion` the
 * sweep moves at most one step (`ticksPerStep` ticks at once) a second: still usable, never a
 * flicker.
 */
import type { ParamReader } from '$lib/deck/params';

export const SPEEDS = [0.5, 1, 2, 4, 8] as const;
/** A frame after a long stall (a background tab, a breakpoint) catches up at most this much. */
const MAX_FRAME_SECONDS = 0.25;

/** The link's `speed`, snapped to the nearest offered speed. */
export function readSpeed(params: ParamReader, name = 'speed'): number {
	const v = params.number(name, { min: SPEEDS[0], max: SPEEDS[SPEEDS.length - 1], fallback: 1 });
	return SPEEDS.reduce((best, s) => (Math.abs(Math.log(s / v)) < Math.abs(Math.log(best / v)) ? s : best), 1);
}

function reducedMotion(): boolean {
	return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The next animation frame (a 16 ms timer where there are none, as in node). */
function nextFrame(f: (now: number) => void): unknown {
	if (typeof requestAnimationFrame === 'function') return requestAnimationFrame(f);
	return setTimeout(() => f(performance.now()), 16);
}

function cancelFrame(id: unknown): void {
	if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(id as number);
	else clearTimeout(id as ReturnType<typeof setTimeout>);
}

export interface PlayerOptions {
	/** Ticks a second at speed 1×. */
	ticksPerSecond?: number;
	/** Ticks that one press of "step" (and one reduced-motion move) advances. */
	ticksPerStep?: number;
}

export class Player {
	playing = $state(false);
	speed = $state<number>(1);
	private readonly baseRate: number;
	private readonly ticksPerStep: number;
	private frame: unknown = null;
	private lastTime = 0;
	/** Ticks (or, under reduced motion, steps) earned by elapsed time and not yet taken. */
	private owed = 0;

	/** `tick` advances the demo by one tick and returns false when it has reached the end. */
	constructor(
		private readonly tick: () => boolean,
		{ ticksPerSecond = 4, ticksPerStep = 1 }: PlayerOptions = {}
	) {
		this.baseRate = ticksPerSecond;
		this.ticksPerStep = ticksPerStep;
	}

	play(): void {
		if (this.playing) return;
		this.playing = true;
		this.owed = 0;
		this.lastTime = performance.now();
		this.frame = nextFrame(this.onFrame);
	}

	private onFrame = (now: number) => {
		if (!this.playing) return;
		const seconds = Math.min(Math.max(0, now - this.lastTime) / 1000, MAX_FRAME_SECONDS);
		this.lastTime = now;
		const rate = this.baseRate * this.speed;
		const reduced = reducedMotion();
		this.owed += seconds * (reduced ? Math.min(1, rate / this.ticksPerStep) : rate);
		const moves = Math.floor(this.owed + 1e-9); // 60 frames of 1/60 s must add up to a whole second
		this.owed -= moves;
		if (!this.advance(reduced ? moves * this.ticksPerStep : moves)) return this.pause();
		this.frame = nextFrame(this.onFrame);
	};

	/** Takes `n` ticks; false once the demo reached its end. */
	private advance(n: number): boolean {
		for (let i = 0; i < n; i++) if (!this.tick()) return false;
		return true;
	}

	pause(): void {
		this.playing = false;
		if (this.frame !== null) cancelFrame(this.frame);
		this.frame = null;
	}

	toggle(): void {
		if (this.playing) this.pause();
		else this.play();
	}

	/** One step by hand (pauses first). */
	step(): void {
		this.pause();
		this.advance(this.ticksPerStep);
	}

	setSpeed(speed: number): void {
		this.speed = speed;
	}

	dispose(): void {
		this.pause();
	}
}
