import { afterEach, describe, expect, it, vi } from 'vitest';
import { ParamReader } from '../../../src/lib/deck/params';
import { steps } from '../../../src/lib/concepts/matched-filter/steps';
import { MatchedFilterModel } from '../../../src/lib/concepts/matched-filter/model.svelte';
import {
	argmax,
	crossings,
	hiddenAt,
	hiddenSignal,
	makeTemplate,
	noiseSigma,
	rms
} from '../../../src/lib/concepts/matched-filter/functions';
import { matchedFilter } from '../../../src/lib/kernels/reference';

const reader = (query: string) => new ParamReader(new URLSearchParams(query));
const f32 = (a: number[]) => new Float32Array(a);

describe('matched-filter steps', () => {
	it('steps: hidden pattern, slide by hand (output so far), peak + threshold, reveal, own data', () => {
		expect(steps.map((s) => s.output)).toEqual(['none', 'so-far', 'full', 'full', 'full']);
		expect(steps.map((s) => s.detect)).toEqual([false, false, true, true, true]);
		expect(steps.map((s) => s.reveal)).toEqual([false, false, false, true, true]);
		expect(steps.map((s) => s.ownData)).toEqual([false, false, false, false, true]);
	});
});

describe('matched-filter functions', () => {
	it('rms([3, 4]) = √12.5; rms([]) = 0', () => {
		expect(rms(f32([3, 4]))).toBeCloseTo(Math.sqrt(12.5), 6);
		expect(rms(f32([]))).toBe(0);
	});
	it('noiseSigma(template rms 1, SNR 0 dB) = 1, 20 dB = 0.1, −20 dB = 10', () => {
		const barker = makeTemplate('barker', 13);
		expect(rms(barker)).toBe(1);
		expect(noiseSigma(barker, 0)).toBeCloseTo(1, 12);
		expect(noiseSigma(barker, 20)).toBeCloseTo(0.1, 12);
		expect(noiseSigma(barker, -20)).toBeCloseTo(10, 12);
	});
	it('noiseSigma(box, 6 dB) halves the amplitude ratio: σ = rms·10^(−0.3)', () => {
		const box = makeTemplate('pulse', 64);
		expect(noiseSigma(box, 6)).toBeCloseTo(rms(box) * 10 ** -0.3, 12);
	});
	it('makeTemplate(barker, 64) holds each of 13 chips for 5 samples; pulse/chirp have exactly 64', () => {
		expect(makeTemplate('barker', 64).length).toBe(65);
		expect(makeTemplate('pulse', 64).length).toBe(64);
		expect(makeTemplate('chirp', 64).length).toBe(64);
	});
	it('hiddenSignal(seed=7, SNR=+40 dB) peaks exactly at hiddenAt(7) under the reference matched filter', () => {
		const t = makeTemplate('barker', 26);
		const x = hiddenSignal(t, 512, 40, 7);
		expect(matchedFilter(x, t).peakIndex).toBe(hiddenAt(7, 512, t.length));
	});
	it('hiddenAt(seed) does not depend on the SNR, and the noise differs between seeds', () => {
		const t = makeTemplate('pulse', 32);
		const a = hiddenSignal(t, 256, 10, 3);
		const b = hiddenSignal(t, 256, -10, 3);
		expect(a).not.toEqual(b);
		expect(hiddenAt(3, 256, 32)).toBeLessThanOrEqual(256 - 32);
		expect(hiddenSignal(t, 256, 0, 3)).toEqual(hiddenSignal(t, 256, 0, 3));
		expect(hiddenSignal(t, 256, 0, 4)).not.toEqual(hiddenSignal(t, 256, 0, 3));
	});
	it('argmax([1,5,5,2]) = 1 (first maximum); crossings([0,2,2,0,3,0], 1) = 2', () => {
		expect(argmax(f32([1, 5, 5, 2]))).toBe(1);
		expect(crossings(f32([0, 2, 2, 0, 3, 0]), 1)).toBe(2);
		expect(crossings(f32([0, 0]), 1)).toBe(0);
	});
});

