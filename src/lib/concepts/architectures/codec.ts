/**
 * The architecture in one short URL value, e.g. LeNet-5: `32x1-c6k5p0m2-c16k5p0m2-f120-f84-o10`.
 * Tokens: `<size>x<channels>` (input), then per block `c<filters>k<kernel>p<padding>[r<convs>]m<pool>`,
 * then `f<width>` per hidden FC layer, then `o<classes>`. Parsing is strict: anything else is refused
 * with a reason, so a malformed link opens the default network with a notice instead of guessing.
 */
import { validateArchitecture, type Architecture, type ConvBlock } from './functions';

const INPUT = /^(\d{1,4})x(\d{1,3})$/;
const BLOCK = /^c(\d{1,5})k(\d{1,3})p(\d{1,2})(?:r(\d))?m(\d{1,2})$/;
const FC = /^f(\d{1,5})$/;
const OUT = /^o(\d{1,5})$/;

export function encodeArchitecture(a: Architecture): string {
	const blocks = a.blocks.map(
		(b) => `c${b.filters}k${b.kernel}p${b.padding}${b.convs === 1 ? '' : `r${b.convs}`}m${b.pool}`
	);
	return [`${a.size}x${a.channels}`, ...blocks, ...a.fc.map((w) => `f${w}`), `o${a.classes}`].join('-');
}

export type Parsed = { readonly architecture: Architecture } | { readonly problem: string };

/** The architecture `text` names, or why it names none. */
export function parseArchitecture(text: string): Parsed {
	const tokens = text.trim().split('-');
	const input = INPUT.exec(tokens[0] ?? '');
	if (!input) return { problem: `it must start with <size>x<channels>, e.g. 32x1, not “${tokens[0]}”` };
	const out = OUT.exec(tokens.at(-1) ?? '');
	if (tokens.length < 2 || !out) return { problem: `it must end with o<classes>, e.g. o10` };
	const blocks: ConvBlock[] = [];
	const fc: number[] = [];
	for (const token of tokens.slice(1, -1)) {
		const block = BLOCK.exec(token);
		const dense = FC.exec(token);
		if (block && fc.length === 0) {
			const [, filters, kernel, padding, convs, pool] = block.map(Number);
			blocks.push({ filters, kernel, padding, convs: Number.isNaN(convs) ? 1 : convs, pool });
		} else if (dense) {
			fc.push(Number(dense[1]));
		} else {
			return {
				problem: block
					? `conv block “${token}” comes after an FC layer`
					: `“${token}” is neither a conv block (c<filters>k<kernel>p<padding>m<pool>) nor an FC layer (f<width>)`
			};
		}
	}
	const architecture: Architecture = {
		size: Number(input[1]),
		channels: Number(input[2]),
		blocks,
		fc,
		classes: Number(out[1])
	};
	try {
		validateArchitecture(architecture);
	} catch (error) {
		return { problem: (error as Error).message.replace('checkArchitecture: ', '') };
	}
	return { architecture };
}

export interface Preset {
	readonly id: string;
	readonly label: string;
	readonly code: string;
}

/** Networks to start from; the last two do not fit on purpose. */
export const PRESETS: readonly Preset[] = [
	{ id: 'lenet5', label: 'LeNet-5', code: '32x1-c6k5p0m2-c16k5p0m2-f120-f84-o10' },
	{ id: 'deck', label: 'The deck’s layer (100×100, 3×3)', code: '100x1-c3k3p0m3-o2' },
	{ id: 'vgg', label: 'Small VGG-style', code: '32x3-c32k3p1r2m2-c64k3p1r2m2-c128k3p1r2m2-f256-o10' },
	{
		id: 'kernel-too-big',
		label: 'Kernel larger than its input',
		code: '28x1-c8k5p0m2-c16k5p0m2-c32k5p0m2-o10'
	},
	{ id: 'pool-too-big', label: 'Pool 3×3 on a 2×2 map', code: '8x1-c4k3p1m2-c8k3p1m2-c8k3p1m3-o10' }
];

export const DEFAULT_CODE = PRESETS[0].code;

export function presetArchitecture(id: string): Architecture {
	const preset = PRESETS.find((p) => p.id === id);
	if (!preset) throw new RangeError(`presetArchitecture: unknown preset ${JSON.stringify(id)}`);
	const parsed = parseArchitecture(preset.code);
	if (!('architecture' in parsed)) throw new Error(`preset ${id}: ${parsed.problem}`);
	return parsed.architecture;
}
