import { describe, expect, it } from 'vitest';
import {
	STALE_AFTER_MS,
	elapsedMs,
	formatDuration,
	pauseClock,
	resetClock,
	restoreClock,
	resumeClock,
	startClock
} from '$lib/deck/lecture-clock';

describe('lecture clock', () => {
	it('startClock(1000) counts from its start: 61 s later elapsedMs = 61000', () => {
		const clock = startClock(1000);
		expect(elapsedMs(clock, 1000)).toBe(0);
		expect(elapsedMs(clock, 62_000)).toBe(61_000);
	});

	it('pause at 10 s, resume 50 s later, read 5 s after: 15 s counted', () => {
		const paused = pauseClock(startClock(0), 10_000);
		expect(paused.runningSince).toBeNull();
		expect(elapsedMs(paused, 40_000)).toBe(10_000);
		const resumed = resumeClock(paused, 60_000);
		expect(elapsedMs(resumed, 65_000)).toBe(15_000);
	});

	it('pausing a paused clock and resuming a running one change nothing', () => {
		const paused = pauseClock(startClock(0), 5000);
		expect(pauseClock(paused, 9000)).toBe(paused);
		const running = startClock(0);
		expect(resumeClock(running, 9000)).toBe(running);
	});

	it('resetClock keeps a running clock running from 0 and a paused one paused at 0', () => {
		const running = resetClock(startClock(0), 30_000);
		expect(elapsedMs(running, 31_000)).toBe(1000);
		const paused = resetClock(pauseClock(startClock(0), 30_000), 40_000);
		expect(paused.runningSince).toBeNull();
		expect(elapsedMs(paused, 90_000)).toBe(0);
	});

	it('restoreClock reads a stored clock and starts over on missing, malformed, future or stale data', () => {
		const stored = JSON.stringify(pauseClock(startClock(0), 20_000));
		expect(elapsedMs(restoreClock(stored, 25_000), 30_000)).toBe(20_000);
		for (const raw of [
			null,
			'',
			'{',
			'[]',
			'{"runningSince":"x","banked":0,"touched":0}',
			'{"runningSince":null,"banked":-5,"touched":0}'
		]) {
			expect(restoreClock(raw, 50_000), String(raw)).toEqual(startClock(50_000));
		}
		const future = JSON.stringify({ runningSince: 90_000, banked: 0, touched: 90_000 });
		expect(restoreClock(future, 50_000)).toEqual(startClock(50_000));
		expect(restoreClock(stored, 20_000 + STALE_AFTER_MS)).toEqual(startClock(20_000 + STALE_AFTER_MS));
	});

	it.each([
		[0, '0:00'],
		[59_999, '0:59'],
		[61_000, '1:01'],
		[3_599_000, '59:59'],
		[3_600_000, '1:00:00'],
		[36_061_000, '10:01:01']
	])('formatDuration(%d) = %s', (ms, text) => {
		expect(formatDuration(ms)).toBe(text);
	});

	it('bad times throw RangeError naming the argument', () => {
		expect(() => formatDuration(-1)).toThrow(/ms must be/);
		expect(() => formatDuration(NaN)).toThrow(RangeError);
		expect(() => startClock(Infinity)).toThrow(/now must be/);
		expect(() => elapsedMs(startClock(0), NaN)).toThrow(RangeError);
	});
});