describe('MatchedFilterModel', () => {
	it('defaults: Barker-13 (65 taps) in 1024 samples at 0 dB, seed 1, threshold 0.6', () => {
		const m = new MatchedFilterModel(reader(''));
		expect(m.templateName).toBe('barker');
		expect(m.template.length).toBe(65);
		expect(m.signal.length).toBe(1024);
		expect([m.snrDb, m.seed, m.threshold, m.normalized]).toEqual([0, 1, 0.6, false]);
		expect(m.lastPosition).toBe(1024 - 65);
	});
	it('without p the filter opens a quarter of the way in, or short of the hidden pattern if that comes first', () => {
		for (let seed = 1; seed <= 40; seed++) {
			const m = new MatchedFilterModel(reader(`seed=${seed}`));
			const quarter = Math.round(m.lastPosition / 4);
			const beforePattern = Math.max(0, m.hidden! - m.template.length);
			expect(m.position, `seed ${seed}`).toBe(Math.min(quarter, beforePattern));
		}
		expect(new MatchedFilterModel(reader('seed=1&p=0')).position).toBe(0);
	});
	it('toParams → ParamReader → model round-trips every setting', () => {
		const a = new MatchedFilterModel(
			reader('tpl=chirp&len=40&n=4096&snr=-3.5&seed=9&p=100&thr=0.8&norm=1&speed=2')
		);
		const query = new URLSearchParams(
			Object.entries(a.toParams()).filter(([, v]) => v !== null) as [string, string][]
		).toString();
		const b = new MatchedFilterModel(reader(query));
		expect(b.toParams()).toEqual(a.toParams());
		expect([b.templateName, b.templateLength, b.signalLength, b.snrDb, b.seed, b.position]).toEqual([
			'chirp',
			40,
			4096,
			-3.5,
			9,
			100
		]);
		expect([b.threshold, b.normalized, b.player.speed]).toEqual([0.8, true, 2]);
	});
	it('bad link values are reset and reported: tpl=sine, snr=99 (clamped to 20), n=10 (clamped to 256)', () => {
		const params = reader('tpl=sine&snr=99&n=10');
		const m = new MatchedFilterModel(params);
		expect([m.templateName, m.snrDb, m.signalLength]).toEqual(['barker', 20, 256]);
		expect(params.problems).toHaveLength(3);
	});
	it('n=65536 with a 64-tap pulse gives 65 536 samples (the benchmark size)', () => {
		const m = new MatchedFilterModel(reader('n=65536&tpl=pulse&len=64'));
		expect(m.signal.length).toBe(65_536);
		expect(m.lastPosition).toBe(65_536 - 64);
	});
	it('newNoise() moves to the next seed and changes the signal but keeps the template', () => {
		const m = new MatchedFilterModel(reader('seed=5'));
		const before = m.signal;
		m.newNoise();
		expect(m.seed).toBe(6);
		expect(m.signal).not.toEqual(before);
	});
	it('setPosition/advance clamp to [0, N − L]; advance steps ~N/400 and stops at the end', () => {
		const m = new MatchedFilterModel(reader('n=1024'));
		m.setPosition(-3);
		expect(m.position).toBe(0);
		m.advance();
		expect(m.position).toBe(3);
		m.setPosition(99999);
		expect(m.position).toBe(m.lastPosition);
		expect(m.advance()).toBe(false);
	});
	it('setThreshold(9) clamps to 1.5; setSnr(−50) clamps to −20', () => {
		const m = new MatchedFilterModel(reader(''));
		m.setThreshold(9);
		m.setSnr(-50);
		expect([m.threshold, m.snrDb]).toEqual([1.5, -20]);
	});
	it('setCustom(10 values) with a 65-tap template is refused with a reason; 100 values are used', () => {
		const m = new MatchedFilterModel(reader(''));
		expect(m.setCustom(new Float32Array(10))).toContain('at least as long');
		expect(m.custom).toBeNull();
		expect(m.setCustom(new Float32Array(100))).toBeNull();
		expect(m.signal.length).toBe(100);
		expect(m.hidden).toBeNull();
		m.clearCustom();
		expect(m.signal.length).toBe(1024);
	});
	it('x=1,2,3 in the link (shorter than the template) is not used and the reason is kept', () => {
		const m = new MatchedFilterModel(reader('x=1,2,3'));
		expect(m.custom).toBeNull();
		expect(m.linkProblem).toContain('at least as long');
	});

	describe('long pasted signals', () => {
		afterEach(() => vi.unstubAllGlobals());
		it('setCustom(100 values) stores the signal in localStorage and writes x=stored; a new model reads it back', () => {
			const store = new Map<string, string>();
			vi.stubGlobal('localStorage', {
				getItem: (k: string) => store.get(k) ?? null,
				setItem: (k: string, v: string) => void store.set(k, v)
			});
			const a = new MatchedFilterModel(reader(''));
			const values = Float32Array.from({ length: 100 }, (_, i) => i % 7);
			a.setCustom(values);
			expect(a.toParams().x).toBe('stored');
			expect(store.get('flipshift:matched-filter:x')?.split(',')).toHaveLength(100);
			const b = new MatchedFilterModel(reader('x=stored'));
			expect(b.custom).toEqual(values);
		});
		it('x=stored with nothing in storage keeps the generated signal and says so', () => {
			vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
			const m = new MatchedFilterModel(reader('x=stored'));
			expect(m.custom).toBeNull();
			expect(m.linkProblem).toContain('no longer in this browser');
		});
	});
});
