/** Turns the plans into the public synchronous and asynchronous operations. */
import type { Part } from './engine';
import type { AsyncKernelOps, KernelOps } from './types';
import { planners } from './plans';

export type SyncExec = (part: Part) => Float32Array;
export type AsyncExec = (part: Part) => Promise<Float32Array>;

const names = Object.keys(planners) as (keyof KernelOps)[];

export function syncOps(exec: SyncExec): KernelOps {
	const ops: Record<string, unknown> = {};
	for (const name of names) {
		const planner = planners[name] as (...args: unknown[]) => ReturnType<(typeof planners)['correlate1d']>;
		ops[name] = (...args: unknown[]) => {
			const plan = planner(...args);
			return plan.finish(plan.parts.map(exec));
		};
	}
	return ops as unknown as KernelOps;
}

export function asyncOps(exec: AsyncExec): AsyncKernelOps {
	const ops: Record<string, unknown> = {};
	for (const name of names) {
		const planner = planners[name] as (...args: unknown[]) => ReturnType<(typeof planners)['correlate1d']>;
		// validation errors surface as rejected promises, like every other failure of an async call
		ops[name] = async (...args: unknown[]) => {
			const plan = planner(...args);
			const results: Float32Array[] = [];
			for (const part of plan.parts) results.push(await exec(part));
			return plan.finish(results);
		};
	}
	return ops as unknown as AsyncKernelOps;
}
