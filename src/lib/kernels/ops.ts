/** Turns the plans into the public synchronous and asynchronous operations. */
import type { Part } from './engine';
import type { AsyncKernelOps, KernelOps } from './types';
import type { Plan } from './plan';
import { planners } from './plans';

export type SyncExec = (part: Part) => Float32Array;
export type AsyncExec = (part: Part) => Promise<Float32Array>;

const names = Object.keys(planners) as (keyof KernelOps)[];

/** The arrays a call reads: its Float32Array arguments and its tensors' data. */
function arraysOf(args: unknown[]): Float32Array[] {
	const arrays: Float32Array[] = [];
	for (const arg of args) {
		if (arg instanceof Float32Array) arrays.push(arg);
		else if (arg && typeof arg === 'object' && (arg as { data?: unknown }).data instanceof Float32Array)
			arrays.push((arg as { data: Float32Array }).data);
	}
	return arrays;
}

/** Plans a call and notes on each part what it reads (dispatch.ts keeps NaN and ±∞ off the shaders). */
function planOf(planner: (...args: unknown[]) => Plan<unknown>, args: unknown[]): Plan<unknown> {
	const plan = planner(...args);
	const inputs = arraysOf(args);
	for (const part of plan.parts) part.inputs = inputs;
	return plan;
}

export function syncOps(exec: SyncExec): KernelOps {
	const ops: Record<string, unknown> = {};
	for (const name of names) {
		const planner = planners[name] as (...args: unknown[]) => Plan<unknown>;
		ops[name] = (...args: unknown[]) => {
			const plan = planOf(planner, args);
			return plan.finish(plan.parts.map(exec));
		};
	}
	return ops as unknown as KernelOps;
}

export function asyncOps(exec: AsyncExec): AsyncKernelOps {
	const ops: Record<string, unknown> = {};
	for (const name of names) {
		const planner = planners[name] as (...args: unknown[]) => Plan<unknown>;
		// validation errors surface as rejected promises, like every other failure of an async call
		ops[name] = async (...args: unknown[]) => {
			const plan = planOf(planner, args);
			const results: Float32Array[] = [];
			for (const part of plan.parts) results.push(await exec(part));
			return plan.finish(results);
		};
	}
	return ops as unknown as AsyncKernelOps;
}
