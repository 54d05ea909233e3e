import type { ParamReader, ParamValue } from '$lib/deck/params';
import { DEFAULT_CODE, encodeArchitecture, parseArchitecture, presetArchitecture } from './codec';
import { checkArchitecture, LIMITS, type Architecture, type ConvBlock } from './functions';

const clampTo = (v: number, [lo, hi]: readonly [number, number]) =>
	Math.min(hi, Math.max(lo, Math.round(Number.isFinite(v) ? v : lo)));

/** The network being built; the table is derived from it. One URL value: `net`. */
export class ArchitectureModel {
	architecture = $state.raw<Architecture>(presetArchitecture('lenet5'));
	/** Why the link's network was not used, if it was not. */
	linkProblem = $state<string | null>(null);

	readonly result = $derived(checkArchitecture(this.architecture));
	readonly code = $derived(encodeArchitecture(this.architecture));

	constructor(params: ParamReader) {
		if (!params.has('net')) return;
		const raw = params.string('net', DEFAULT_CODE);
		const parsed = parseArchitecture(raw);
		if ('architecture' in parsed) this.architecture = parsed.architecture;
		else this.linkProblem = `net=“${raw}” was not understood (${parsed.problem}); showing LeNet-5.`;
	}

	applyPreset(id: string): void {
		this.architecture = presetArchitecture(id);
		this.linkProblem = null;
	}

	setInput(key: 'size' | 'channels' | 'classes', value: number): void {
		this.architecture = { ...this.architecture, [key]: clampTo(value, LIMITS[key]) };
	}

	setBlock(index: number, key: keyof ConvBlock, value: number): void {
		const blocks = this.architecture.blocks.map((b, i) =>
			i === index ? { ...b, [key]: clampTo(value, LIMITS[key]) } : b
		);
		this.architecture = { ...this.architecture, blocks };
	}

	/** A new block copies the last one (or a plain 3×3 block), so N+1 is one click. */
	addBlock(): void {
		const { blocks } = this.architecture;
		if (blocks.length >= LIMITS.blocks[1]) return;
		const next = blocks.at(-1) ?? { filters: 8, kernel: 3, padding: 1, convs: 1, pool: 2 };
		this.architecture = { ...this.architecture, blocks: [...blocks, next] };
	}

	removeBlock(): void {
		this.architecture = { ...this.architecture, blocks: this.architecture.blocks.slice(0, -1) };
	}

	setFc(index: number, width: number): void {
		const fc = this.architecture.fc.map((w, i) => (i === index ? clampTo(width, LIMITS.width) : w));
		this.architecture = { ...this.architecture, fc };
	}

	addFc(): void {
		const { fc } = this.architecture;
		if (fc.length >= LIMITS.fcs[1]) return;
		this.architecture = { ...this.architecture, fc: [...fc, fc.at(-1) ?? 64] };
	}

	removeFc(): void {
		this.architecture = { ...this.architecture, fc: this.architecture.fc.slice(0, -1) };
	}

	toParams(): Record<string, ParamValue> {
		return { net: this.code };
	}
}
