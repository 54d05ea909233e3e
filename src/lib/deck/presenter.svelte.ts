import type { DeckAction } from './keys';
import {
	firstStep,
	lastStep,
	nextPosition,
	previousPosition,
	type DeckEntry,
	type Position
} from './navigation';
import { openLink, PRESENTER_WINDOW_NAME, type Link, type PresenterMessage } from './presenter-link';

/**
 * The presenter window's state: the step the class sees (as the projected window reports it),
 * and the moves the teacher makes from here. When no projected window answers (never opened, or
 * closed) the presenter keeps working on its own, and a projected window that appears later
 * takes the lead with its first announcement.
 */
export class PresenterState {
	position = $state<Position | null>(null);
	/** The projected window's query string (settings included). */
	search = $state('');
	/** The projected screen is blanked. */
	blank = $state(false);
	/** A projected window has answered and not closed since. */
	connected = $state(false);
	private link: Link | null = null;

	constructor(readonly deck: readonly DeckEntry[]) {}

	/**
	 * Joins the channel and asks the projected window where it is; returns the cleanup. The
	 * window takes the presenter's name (it may have been opened under a fresh one) so the next S
	 * brings it forward, and says when it closes so the next S opens a new one.
	 */
	connect(): () => void {
		const link = openLink(this.deck, (message) => this.receive(message));
		this.link = link;
		window.name = PRESENTER_WINDOW_NAME;
		link.post({ kind: 'hello' });
		const closing = () => link.post({ kind: 'closing' });
		addEventListener('pagehide', closing);
		return () => {
			removeEventListener('pagehide', closing);
			link.close();
			if (this.link === link) this.link = null;
		};
	}

	receive(message: PresenterMessage): void {
		if (message.kind === 'state') {
			this.position = message.position;
			this.search = message.search;
			this.blank = message.blank;
			this.connected = true;
		} else if (message.kind === 'bye') {
			this.connected = false;
			this.blank = false;
		}
	}

	go(to: Position | null): void {
		if (!to) return;
		// A new concept starts from its defaults, as it does on the projected window.
		if (this.position?.slug !== to.slug) this.search = '';
		this.position = to;
		this.link?.post({ kind: 'go', position: to });
	}

	/** The deck keys pressed in the presenter window; true when the presenter handled the action. */
	perform(action: DeckAction): boolean {
		const at = this.position;
		switch (action) {
			case 'next':
				this.go(nextPosition(this.deck, at));
				return true;
			case 'previous':
				this.go(previousPosition(this.deck, at));
				return true;
			case 'first':
				this.go(at && firstStep(at));
				return true;
			case 'last':
				this.go(at && lastStep(this.deck, at));
				return true;
			case 'blank':
				this.setBlank(!this.blank);
				return true;
			case 'presenter':
				// This is the presenter window already.
				return true;
			default:
				return false;
		}
	}

	setBlank(blank: boolean): void {
		this.blank = blank;
		this.link?.post({ kind: 'blank', blank });
	}
}
