/**
 * Layer kinds by name, so a saved model (its layers' configs) can be rebuilt. Each layer family
 * registers its own kinds; the recurrent layers add theirs the same way.
 */
import type { Rng } from '$lib/signal/random';
import type { Layer, LayerConfig } from './types';

export type LayerFactory = (config: LayerConfig, rng: Rng) => Layer;

const factories = new Map<string, LayerFactory>();

export function registerLayer(kind: string, factory: LayerFactory): void {
	if (typeof kind !== 'string' || kind === '')
		throw new TypeError('registerLayer: kind must be a non-empty string');
	factories.set(kind, factory);
}

export function layerKinds(): string[] {
	return [...factories.keys()];
}

/** Builds a layer from its saved config; throws an Error naming an unknown kind or bad option. */
export function buildLayer(config: LayerConfig, rng: Rng): Layer {
	if (!config || typeof config !== 'object' || typeof config.kind !== 'string')
		throw new TypeError('buildLayer: config must be an object with a string kind');
	const make = factories.get(config.kind);
	if (!make)
		throw new RangeError(
			`buildLayer: unknown layer kind ${JSON.stringify(config.kind)}; known: ${layerKinds().join(', ')}`
		);
	return make(config, rng);
}
