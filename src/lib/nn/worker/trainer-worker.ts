/// <reference lib="webworker" />
/** The Web Worker entry: a TrainingSession talking to the page through postMessage. */
import type { Command, InitCommand, WorkerEvent } from './protocol';
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

const session = new TrainingSession((e: WorkerEvent) => scope.postMessage(e), read, schedule);

scope.onmessage = (e: MessageEvent<Command>) => {
	if (e.data.type === 'crash') {
		// thrown outside any promise so the page's `error` handler sees it, as with a real crash
		setTimeout(() => {
			throw new Error('The training worker was asked to crash.');
		});
		return;
	}
	void session.handle(e.data);
};
