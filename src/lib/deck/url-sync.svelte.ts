import { withParams, type ParamValue } from './params';

/**
 * Writes a demo's settings into the current history entry without adding entries
 * (only step changes add entries, so back/forward move through steps). Writes wait until
 * the settings have been still for a moment: a drag at 60 fps would otherwise trip the
 * browser's history rate limit, and each router update costs milliseconds of the frame.
 */
export class UrlSync {
	private pending: Record<string, ParamValue> = {};
	private timer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private readonly replace: (url: URL) => void,
		private readonly quietMs = 250,
		/** Told when settings start waiting for their write and when the link has them. */
		private readonly onPending: (pending: boolean) => void = () => {}
	) {}

	write(values: Record<string, ParamValue>): void {
		Object.assign(this.pending, values);
		if (this.timer !== null) clearTimeout(this.timer);
		else this.onPending(true);
		this.timer = setTimeout(() => this.flush(), this.quietMs);
	}

	/** Writes what is pending now; navigation calls this so no setting is lost. */
	flush(): void {
		if (this.timer !== null) {
			clearTimeout(this.timer);
			this.onPending(false);
		}
		this.timer = null;
		if (Object.keys(this.pending).length === 0) return;
		const url = new URL(location.href);
		const search = withParams(url.searchParams, this.pending);
		this.pending = {};
		if (search.toString() === url.searchParams.toString()) return;
		url.search = search.toString();
		this.replace(url);
	}

	dispose(): void {
		this.flush();
	}
}
