/**
 * Pure deck navigation: where "next" and "previous" lead from a position in the deck.
 * The deck is given as a list of concepts with their step counts, so this module
 * knows nothing about the concepts themselves (the deck sits beside the layers).
 */

export interface DeckEntry {
	readonly slug: string;
	readonly stepCount: number;
}

export interface Position {
	readonly slug: string;
	readonly step: number;
}

/**
 * Reads `?step=` leniently: text, fractions, negatives and values past the end land on the
 * nearest valid step instead of an error page. Steps are 0-based internally; the URL shows
 * them 1-based, as a teacher counts ("step 1 of 4").
 */
export function parseStep(raw: string | null | undefined, stepCount: number): number {
	const last = Math.max(0, stepCount - 1);
	if (raw == null) return 0;
	const trimmed = raw.trim();
	if (trimmed === '') return 0;
	const n = Number(trimmed);
	if (Number.isNaN(n)) {
		// "3abc" → 3, "abc" → first step.
		const lead = Number.parseInt(trimmed, 10);
		return Number.isNaN(lead) ? 0 : clampStep(lead - 1, last);
	}
	if (n === Infinity) return last;
	if (n === -Infinity) return 0;
	return clampStep(Math.round(n) - 1, last);
}

function clampStep(step: number, last: number): number {
	return Math.min(last, Math.max(0, step));
}

/** The 1-based value written to `?step=`. */
export function stepParam(step: number): string {
	return String(step + 1);
}

function indexOf(deck: readonly DeckEntry[], slug: string): number {
	const i = deck.findIndex((c) => c.slug === slug);
	if (i < 0) throw new RangeError(`unknown concept "${slug}"`);
	return i;
}

/** The step after `at`; after a concept's last step, the first step of the next concept. */
export function nextPosition(deck: readonly DeckEntry[], at: Position | null): Position | null {
	if (deck.length === 0) return null;
	if (at === null) return { slug: deck[0].slug, step: 0 };
	const i = indexOf(deck, at.slug);
	if (at.step + 1 < deck[i].stepCount) return { slug: at.slug, step: at.step + 1 };
	return i + 1 < deck.length ? { slug: deck[i + 1].slug, step: 0 } : null;
}

/** The step before `at`; before a concept's first step, the last step of the previous concept. */
export function previousPosition(deck: readonly DeckEntry[], at: Position | null): Position | null {
	if (at === null) return null;
	const i = indexOf(deck, at.slug);
	if (at.step > 0) return { slug: at.slug, step: at.step - 1 };
	if (i === 0) return null;
	const prev = deck[i - 1];
	return { slug: prev.slug, step: Math.max(0, prev.stepCount - 1) };
}

export function firstStep(at: Position): Position {
	return { slug: at.slug, step: 0 };
}

export function lastStep(deck: readonly DeckEntry[], at: Position): Position {
	return { slug: at.slug, step: Math.max(0, deck[indexOf(deck, at.slug)].stepCount - 1) };
}
