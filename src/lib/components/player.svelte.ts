/**
 * Play/pause/step for a demo that sweeps a position. Ticks come from a timer, so the speed is the
 * same on a fast laptop and a slow classroom PC. Under `prefers-reduced-motion` the sweep is capped
 * at one tick a second: still usable, never a flicker.
 */
import type { ParamReader } from '$lib/deck/params';

export const SPEEDS = [0.5, 1, 2, 4, 8] as const;
const BASE_TICKS_PER_SECOND = 4;

/** The link's `speed`, snapped to the nearest offered speed. */
export function readSpeed(params: ParamReader, name = 'speed'): number {
	const v = params.number(name, { min: SPEEDS[0], max: SPEEDS[SPEEDS.length - 1], fallback: 1 });
	return SPEEDS.reduce((best, s) => (Math.abs(Math.log(s / v)) < Math.abs(Math.log(best / v)) ? s : best), 1);
}

function reducedMotion(): boolean {
	return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export class Player {
	playing = $state(false);
	speed = $state<number>(1);
	private timer: ReturnType<typeof setInterval> | null = null;

	/** `tick` advances the demo by one step and returns false when it has reached the end. */
	constructor(private readonly tick: () => boolean) {}

	get ticksPerSecond(): number {
		const rate = BASE_TICKS_PER_SECOND * this.speed;
		return reducedMotion() ? Math.min(1, rate) : rate;
	}

	play(): void {
		if (this.playing) return;
		this.playing = true;
		this.timer = setInterval(() => {
			if (!this.tick()) this.pause();
		}, 1000 / this.ticksPerSecond);
	}

	pause(): void {
		this.playing = false;
		if (this.timer !== null) clearInterval(this.timer);
		this.timer = null;
	}

	toggle(): void {
		if (this.playing) this.pause();
		else this.play();
	}

	/** One tick by hand (pauses first). */
	step(): void {
		this.pause();
		this.tick();
	}

	setSpeed(speed: number): void {
		this.speed = speed;
		if (this.playing) {
			this.pause();
			this.play();
		}
	}

	dispose(): void {
		this.pause();
	}
}
