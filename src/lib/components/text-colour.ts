/**
 * The text-safe variant of a series colour: `var(--c2)` becomes `var(--c2-text)`, the same hue
 * dark enough for text on the light theme (≥ 4.5:1; app.css). Any other colour is returned as is.
 */
export function textColour(colour: string): string {
	return colour.replace(/^var\(--c(\d)\)$/, 'var(--c$1-text)');
}
