/**
 * Pure key handling: which deck action a key press means. Clickers send PageUp/PageDown,
 * so those must work on every page; nothing fires while the user types in a field.
 */

export type DeckAction =
	| 'next'
	| 'previous'
	| 'first'
	| 'last'
	| 'fullscreen'
	| 'theme'
	| 'blank'
	| 'presenter'
	| 'export'
	| 'help'
	| 'close';

export interface KeyBinding {
	readonly keys: readonly string[];
	readonly label: string;
	readonly action: DeckAction;
}

/** The table the help overlay and the README show; `keys` are `KeyboardEvent.key` values. */
export const KEY_BINDINGS: readonly KeyBinding[] = [
	{
		keys: ['ArrowRight', 'ArrowDown', 'PageDown', ' '],
		label: 'Next step (then next concept)',
		action: 'next'
	},
	{ keys: ['ArrowLeft', 'ArrowUp', 'PageUp'], label: 'Previous step', action: 'previous' },
	{ keys: ['Home'], label: 'First step of this concept', action: 'first' },
	{ keys: ['End'], label: 'Last step of this concept', action: 'last' },
	{ keys: ['f', 'F'], label: 'Fullscreen on/off', action: 'fullscreen' },
	{ keys: ['p', 'P'], label: 'Projector theme on/off', action: 'theme' },
	{ keys: ['b', 'B'], label: 'Blank the screen', action: 'blank' },
	{ keys: ['s', 'S'], label: 'Presenter view: notes, next step, timer', action: 'presenter' },
	{ keys: ['e', 'E'], label: 'Export the figure as PNG and SVG', action: 'export' },
	{ keys: ['?'], label: 'Show these keys', action: 'help' },
	{ keys: ['Escape'], label: 'Close overlays', action: 'close' }
];

const byKey = new Map<string, DeckAction>(KEY_BINDINGS.flatMap((b) => b.keys.map((k) => [k, b.action])));

export interface KeyLike {
	readonly key: string;
	readonly ctrlKey?: boolean;
	readonly altKey?: boolean;
	readonly metaKey?: boolean;
}

/** The action for a key press, or null when the deck should leave it alone. */
export function actionForKey(event: KeyLike): DeckAction | null {
	// Browser shortcuts (Ctrl+F, Alt+←) belong to the browser.
	if (event.ctrlKey || event.altKey || event.metaKey) return null;
	return byKey.get(event.key) ?? null;
}

export interface TargetLike {
	readonly tagName?: string;
	readonly type?: string;
	readonly isContentEditable?: boolean;
	readonly closest?: (selector: string) => unknown;
}

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);
/** Keys a slider, checkbox or select uses itself. */
const CONTROL_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', ' ']);
/** A clicker's keys: they still turn the page after the teacher used a slider or typed a value. */
const CLICKER_KEYS = new Set(['PageUp', 'PageDown']);

/**
 * True when a key press belongs to the focused control rather than the deck: typing in a
 * field, moving a slider with the arrows, toggling a checkbox with Space. A clicker's
 * PageUp/PageDown still reaches the deck from anything but a multi-line text area.
 * `[data-deck-keys="off"]` lets a widget claim every key.
 */
export function keyBelongsToTarget(key: string, target: TargetLike | null): boolean {
	if (!target) return false;
	if (target.closest?.('[data-deck-keys="off"]')) return true;
	const tag = (target.tagName ?? '').toUpperCase();
	if (tag === 'TEXTAREA' || target.isContentEditable) return true;
	const textField = tag === 'INPUT' && TEXT_INPUTS.has((target.type ?? '').toLowerCase());
	if (CLICKER_KEYS.has(key)) return false;
	if (textField) return true;
	if (tag === 'INPUT' || tag === 'SELECT') return CONTROL_KEYS.has(key) || tag === 'SELECT';
	return false;
}

/** Display names for the help overlay. */
export function keyLabel(key: string): string {
	const names: Record<string, string> = {
		ArrowRight: '→',
		ArrowLeft: '←',
		ArrowUp: '↑',
		ArrowDown: '↓',
		' ': 'Space',
		PageDown: 'PgDn',
		PageUp: 'PgUp'
	};
	return names[key] ?? key;
}
