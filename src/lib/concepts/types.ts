import type { Component } from 'svelte';
import type { ParamReader, ParamValue } from '$lib/deck/params';

/** One step of an explainer: what the teacher says while the live view shows it. */
export interface Step {
	readonly title: string;
	readonly narration: string;
	/**
	 * Speaker notes for the presenter view (never shown on the projected page): what to point at,
	 * the question to ask before revealing, the common misconception. Written for the teacher,
	 * 2–4 sentences; edit them here.
	 */
	readonly notes: string;
}

export interface ExplainerProps {
	/** The step on screen, 0-based. */
	step: number;
	/** The settings the page was opened with; the reader validates and clamps them. */
	params: ParamReader;
	/** Saves settings into the URL (batched, no new history entry). */
	save: (values: Record<string, ParamValue>) => void;
}

export type ExplainerModule = { default: Component<ExplainerProps> };

export interface Concept {
	readonly slug: string;
	readonly title: string;
	/** One line for the index. */
	readonly description: string;
	/** What the class will see and do: shown on the page while the explainer is not built. */
	readonly shows: string;
	/** The lecture slides this concept accompanies. */
	readonly slides: string;
	/** Empty while the explainer is not available. */
	readonly steps: readonly Step[];
	readonly load?: () => Promise<ExplainerModule>;
}
