import { describe, expect, it } from 'vitest';
import { ParamReader, formatParam, withParams } from '$lib/deck/params';

const read = (query: string) => {
	const seen: string[] = [];
	return { reader: new ParamReader(new URLSearchParams(query), (p) => seen.push(p)), seen };
};

describe('ParamReader.number', () => {
	const spec = { min: -6, max: 6, fallback: 1.5 };

	it('reads a valid value, or the fallback when absent, without problems', () => {
		const { reader, seen } = read('x=2.25');
		expect(reader.number('x', spec)).toBe(2.25);
		expect(reader.number('y', spec)).toBe(1.5);
		expect(seen).toEqual([]);
	});

	it.each([
		['x=abc', 1.5, /x="abc" is not a number/],
		['x=', 1.5, /not a number/],
		['x=NaN', 1.5, /not a number/],
		['x=Infinity', 1.5, /not a number/],
		['x=99', 6, /outside -6…6/],
		['x=-1e9', -6, /outside/]
	])('number(%j) → %d with a problem', (query, value, problem) => {
		const { reader, seen } = read(query);
		expect(reader.number('x', spec)).toBe(value);
		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatch(problem);
		expect(reader.problems).toEqual(seen);
	});

	it('integer specs round', () => {
		expect(read('n=3.6').reader.number('n', { min: 0, max: 10, fallback: 1, integer: true })).toBe(4);
	});
});

describe('ParamReader.choice / boolean / string', () => {
	it('choice accepts listed values only', () => {
		const { reader, seen } = read('f=tanh&g=cosh');
		expect(reader.choice('f', ['sigmoid', 'tanh'] as const, 'sigmoid')).toBe('tanh');
		expect(reader.choice('g', ['sigmoid', 'tanh'] as const, 'sigmoid')).toBe('sigmoid');
		expect(seen).toEqual(['g="cosh" is not one of sigmoid, tanh']);
	});

	it('boolean accepts 0/1/true/false', () => {
		const { reader, seen } = read('a=1&b=false&c=yes');
		expect(reader.boolean('a', false)).toBe(true);
		expect(reader.boolean('b', true)).toBe(false);
		expect(reader.boolean('c', true)).toBe(true);
		expect(seen).toHaveLength(1);
	});

	it('string returns the raw value or the fallback', () => {
		const { reader } = read('s=1,2,3');
		expect(reader.string('s', '')).toBe('1,2,3');
		expect(reader.string('t', 'none')).toBe('none');
		expect(reader.has('s')).toBe(true);
	});
});

describe('withParams / formatParam', () => {
	it('sets, formats and deletes while keeping other keys', () => {
		const next = withParams(new URLSearchParams('step=2&x=1'), { x: 0.1 + 0.2, on: true, gone: null });
		expect(next.get('step')).toBe('2');
		expect(next.get('x')).toBe('0.3');
		expect(next.get('on')).toBe('1');
		expect(next.has('gone')).toBe(false);
	});

	it('formatParam keeps integers exact and trims float noise', () => {
		expect(formatParam(42)).toBe('42');
		expect(formatParam(1 / 3)).toBe('0.333333');
		expect(formatParam(-2.5)).toBe('-2.5');
	});
});
