import { describe, expect, it } from 'vitest';
import {
	composeSvg,
	figureFileName,
	inlineStyleText,
	MAX_NAME_LENGTH,
	sanitiseNamePart
} from '$lib/deck/figure-file';

describe('figure file names', () => {
	it('figureFileName("activations", 1, step=2&x=0.94&alpha=0.1) names concept, step and settings', () => {
		const name = figureFileName('activations', 1, new URLSearchParams('step=2&x=0.94&alpha=0.1'));
		expect(name).toBe('activations-step2-x0.94-alpha0.1');
	});

	it('figureFileName sanitises values: commas, spaces, slashes, quotes and non-ASCII become one minus', () => {
		const name = figureFileName('correlation', 0, new URLSearchParams('h=1,-2,0.5&note=a/b "c"&t=é'));
		expect(name).toBe('correlation-step1-h1-2-0.5-notea-b-c-te');
		expect(name).toMatch(/^[A-Za-z0-9.-]+$/);
	});

	it('figureFileName cuts a long signal to 24 characters and the whole name to MAX_NAME_LENGTH at a setting', () => {
		const signal = Array.from({ length: 500 }, (_, i) => i).join(',');
		const many = new URLSearchParams(
			`x=${signal}&` + Array.from({ length: 40 }, (_, i) => `k${i}=${i}.5`).join('&')
		);
		const name = figureFileName('discrete-convolution', 2, many);
		expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
		expect(name.startsWith('discrete-convolution-step3-x0-1-2-3-4-5-6-7-8-9-10-')).toBe(true);
		expect(name).toMatch(/-k\d+\d*\.5$/);
		expect(figureFileName('shift', 0, many, 30).length).toBeLessThanOrEqual(30);
	});

	it('figureFileName rejects a negative step and a tiny maxLength with RangeErrors naming them', () => {
		expect(() => figureFileName('shift', -1, new URLSearchParams())).toThrow(/step must be/);
		expect(() => figureFileName('shift', 0, new URLSearchParams(), 3)).toThrow(/maxLength must be/);
	});

	it('sanitiseNamePart("../../etc/passwd") cannot climb out of a folder', () => {
		expect(sanitiseNamePart('../../etc/passwd')).toBe('etc-passwd');
		expect(sanitiseNamePart('...')).toBe('');
	});
});

describe('the exported SVG document', () => {
	const parts = [
		{
			kind: 'svg' as const,
			x: 10,
			y: 20,
			width: 300,
			height: 200,
			markup:
				'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="250" role="img"><circle r="3"/></svg>'
		},
		{ kind: 'image' as const, x: 320.123, y: 0, width: 50, height: 40, href: 'data:image/png;base64,AAAA"<' }
	];

	it('composeSvg places each plot at its box (its own size replaced) and escapes image URLs', () => {
		const svg = composeSvg({ width: 400, height: 300 }, 'rgb(251, 251, 250)', parts);
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).toContain('viewBox="0 0 400 300"');
		expect(svg).toContain('<rect width="100%" height="100%" fill="rgb(251, 251, 250)"/>');
		expect(svg).toContain(
			'<svg xmlns="http://www.w3.org/2000/svg" role="img" x="10" y="20" width="300" height="200"><circle r="3"/></svg>'
		);
		expect(svg).not.toContain('width="400" height="250"');
		expect(svg).toContain(
			'<image x="320.12" y="0" width="50" height="40" href="data:image/png;base64,AAAA&quot;&lt;"/>'
		);
		expect(svg.trim().endsWith('</svg>')).toBe(true);
	});

	it('composeSvg writes a caption as <text> on its baseline (4/5 down its box), escaped', () => {
		const caption = {
			kind: 'text' as const,
			x: 5,
			y: 10,
			width: 80,
			height: 20,
			text: 'f(x) <&> g',
			font: '700 18px "DejaVu Sans"',
			colour: 'rgb(22, 24, 29)'
		};
		const svg = composeSvg({ width: 100, height: 100 }, '#fff', [caption]);
		expect(svg).toContain(
			'<text x="5" y="26" style="font:700 18px &quot;DejaVu Sans&quot;;fill:rgb(22, 24, 29)">f(x) &lt;&amp;&gt; g</text>'
		);
	});

	it('composeSvg rejects an empty size', () => {
		expect(() => composeSvg({ width: 0, height: 10 }, '#fff', [])).toThrow(/size must be positive/);
	});

	it('inlineStyleText keeps the SVG properties that are set, in a fixed order', () => {
		const values: Record<string, string> = {
			stroke: 'rgb(0, 114, 178)',
			'stroke-width': '3px',
			color: 'red',
			fill: 'none'
		};
		const text = inlineStyleText({ getPropertyValue: (name) => values[name] ?? '' });
		expect(text).toBe('fill:none;stroke:rgb(0, 114, 178);stroke-width:3px');
	});
});
