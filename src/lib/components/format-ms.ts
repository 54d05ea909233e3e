/**
 * A kernel time for the backend badge. The page's clock ticks in 0.1 ms steps (5 µs only when
 * cross-origin isolated), so a faster call reads "< 0.1 ms" rather than a misleading "0.00 ms".
 */
export function formatMs(ms: number): string {
	if (!Number.isFinite(ms) || ms < 0) return '–';
	if (ms < 0.1) return '< 0.1 ms';
	if (ms < 10) return `${ms.toFixed(1)} ms`;
	return `${Math.round(ms)} ms`;
}
