/**
 * Models as JSON: `{ format: 'flipshift-model', version: 1, name, inputShape, layers: [config],
 * params: { 'i.name': number[] }, buffers: {...}, meta }`. Loading validates everything before it
 * touches a model, so a broken or foreign file throws an Error and nothing changes.
 */
import { createRng } from '$lib/signal/random';
import './layers/builtin';
import { buildLayer } from './registry';
import { Sequential } from './sequential';
import type { LayerConfig, Param } from './types';

export const MODEL_FORMAT = 'flipshift-model';
export const MODEL_VERSION = 1;

export interface ModelJSON {
	format: typeof MODEL_FORMAT;
	version: number;
	name: string;
	inputShape: number[];
	layers: LayerConfig[];
	params: Record<string, number[]>;
	buffers: Record<string, number[]>;
	/** Free-form facts about the model (task, accuracy, seed...). */
	meta?: Record<string, unknown>;
}

function keyed(model: Sequential, which: 'params' | 'buffers'): Map<string, Param> {
	const out = new Map<string, Param>();
	model.layers.forEach((l, i) => {
		for (const p of (which === 'params' ? l.params() : l.buffers?.()) ?? []) out.set(`${i}.${p.name}`, p);
	});
	return out;
}

/** Numbers rounded to float32 precision already; JSON keeps them exactly enough to round-trip. */
export function modelToJSON(model: Sequential, name: string, meta?: Record<string, unknown>): ModelJSON {
	const dump = (m: Map<string, Param>) =>
		Object.fromEntries([...m].map(([k, p]) => [k, Array.from(p.value)]));
	return {
		format: MODEL_FORMAT,
		version: MODEL_VERSION,
		name,
		inputShape: [...model.inputShape],
		layers: model.layers.map((l) => l.config()),
		params: dump(keyed(model, 'params')),
		buffers: dump(keyed(model, 'buffers')),
		...(meta ? { meta } : {})
	};
}

function fail(msg: string): never {
	throw new Error(`Not a flipshift model file: ${msg}`);
}

/** Parses text or an object and checks the envelope; throws a clear Error otherwise. */
export function parseModelJSON(input: unknown): ModelJSON {
	let obj = input;
	if (typeof input === 'string') {
		try {
			obj = JSON.parse(input);
		} catch {
			fail('the text is not valid JSON');
		}
	}
	if (!obj || typeof obj !== 'object' || Array.isArray(obj)) fail('expected a JSON object');
	const o = obj as Record<string, unknown>;
	if (o.format !== MODEL_FORMAT) fail(`format is ${JSON.stringify(o.format)}, expected "${MODEL_FORMAT}"`);
	if (o.version !== MODEL_VERSION)
		throw new Error(`Model file version ${String(o.version)} is not supported (expected ${MODEL_VERSION})`);
	if (typeof o.name !== 'string') fail('name must be a string');
	if (!Array.isArray(o.inputShape) || !o.inputShape.every((d) => Number.isInteger(d) && d >= 1))
		fail('inputShape must be whole numbers ≥ 1');
	if (!Array.isArray(o.layers) || o.layers.length === 0) fail('layers must be a non-empty array');
	for (const k of ['params', 'buffers'])
		if (!o[k] || typeof o[k] !== 'object' || Array.isArray(o[k])) fail(`${k} must be an object of arrays`);
	return o as unknown as ModelJSON;
}

function fill(
	target: Map<string, Param>,
	source: Record<string, number[]>,
	what: string
): [Param, number[]][] {
	const names = Object.keys(source);
	if (names.length !== target.size)
		throw new Error(`Model file has ${names.length} ${what}, the model has ${target.size}`);
	const pairs: [Param, number[]][] = [];
	for (const [k, p] of target) {
		const v = source[k];
		if (!Array.isArray(v)) throw new Error(`Model file lacks ${what} "${k}"`);
		if (v.length !== p.value.length)
			throw new Error(`Model file's "${k}" has ${v.length} values, expected ${p.value.length}`);
		for (let i = 0; i < v.length; i++)
			if (typeof v[i] !== 'number' || !Number.isFinite(v[i]))
				throw new Error(`Model file's "${k}"[${i}] is not a finite number`);
		pairs.push([p, v]);
	}
	return pairs;
}

/** Builds a new model from a file's layers and copies its weights in (all checked first). */
export function modelFromJSON(input: unknown): { model: Sequential; json: ModelJSON } {
	const json = parseModelJSON(input);
	let model: Sequential;
	try {
		model = new Sequential(
			json.inputShape,
			json.layers.map((c) => buildLayer(c, createRng(0)))
		);
	} catch (e) {
		throw new Error(`Model file's layers do not build: ${(e as Error).message}`, { cause: e });
	}
	loadWeights(model, json);
	return { model, json };
}

/** Copies a file's weights into an existing model of the same layers; on any mismatch nothing changes. */
export function loadWeights(model: Sequential, input: unknown): ModelJSON {
	const json = parseModelJSON(input);
	// kinds and parameter sizes must match; options such as a dropout rate may differ
	const same =
		json.layers.length === model.layers.length &&
		json.layers.every((c, i) => c?.kind === model.layers[i].kind);
	if (!same) throw new Error('Model file describes different layers than this model');
	const pairs = [
		...fill(keyed(model, 'params'), json.params, 'parameters'),
		...fill(keyed(model, 'buffers'), json.buffers, 'buffers')
	];
	for (const [p, v] of pairs) p.value.set(v);
	return json;
}
