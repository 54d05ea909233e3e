import { baselineOf, composeSvg, inlineStyleText, type Box, type FigurePart } from './figure-file';

/**
 * Saves what an explainer shows as a PNG and an SVG, built from its DOM: every plot's SVG (with
 * its computed styles inlined so it looks the same standalone, in either theme) and every canvas
 * (drawn into the PNG, embedded as an image in the SVG), at their places on the page.
 */

/** The PNG is drawn at twice the CSS size, sharp enough for a slide. */
const PNG_SCALE = 2;

interface Layer {
	readonly box: Box;
	readonly element: SVGSVGElement | HTMLCanvasElement;
}

/** The plots' titles and legends (their figcaptions): each run of text with its font and colour. */
function captionsOf(container: HTMLElement, origin: DOMRect): FigurePart[] {
	const parts: FigurePart[] = [];
	for (const caption of container.querySelectorAll('figcaption')) {
		const walker = document.createTreeWalker(caption, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent?.trim() ?? '';
			const parent = node.parentElement;
			if (text === '' || !parent) continue;
			const range = document.createRange();
			range.selectNodeContents(node);
			const r = range.getBoundingClientRect();
			if (r.width < 1 || r.height < 1) continue;
			const style = getComputedStyle(parent);
			const box = { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
			const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
			parts.push({ kind: 'text', ...box, text, font, colour: style.color });
		}
	}
	return parts;
}

/** The outermost SVGs and the canvases inside `container`, in page order, with their boxes relative to it. */
function layersOf(container: HTMLElement): Layer[] {
	const origin = container.getBoundingClientRect();
	const layers: Layer[] = [];
	for (const element of container.querySelectorAll<SVGSVGElement | HTMLCanvasElement>('svg, canvas')) {
		if (element instanceof SVGSVGElement && element.parentElement?.closest('svg')) continue;
		const r = element.getBoundingClientRect();
		if (r.width < 1 || r.height < 1 || getComputedStyle(element).visibility === 'hidden') continue;
		layers.push({
			element,
			box: { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height }
		});
	}
	return layers;
}

/** A standalone copy of `svg`: computed styles inlined, its size fixed, namespaces declared. */
export function standaloneSvg(svg: SVGSVGElement, box: Box): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	const sources = [svg, ...svg.querySelectorAll('*')];
	const copies = [copy, ...copy.querySelectorAll('*')];
	sources.forEach((source, i) => {
		const target = copies[i];
		if (!(target instanceof SVGElement)) return;
		target.setAttribute('style', inlineStyleText(getComputedStyle(source)));
		// Focus and ARIA belong to the live page, not to a picture.
		target.removeAttribute('tabindex');
		target.removeAttribute('class');
	});
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	copy.setAttribute('width', String(box.width));
	copy.setAttribute('height', String(box.height));
	copy.style.overflow = 'hidden';
	return new XMLSerializer().serializeToString(copy);
}

function loadImage(url: string): Promise<HTMLImageElement> {
	return new Promise((resolve, reject) => {
		const image = new Image();
		image.onload = () => resolve(image);
		image.onerror = () => reject(new Error('a plot could not be drawn into the PNG'));
		image.src = url;
	});
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))),
			'image/png'
		)
	);
}

export interface Figure {
	readonly png: Blob;
	readonly svg: Blob;
}

/** The figure in `container` as a PNG and an SVG, on the page's background colour. */
export async function renderFigure(container: HTMLElement): Promise<Figure> {
	const bounds = container.getBoundingClientRect();
	const size = {
		width: Math.max(1, Math.round(bounds.width)),
		height: Math.max(1, Math.round(bounds.height))
	};
	const background = getComputedStyle(document.body).backgroundColor || '#ffffff';
	const layers = layersOf(container);

	const parts: FigurePart[] = layers.map(({ element, box }) =>
		element instanceof HTMLCanvasElement
			? { kind: 'image', ...box, href: element.toDataURL('image/png') }
			: { kind: 'svg', ...box, markup: standaloneSvg(element, box) }
	);
	const captions = captionsOf(container, bounds);
	const svgText = composeSvg(size, background, [...parts, ...captions]);

	const canvas = document.createElement('canvas');
	canvas.width = size.width * PNG_SCALE;
	canvas.height = size.height * PNG_SCALE;
	const context = canvas.getContext('2d');
	if (!context) throw new Error('this browser cannot draw a PNG (no 2D canvas)');
	context.scale(PNG_SCALE, PNG_SCALE);
	context.fillStyle = background;
	context.fillRect(0, 0, size.width, size.height);
	for (let i = 0; i < layers.length; i++) {
		const { element, box } = layers[i];
		const part = parts[i];
		if (element instanceof HTMLCanvasElement) {
			context.drawImage(element, box.x, box.y, box.width, box.height);
			continue;
		}
		if (part.kind !== 'svg') continue;
		const url = URL.createObjectURL(new Blob([part.markup], { type: 'image/svg+xml' }));
		try {
			context.drawImage(await loadImage(url), box.x, box.y, box.width, box.height);
		} finally {
			URL.revokeObjectURL(url);
		}
	}
	for (const caption of captions) {
		if (caption.kind !== 'text') continue;
		context.font = caption.font;
		context.fillStyle = caption.colour;
		context.fillText(caption.text, caption.x, baselineOf(caption));
	}
	return { png: await toBlob(canvas), svg: new Blob([svgText], { type: 'image/svg+xml' }) };
}

/** Hands `blob` to the browser as a download named `name`. */
export function download(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	// The browser reads the blob after the click returns: release it a little later.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Renders `container` and downloads `<baseName>.png` and `<baseName>.svg`. */
export async function exportFigure(container: HTMLElement, baseName: string): Promise<void> {
	const figure = await renderFigure(container);
	download(figure.png, `${baseName}.png`);
	download(figure.svg, `${baseName}.svg`);
}
