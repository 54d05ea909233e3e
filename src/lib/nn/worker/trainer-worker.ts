/// <reference lib="webworker" />
/**
 * The Web Worker entry: a session talking to the page through postMessage. Each `init` picks the
 * session: a SequenceSession for a recurrent model on a sequence task, else a TrainingSession.
 */
import type { Command, InitCommand, WorkerEvent } from './protocol';
import { SequenceSession } from './sequence-session';
import { TrainingSession } from './session';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const read = (init: InitCommand) => async (name: string) => {
	const res = await fetch(`${init.dataUrl}${name}`);
	if (!res.ok) throw new Error(`Could not load ${name} (HTTP ${res.status})`);
	return res.arrayBuffer();
};

// A MessageChannel tick yields to incoming messages without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();
const schedule = (f: () => void) => {
	queue.push(f);
	channel.port2.postMessage(0);
};

const post = (e: WorkerEvent) => scope.postMessage(e);
let session: TrainingSession | SequenceSession | null = null;

scope.onmessage = (e: MessageEvent<Command>) => {
	if (e.data.type === 'crash') {
		// thrown outside any promise so the page's `error` handler sees it, as with a real crash
		setTimeout(() => {
			throw new Error('The training worker was asked to crash.');
		});
		return;
	}
	const cmd = e.data;
	if (cmd.type === 'init') {
		const sequence = cmd.sequence !== undefined;
		if (!session || sequence !== session instanceof SequenceSession) {
			session?.dispose();
			session = sequence ? new SequenceSession(post, schedule) : new TrainingSession(post, read, schedule);
		}
	}
	if (!session) return post({ type: 'error', message: 'The trainer is not set up yet.' });
	void session.handle(cmd);
};
