/** The sequence tasks by name, and their data as the trainer's `Dataset`. */
import type { Batch, Dataset } from '../train';
import { DetectTask, type DetectOptions } from './detect';
import { PredictTask, type PredictOptions } from './predict';
import { RememberTask, type RememberOptions } from './remember';
import type { SequenceData, SequenceTask, TaskName } from './types';

export * from './types';
export {
	DetectTask,
	DETECT_DEFAULTS,
	detectTemplate,
	detectNoiseSigma,
	matchedFilterPeaks,
	bestThreshold,
	thresholdAccuracy
} from './detect';
export { PredictTask, PREDICT_DEFAULTS, PREDICT_TOLERANCE } from './predict';
export { RememberTask, REMEMBER_DEFAULTS } from './remember';

export const TASK_NAMES: readonly TaskName[] = ['detect', 'predict', 'remember'];

export type TaskOptions = DetectOptions & PredictOptions & RememberOptions;

export function makeTask(name: TaskName, options: TaskOptions = {}): SequenceTask {
	if (name === 'detect') return new DetectTask(options);
	if (name === 'predict') return new PredictTask(options);
	if (name === 'remember') return new RememberTask(options);
	throw new RangeError(`makeTask: task must be one of ${TASK_NAMES.join(', ')}, got ${String(name)}`);
}

/** Sequences as a `Dataset`: batches gather whole sequences (and their labels or targets). */
export function sequenceDataset(data: SequenceData): Dataset {
	const [N, T, D] = data.shape;
	const row = T * D;
	const outputs = data.targets ? data.targets.length / N : 0;
	return {
		size: N,
		batch(indices: ArrayLike<number>): Batch {
			const n = indices.length;
			const x = new Float32Array(n * row);
			for (let i = 0; i < n; i++)
				x.set(data.inputs.subarray(indices[i] * row, (indices[i] + 1) * row), i * row);
			const input = { shape: [n, T, D], data: x };
			if (data.labels)
				return { input, target: Int32Array.from({ length: n }, (_, i) => data.labels![indices[i]]) };
			const y = new Float32Array(n * outputs);
			for (let i = 0; i < n; i++)
				y.set(data.targets!.subarray(indices[i] * outputs, (indices[i] + 1) * outputs), i * outputs);
			return { input, target: { shape: [n, outputs], data: y } };
		}
	};
}
