/**
 * The presenter view and the projected window talk over a BroadcastChannel: same machine, same
 * origin, no server. The projected window announces where it is (concept, step, settings, blank);
 * the presenter asks it to move. Messages are validated on arrival, so a stale tab of an older
 * build or a hand-made message can never move the deck somewhere that does not exist.
 */
import { nextPosition, stepParam, type DeckEntry, type Position } from './navigation';

export const CHANNEL_NAME = 'flipshift:presenter';
/** The `name` of the presenter's preview frame: a window with this name stays out of the link. */
export const PREVIEW_FRAME_NAME = 'flipshift-preview';
/** The presenter window's name, so S focuses the open one instead of opening a second. */
export const PRESENTER_WINDOW_NAME = 'flipshift-presenter';

/**
 * The window name S opens the presenter under. For a moment after a presenter window closes,
 * Chromium still finds the closing window by its name and hands it back from `window.open`, so
 * nothing opens; after a presenter said it is closing, S asks for a fresh name instead (the new
 * presenter takes the shared name itself once it runs, see `PresenterState.connect`).
 */
export function presenterWindowName(presenterClosed: boolean, now: number): string {
	return presenterClosed ? `${PRESENTER_WINDOW_NAME}-${now}` : PRESENTER_WINDOW_NAME;
}

export type PresenterMessage =
	/** Projected → presenter: what the class sees now. `search` is the query string with settings. */
	| { kind: 'state'; position: Position | null; search: string; blank: boolean }
	/** Projected → presenter: the projected window is closing. */
	| { kind: 'bye' }
	/** Presenter → projected: say where you are. */
	| { kind: 'hello' }
	/** Presenter → projected: the presenter window is closing. */
	| { kind: 'closing' }
	/** Presenter → projected: show this step. */
	| { kind: 'go'; position: Position }
	/** Presenter → projected: blank or unblank the screen. */
	| { kind: 'blank'; blank: boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

function parsePosition(deck: readonly DeckEntry[], value: unknown): Position | undefined {
	if (!isRecord(value) || typeof value.slug !== 'string' || !Number.isInteger(value.step)) return undefined;
	const entry = deck.find((c) => c.slug === value.slug);
	const step = value.step as number;
	if (!entry || step < 0 || step >= entry.stepCount) return undefined;
	return { slug: entry.slug, step };
}

/** The message `data` carries, or null when it is not a valid message for this deck. */
export function parseMessage(deck: readonly DeckEntry[], data: unknown): PresenterMessage | null {
	if (!isRecord(data)) return null;
	switch (data.kind) {
		case 'hello':
		case 'bye':
		case 'closing':
			return { kind: data.kind };
		case 'blank':
			return typeof data.blank === 'boolean' ? { kind: 'blank', blank: data.blank } : null;
		case 'go': {
			const position = parsePosition(deck, data.position);
			return position ? { kind: 'go', position } : null;
		}
		case 'state': {
			const position = data.position === null ? null : parsePosition(deck, data.position);
			if (position === undefined || typeof data.search !== 'string' || typeof data.blank !== 'boolean')
				return null;
			return { kind: 'state', position, search: data.search, blank: data.blank };
		}
		default:
			return null;
	}
}

/**
 * The address of the step after `at`, as the projected window would show it: within a concept
 * the settings in `search` travel along (as they do when the teacher presses →); a new concept
 * starts from its defaults. Null at the end of the deck.
 */
export function nextStepAddress(
	deck: readonly DeckEntry[],
	at: Position | null,
	search: string
): { position: Position; search: string } | null {
	const next = nextPosition(deck, at);
	if (!next) return null;
	const params = at !== null && at.slug === next.slug ? new URLSearchParams(search) : new URLSearchParams();
	params.set('step', stepParam(next.step));
	return { position: next, search: `?${params}` };
}

export interface Link {
	post(message: PresenterMessage): void;
	close(): void;
}

/**
 * Joins the channel; `receive` gets every valid message from the other windows. Without
 * BroadcastChannel (very old browsers) the link is silent and each window works on its own.
 */
export function openLink(deck: readonly DeckEntry[], receive: (message: PresenterMessage) => void): Link {
	if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
	const channel = new BroadcastChannel(CHANNEL_NAME);
	channel.onmessage = (event: MessageEvent) => {
		const message = parseMessage(deck, event.data);
		if (message) receive(message);
	};
	return {
		post: (message) => channel.postMessage(message),
		close: () => channel.close()
	};
}

/** True inside the presenter's preview frame, which must neither announce nor obey. */
export function isPreviewFrame(): boolean {
	return typeof window !== 'undefined' && window.name === PREVIEW_FRAME_NAME;
}

/**
 * Inside the preview frame: keys never act on the preview itself (it would wander off on its
 * own) but go to the presenter around it, so the clicker keeps working even if the frame took
 * focus while loading. Returns the cleanup.
 */
export function forwardPreviewKeys(): () => void {
	const forward = (event: KeyboardEvent) => {
		event.stopImmediatePropagation();
		event.preventDefault();
		if (window.parent === window) return;
		const { key, ctrlKey, altKey, metaKey, shiftKey, repeat } = event;
		window.parent.dispatchEvent(
			new KeyboardEvent('keydown', { key, ctrlKey, altKey, metaKey, shiftKey, repeat })
		);
	};
	addEventListener('keydown', forward, { capture: true });
	return () => removeEventListener('keydown', forward, { capture: true });
}
