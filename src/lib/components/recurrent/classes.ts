/** Names of a task's classes for the answer line (null for a predicted value). */
import type { SequenceTrace } from '$lib/nn/worker/sequence-run';
import type { TaskName } from '$lib/nn/tasks/types';

const SYMBOLS = 'ABCDEFGHIJ';

export function classNames(task: TaskName, trace: SequenceTrace): readonly string[] | null {
	if (task === 'predict') return null;
	if (task === 'detect') return ['absent', 'present'];
	return Array.from({ length: trace.output.length }, (_, i) => SYMBOLS[i]);
}
