/**
 * A kernel-set result that recomputes when the state it reads changes, and is null while the
 * kernel set starts. It runs in an `$effect.pre` rather than a `$derived` because
 * `KernelRunner.run` records its timing in `$state`, which Svelte forbids inside a derived
 * (state_unsafe_mutation); `.pre` updates before the DOM does, so a drag never shows a stale frame.
 * Call it during component initialisation.
 */
import type { KernelSet } from '$lib/kernels';
import { kernelRunner } from './kernel-runner.svelte';

export function kernelValue<T>(
	op: string,
	compute: (kernels: KernelSet) => T
): { readonly current: T | null } {
	const runner = kernelRunner();
	let value = $state.raw<T | null>(null);
	$effect.pre(() => {
		value = runner.kernels ? runner.run(op, compute) : null;
	});
	return {
		get current() {
			return value;
		}
	};
}
