/**
 * The recurrent training worker: runs a RecurrentSession in slices of ~40 ms between messages, so
 * pause and step answer at once, and reports progress (with the chosen sequence's gates) about
 * four times a second. Bad requests answer with an error and change nothing.
 */
import type { ProgressReport, TrainerReply, TrainerRequest } from './protocol';
import { RecurrentSession } from './session';

const SLICE_MS = 40;
const REPORT_MS = 250;
/** Held-out sequences are scored every this many steps while training. */
const SCORE_EVERY = 25;

let session: RecurrentSession | null = null;
let running = false;
let traceIndex = 0;
let elapsedMs = 0;
let lastReport = 0;

const post = (reply: TrainerReply) => (self as unknown as Worker).postMessage(reply);

function report(): void {
	if (!session) return;
	const p = session.progress();
	const perStep = p.step ? elapsedMs / p.step : null;
	const progress: ProgressReport = {
		...p,
		running,
		elapsedMs,
		etaMs: perStep === null ? null : perStep * (p.totalSteps - p.step)
	};
	const index = Math.min(traceIndex, session.test.shape[0] - 1);
	post({ type: 'progress', progress, trace: session.trace(index) });
	lastReport = performance.now();
}

function train(count: number): boolean {
	const s = session!;
	const t0 = performance.now();
	for (let i = 0; i < count && !s.done; i++) {
		const refused = s.advance();
		if (refused) {
			running = false;
			post({ type: 'stopped', message: refused });
			return false;
		}
		if (s.step % SCORE_EVERY === 0 || s.done) s.scoreHeldOut();
		if (performance.now() - t0 > SLICE_MS) break;
	}
	elapsedMs += performance.now() - t0;
	return true;
}

function loop(): void {
	if (!running || !session) return;
	const ok = train(Infinity);
	if (!ok || session.done) {
		running = false;
		session.scoreHeldOut();
		report();
		return;
	}
	if (performance.now() - lastReport > REPORT_MS) report();
	setTimeout(loop, 0);
}

function handle(msg: TrainerRequest): void {
	if (msg.type === 'configure') {
		const next = new RecurrentSession(msg.job);
		if (msg.model !== undefined) next.load(msg.model);
		running = false;
		session = next;
		elapsedMs = 0;
		traceIndex = msg.traceIndex ?? 0;
		session.scoreHeldOut();
		report();
		return;
	}
	if (!session) throw new Error('Choose a model and a task first');
	if (msg.type === 'start') {
		if (!running && !session.done) {
			running = true;
			loop();
		}
	} else if (msg.type === 'pause') {
		running = false;
		report();
	} else if (msg.type === 'step') {
		if (running) return;
		if (train(Math.max(1, Math.min(1000, msg.count)))) session.scoreHeldOut();
		report();
	} else if (msg.type === 'load') {
		session.load(msg.model);
		session.scoreHeldOut();
		report();
	} else if (msg.type === 'save') post({ type: 'model', file: session.modelFile() });
	else if (msg.type === 'trace') {
		traceIndex = msg.index;
		session.trace(traceIndex);
		report();
	}
}

self.onmessage = (e: MessageEvent<TrainerRequest>) => {
	try {
		handle(e.data);
	} catch (err) {
		post({ type: 'error', message: (err as Error).message, request: e.data?.type ?? 'configure' });
	}
};
