import type { ParamReader, ParamValue } from '$lib/deck/params';
import { imageWithCat, LAST_POSITION, moved, POOL_SIZES, type PoolSize, type Position } from './functions';

const MAX_SEED = 2 ** 31 - 1;
export type Which = 'a' | 'b';

/** The cnn demo's settings: the cat's place in each image, the noise seed and the pool window. */
export class CnnModel {
	a = $state<Position>({ x: 4, y: 6 });
	b = $state<Position>({ x: 20, y: 17 });
	seed = $state(1);
	pool = $state<PoolSize>(28);

	readonly imageA = $derived(imageWithCat(this.seed, this.a));
	readonly imageB = $derived(imageWithCat(this.seed, this.b));

	constructor(params: ParamReader) {
		const at = (name: string, fallback: number) =>
			params.number(name, { min: 0, max: LAST_POSITION, fallback, integer: true });
		this.a = { x: at('ax', 4), y: at('ay', 6) };
		this.b = { x: at('bx', 20), y: at('by', 17) };
		this.seed = params.number('seed', { min: 0, max: MAX_SEED, fallback: 1, integer: true });
		const pool = params.choice('pool', POOL_SIZES.map(String), '28');
		this.pool = Number(pool) as PoolSize;
	}

	/** Puts a cat's top-left corner at (x, y), whole pixels inside the image. */
	place(which: Which, x: number, y: number): void {
		this[which] = moved({ x: 0, y: 0 }, x, y);
	}

	nudge(which: Which, dx: number, dy: number): void {
		this[which] = moved(this[which], dx, dy);
	}

	newNoise(): void {
		this.seed = (this.seed + 1) % (MAX_SEED + 1);
	}

	toParams(): Record<string, ParamValue> {
		return { ax: this.a.x, ay: this.a.y, bx: this.b.x, by: this.b.y, seed: this.seed, pool: this.pool };
	}
}
