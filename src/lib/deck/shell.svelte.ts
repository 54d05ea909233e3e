import { createContext } from 'svelte';
import type { DeckAction } from './keys';
import {
	firstStep,
	lastStep,
	nextPosition,
	previousPosition,
	type DeckEntry,
	type Position
} from './navigation';
import { presenterWindowName } from './presenter-link';
import { Theme } from './theme.svelte';
import type { UrlSync } from './url-sync.svelte';

/**
 * The deck shell's state: where we are, the overlays, the theme. One instance lives in the
 * root layout; pages read it through `getDeckShell()`.
 */
export class DeckShell {
	readonly theme = new Theme();
	helpOpen = $state(false);
	blank = $state(false);
	/** The concept and step on screen; null on the index. */
	position = $state<Position | null>(null);
	/** The query string on screen, settings included (kept current as settings are written). */
	search = $state('');
	/**
	 * Set by the presenter view: it takes the moving keys (and B) for the projected window.
	 * Returns true when it handled the action.
	 */
	remote: ((action: DeckAction) => boolean) | null = null;
	/** The concept page's URL writer, so navigation first saves pending settings. */
	urlSync: UrlSync | null = null;
	/** The concept page's figure export (key E and the export button); null where there is no figure. */
	exportFigure: (() => Promise<void>) | null = null;
	/** A presenter window said it is closing, and none has said hello since (see `presenterWindowName`). */
	presenterClosed = false;
	/** Set when fullscreen was refused (no user gesture, iframe without permission) or an export failed. */
	message = $state<string | null>(null);

	constructor(
		readonly deck: readonly DeckEntry[],
		private readonly navigate: (to: Position, keepSettings: boolean) => void,
		/** The presenter view's address. */
		private readonly presenterUrl = '/presenter'
	) {}

	go(to: Position | null): void {
		if (!to) return;
		const here = this.position;
		const keep = here !== null && here.slug === to.slug;
		this.urlSync?.flush();
		this.navigate(to, keep);
	}

	perform(action: DeckAction): void {
		if (this.remote?.(action)) return;
		switch (action) {
			case 'next':
				return this.go(nextPosition(this.deck, this.position));
			case 'previous':
				return this.go(previousPosition(this.deck, this.position));
			case 'first':
				return this.go(this.position && firstStep(this.position));
			case 'last':
				return this.go(this.position && lastStep(this.deck, this.position));
			case 'fullscreen':
				return void this.toggleFullscreen();
			case 'theme':
				return this.theme.toggle();
			case 'export':
				return void this.exportNow();
			case 'blank':
				this.blank = !this.blank;
				return;
			case 'presenter':
				return this.openPresenter();
			case 'help':
				this.helpOpen = !this.helpOpen;
				return;
			case 'close':
				this.helpOpen = false;
				this.blank = false;
				this.message = null;
				return;
		}
	}

	/** Opens the presenter view in its own window (or brings the open one forward). */
	openPresenter(): void {
		this.urlSync?.flush();
		const name = presenterWindowName(this.presenterClosed, Date.now());
		const opened = window.open(this.presenterUrl, name, 'popup=yes,width=1280,height=800');
		if (opened) opened.focus();
		else
			this.message = `The browser blocked the presenter window. Allow pop-ups for this site, or open ${this.presenterUrl} in a new window.`;
	}

	/** Saves the figure on screen; a failure is said in the message line, never thrown at the page. */
	async exportNow(): Promise<void> {
		if (!this.exportFigure) {
			this.message = 'There is no figure to export on this page.';
			return;
		}
		try {
			await this.exportFigure();
		} catch (error) {
			this.message = `The figure could not be exported (${(error as Error).message}).`;
		}
	}

	async toggleFullscreen(): Promise<void> {
		try {
			if (document.fullscreenElement) await document.exitFullscreen();
			else await document.documentElement.requestFullscreen();
		} catch (error) {
			this.message = `Fullscreen is not available here (${(error as Error).message}). Try F11.`;
		}
	}
}

export const [getDeckShell, setDeckShell] = createContext<DeckShell>();
