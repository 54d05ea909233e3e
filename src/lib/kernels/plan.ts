/** A plan: the engine calls (`Part`s) of one public call and how their flat results become its result. */
import type { Engine, Part } from './engine';
import type { KernelOps } from './types';

export interface Plan<T> {
	parts: Part[];
	finish: (results: Float32Array[]) => T;
}

export type Planners<K extends keyof KernelOps = keyof KernelOps> = {
	[Op in K]: (...args: Parameters<KernelOps[Op]>) => Plan<ReturnType<KernelOps[Op]>>;
};

export function part(op: Part['op'], work: number, expected: number, call: <R>(e: Engine<R>) => R): Part {
	return { op, work, expected, call };
}
