/**
 * `npm run train -- --model rnn|lstm|gru --task detect|predict|remember`: the recurrent entries of
 * the training command. Takes parsed options, returns the report (held-out accuracy first) and the
 * model file; scripts/train.js does the argument parsing and the file writing.
 */
import { createKernelSet } from '$lib/kernels';
import { modelToJSON, type ModelJSON } from '../serialize';
import { TASK_NAMES, type TaskName } from '../tasks';
import { DetectTask } from '../tasks/detect';
import {
	matchedFilterScore,
	runRecurrent,
	TARGET_SETTINGS,
	type EpochReport,
	type Score
} from './experiment';
import { formatPredictMetrics } from './metrics';
import { checkKind, RECURRENT_KINDS } from './models';

export const MODELS = RECURRENT_KINDS;
export const TASKS = TASK_NAMES;

export interface TrainArgs {
	model: string;
	task: string;
	epochs?: number;
	seed?: number;
	/** Sequence length (remember and detect: the slider of the pages). */
	length?: number;
	hidden?: number;
}

export interface TrainOutput {
	report: Record<string, unknown>;
	model: ModelJSON;
}

function checkTask(task: unknown): TaskName {
	if (!TASK_NAMES.includes(task as TaskName))
		throw new RangeError(`task must be one of ${TASK_NAMES.join(', ')}, got ${String(task)}`);
	return task as TaskName;
}

function wholeNumber(name: string, v: number | undefined, lo: number, hi: number): number | undefined {
	if (v === undefined) return undefined;
	if (!Number.isInteger(v) || v < lo || v > hi)
		throw new RangeError(`${name} must be a whole number in [${lo}, ${hi}], got ${v}`);
	return v;
}

/** The predict task's held-out RMSE beside the naive forecast's, for the log; empty otherwise. */
function predictLine(s: Score): string {
	return s.rmse === undefined || s.naiveRmse === undefined
		? ''
		: `, held-out ${formatPredictMetrics({ rmse: s.rmse, naiveRmse: s.naiveRmse })}`;
}

export async function trainRecurrent(
	args: TrainArgs,
	log: (line: string) => void = () => {}
): Promise<TrainOutput> {
	const kind = checkKind(args.model);
	const taskName = checkTask(args.task);
	const epochs = wholeNumber('epochs', args.epochs, 1, 1000) ?? TARGET_SETTINGS[taskName].epochs;
	const seed = wholeNumber('seed', args.seed, 0, 2 ** 31) ?? 1;
	const length = wholeNumber('length', args.length, 1, 400);
	const hiddenSize = wholeNumber('hidden', args.hidden, 1, 256);
	const run = runRecurrent(
		{
			model: kind,
			task: taskName,
			seed,
			taskOptions: length ? { length } : {},
			settings: { epochs, ...(hiddenSize ? { hiddenSize } : {}) }
		},
		(r: EpochReport) =>
			log(
				`epoch ${r.epoch}: loss ${r.loss.toFixed(4)}, held-out accuracy ${(100 * r.heldOut.accuracy).toFixed(1)} %${predictLine(r.heldOut)} (${(r.ms / 1000).toFixed(1)} s)`
			)
	);
	const h = run.heldOut;
	const report: Record<string, unknown> = {
		model: kind,
		task: taskName,
		heldOutAccuracy: run.heldOut.accuracy,
		heldOutLoss: run.heldOut.loss,
		...(h.rmse !== undefined ? { heldOutRmse: h.rmse, heldOutNaiveRmse: h.naiveRmse } : {}),
		seed,
		epochs,
		length: run.task.length,
		parameters: run.model.parameterCount(),
		settings: run.settings,
		seconds: (run.history.at(-1)?.ms ?? 0) / 1000,
		history: run.history,
		...(run.stopped ? { stopped: run.stopped } : {})
	};
	if (run.task instanceof DetectTask) {
		const set = await createKernelSet({ backend: 'js' });
		report.matchedFilter = matchedFilterScore(run.task, run.train, run.test, (s, t) =>
			set.matchedFilter(s, t)
		);
		set.dispose();
	}
	const meta = {
		task: taskName,
		length: run.task.length,
		seed,
		epochs,
		heldOutAccuracy: run.heldOut.accuracy
	};
	return { report, model: modelToJSON(run.model, `${kind}-${taskName}`, meta) };
}
