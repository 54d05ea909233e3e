/**
 * The time since the lecture started, with pause and reset. Pure: the caller passes the time
 * in milliseconds, so the arithmetic is testable without waiting. The state is plain data that the
 * presenter keeps in localStorage, so reopening the presenter window keeps the lecture's time.
 */

export interface ClockState {
	/** When the running stretch began (ms); null while paused. */
	readonly runningSince: number | null;
	/** Time counted before the running stretch (ms). */
	readonly banked: number;
	/** Last time the state was touched (ms): a clock left alone for half a day starts over. */
	readonly touched: number;
}

/** A clock left untouched this long belongs to an earlier lecture. */
export const STALE_AFTER_MS = 12 * 60 * 60 * 1000;

function checkTime(now: number): void {
	if (!Number.isFinite(now)) throw new RangeError(`now must be a finite time in ms, got ${now}`);
}

export function startClock(now: number): ClockState {
	checkTime(now);
	return { runningSince: now, banked: 0, touched: now };
}

export function elapsedMs(state: ClockState, now: number): number {
	checkTime(now);
	const running = state.runningSince === null ? 0 : Math.max(0, now - state.runningSince);
	return state.banked + running;
}

export function pauseClock(state: ClockState, now: number): ClockState {
	if (state.runningSince === null) return state;
	return { runningSince: null, banked: elapsedMs(state, now), touched: now };
}

export function resumeClock(state: ClockState, now: number): ClockState {
	checkTime(now);
	if (state.runningSince !== null) return state;
	return { runningSince: now, banked: state.banked, touched: now };
}

/** Back to zero; a running clock keeps running from zero, a paused one stays paused at zero. */
export function resetClock(state: ClockState, now: number): ClockState {
	checkTime(now);
	return { runningSince: state.runningSince === null ? null : now, banked: 0, touched: now };
}

/** A stored state, or a fresh running clock when the stored one is missing, malformed or stale. */
export function restoreClock(raw: string | null, now: number): ClockState {
	checkTime(now);
	try {
		const data: unknown = raw === null ? null : JSON.parse(raw);
		if (typeof data === 'object' && data !== null) {
			const { runningSince, banked, touched } = data as Record<string, unknown>;
			const valid =
				(runningSince === null || (typeof runningSince === 'number' && runningSince <= now)) &&
				typeof banked === 'number' &&
				banked >= 0 &&
				typeof touched === 'number' &&
				touched <= now;
			if (valid && now - touched < STALE_AFTER_MS) {
				return { runningSince: runningSince as number | null, banked, touched };
			}
		}
	} catch {
		// Malformed JSON: start over.
	}
	return startClock(now);
}

/** `h:mm:ss` for a duration (or `m:ss` under an hour). */
export function formatDuration(ms: number): string {
	if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ms must be a finite duration ≥ 0, got ${ms}`);
	const total = Math.floor(ms / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const two = (n: number) => String(n).padStart(2, '0');
	return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
