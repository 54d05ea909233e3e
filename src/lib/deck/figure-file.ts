/**
 * Pure parts of exporting the figure on screen: the file name (concept, step and settings, safe
 * on every file system) and the standalone SVG document that stacks the view's plots.
 */

/** Longest file name written, without its extension: well under every file system's limit. */
export const MAX_NAME_LENGTH = 120;
/** A long setting (a pasted signal) is cut to this many characters in the name. */
const MAX_VALUE_LENGTH = 24;

/** Letters, digits, dot and minus stay; every other run of characters becomes one minus. */
export function sanitiseNamePart(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[^A-Za-z0-9.-]+/g, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * `activations-step2-x0.94-alpha0.1`: the concept, the 1-based step and each setting of the link
 * (its `step` excluded), sanitised and cut to `maxLength` at a setting's boundary.
 */
export function figureFileName(
	slug: string,
	step: number,
	settings: URLSearchParams,
	maxLength = MAX_NAME_LENGTH
): string {
	if (!Number.isInteger(step) || step < 0)
		throw new RangeError(`step must be a whole number ≥ 0, got ${step}`);
	if (!Number.isInteger(maxLength) || maxLength < 16) {
		throw new RangeError(`maxLength must be a whole number ≥ 16, got ${maxLength}`);
	}
	const head = `${sanitiseNamePart(slug).slice(0, maxLength - 8) || 'figure'}-step${step + 1}`;
	let name = head;
	for (const [key, value] of settings) {
		if (key === 'step') continue;
		const part = sanitiseNamePart(`${key}${value.slice(0, MAX_VALUE_LENGTH)}`);
		if (part === '') continue;
		if (name.length + 1 + part.length > maxLength) break;
		name += `-${part}`;
	}
	return name;
}

export interface Box {
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly height: number;
}

/** One layer of the exported figure: a plot's own SVG markup, or a canvas as a PNG data URL. */
export type FigurePart =
	| (Box & { readonly kind: 'svg'; readonly markup: string })
	| (Box & { readonly kind: 'image'; readonly href: string })
	| (Box & { readonly kind: 'text'; readonly text: string; readonly font: string; readonly colour: string });

/** Where a line of text in `box` has its baseline: about four fifths down (the font's ascent). */
export const baselineOf = (box: Box) => box.y + box.height * 0.8;

const escapeAttribute = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const n = (v: number) => String(Math.round(v * 100) / 100);

/** A standalone SVG document of `size` with a `background` and the parts stacked in order. */
export function composeSvg(
	size: { width: number; height: number },
	background: string,
	parts: readonly FigurePart[]
): string {
	if (!(size.width > 0 && size.height > 0)) {
		throw new RangeError(`size must be positive, got ${size.width}×${size.height}`);
	}
	const body = parts.map((part) => {
		const box = `x="${n(part.x)}" y="${n(part.y)}" width="${n(part.width)}" height="${n(part.height)}"`;
		if (part.kind === 'image') return `<image ${box} href="${escapeAttribute(part.href)}"/>`;
		if (part.kind === 'text') {
			const style = escapeAttribute(`font:${part.font};fill:${part.colour}`);
			return `<text x="${n(part.x)}" y="${n(baselineOf(part))}" style="${style}">${escapeAttribute(part.text)}</text>`;
		}
		// A nested <svg> places a plot at its spot on the page and clips it to its own box.
		return part.markup.replace(/^<svg\b[^>]*?(\/?)>/, (open, selfClosing: string) => {
			const kept = open.replace(/\s(x|y|width|height)="[^"]*"/g, '').replace(/\/?>$/, '');
			return `${kept} ${box}${selfClosing ? '/' : ''}>`;
		});
	});
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${n(size.width)}" height="${n(size.height)}" viewBox="0 0 ${n(size.width)} ${n(size.height)}">`,
		`<rect width="100%" height="100%" fill="${escapeAttribute(background)}"/>`,
		...body,
		'</svg>'
	].join('\n');
}

/** The SVG properties copied into each exported element's style, so it looks the same standalone. */
export const INLINED_PROPERTIES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'stroke-linecap',
	'stroke-linejoin',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'paint-order',
	'visibility',
	'display'
] as const;

/** A `style` attribute's text from a computed style (only the properties that shape SVG). */
export function inlineStyleText(style: { getPropertyValue(name: string): string }): string {
	const out: string[] = [];
	for (const name of INLINED_PROPERTIES) {
		const value = style.getPropertyValue(name).trim();
		if (value !== '') out.push(`${name}:${value}`);
	}
	return out.join(';');
}
