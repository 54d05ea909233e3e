/** Messages between a page and the recurrent training worker (worker.ts). */
import type { ModelJSON } from '../serialize';
import type { RecurrentJob } from './experiment';
import type { Progress, SequenceTrace } from './session';

export type TrainerRequest =
	| { type: 'configure'; job: RecurrentJob; model?: unknown; traceIndex?: number }
	| { type: 'start' }
	| { type: 'pause' }
	| { type: 'step'; count: number }
	| { type: 'load'; model: unknown }
	| { type: 'save' }
	| { type: 'trace'; index: number };

export interface ProgressReport extends Progress {
	running: boolean;
	/** Milliseconds spent training so far, and the estimate for the rest. */
	elapsedMs: number;
	etaMs: number | null;
}

export type TrainerReply =
	| { type: 'progress'; progress: ProgressReport; trace: SequenceTrace | null }
	| { type: 'model'; file: ModelJSON }
	/** A refused step (NaN loss): training paused, the last good weights kept. */
	| { type: 'stopped'; message: string }
	/** A request that could not be done (bad settings, broken model file); nothing changed. */
	| { type: 'error'; message: string; request: TrainerRequest['type'] };
