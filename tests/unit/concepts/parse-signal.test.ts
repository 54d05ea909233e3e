import { describe, expect, it } from 'vitest';
import { formatSignal, MAX_SIGNAL_LENGTH, parseSignal } from '../../../src/lib/components/parse-signal';

function values(text: string): number[] {
	const parsed = parseSignal(text);
	if (!parsed.ok) throw new Error(`expected ok, got: ${parsed.message}`);
	return Array.from(parsed.values);
}

function message(text: string, max?: number): string {
	const parsed = parseSignal(text, max);
	if (parsed.ok) throw new Error(`expected a rejection for ${JSON.stringify(text.slice(0, 40))}`);
	return parsed.message;
}

describe('parseSignal', () => {
	it('parseSignal("1, 2,3") reads commas with or without spaces', () => {
		expect(values('1, 2,3')).toEqual([1, 2, 3]);
	});
	it('parseSignal("1 -2.5\\n3e1;.5") reads whitespace, newlines, semicolons, exponents', () => {
		expect(values('1 -2.5\n3e1;.5')).toEqual([1, -2.5, 30, 0.5]);
	});
	it('parseSignal(" ,1,,2, ") ignores empty separators at the ends and doubled commas', () => {
		expect(values(' ,1,,2, ')).toEqual([1, 2]);
	});
	it('parseSignal("1,2,abc,4") names the bad token and its position', () => {
		expect(message('1,2,abc,4')).toBe('"abc" (value 3) is not a number.');
	});
	it('parseSignal("1,2x") rejects a number glued to text', () => {
		expect(message('1,2x')).toContain('"2x" (value 2)');
	});
	it('parseSignal("1,NaN") and ("Infinity,1") reject non-finite values', () => {
		expect(message('1,NaN')).toBe('"NaN" (value 2) is not a finite number.');
		expect(message('-Infinity,1')).toContain('not a finite number');
	});
	it('parseSignal("1,1e39") rejects values beyond float32', () => {
		expect(message('1,1e39')).toContain('too large');
	});
	it('parseSignal("") and ("  , ") reject an empty signal', () => {
		expect(message('')).toContain('empty');
		expect(message('  , ')).toContain('empty');
	});
	it('parseSignal("5") rejects a single value', () => {
		expect(message('5')).toContain('at least 2');
	});
	it(`parseSignal(${MAX_SIGNAL_LENGTH + 1} values) rejects more than ${MAX_SIGNAL_LENGTH}`, () => {
		const text = new Array(MAX_SIGNAL_LENGTH + 1).fill('1').join(',');
		expect(message(text)).toContain('100,001 values; at most 100,000');
	});
	it(`parseSignal(${MAX_SIGNAL_LENGTH} values) accepts exactly the limit`, () => {
		const parsed = parseSignal(new Array(MAX_SIGNAL_LENGTH).fill('0.5').join(' '));
		expect(parsed.ok && parsed.values.length).toBe(MAX_SIGNAL_LENGTH);
	});
	it('parseSignal("1,2,3", max=2) honours a smaller limit', () => {
		expect(message('1,2,3', 2)).toContain('at most 2');
	});
	it('parseSignal(a 300-character token) clips the token in the message', () => {
		expect(message('1,' + 'x'.repeat(300)).length).toBeLessThan(80);
	});
});

describe('formatSignal', () => {
	it('formatSignal([1, 0.1, -2.5]) round-trips through parseSignal', () => {
		const v = new Float32Array([1, 0.1, -2.5]);
		const text = formatSignal(v);
		expect(text).toBe('1,0.1,-2.5');
		expect(values(text)).toEqual(Array.from(v));
	});
});
