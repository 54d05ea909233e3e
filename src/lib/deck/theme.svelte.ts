/** The projector theme switch, remembered across pages and reloads. */

export type ThemeName = 'light' | 'projector';

export const THEME_STORAGE_KEY = 'flipshift:theme';

export class Theme {
	name = $state<ThemeName>('light');

	constructor() {
		if (typeof document !== 'undefined') {
			// app.html applied the saved theme before first paint; start from what it chose.
			this.name = document.documentElement.dataset.theme === 'projector' ? 'projector' : 'light';
		}
	}

	get projector(): boolean {
		return this.name === 'projector';
	}

	toggle(): void {
		this.set(this.projector ? 'light' : 'projector');
	}

	set(name: ThemeName): void {
		this.name = name;
		document.documentElement.dataset.theme = name;
		try {
			localStorage.setItem(THEME_STORAGE_KEY, name);
		} catch {
			// Private mode or storage disabled: the theme still applies for this page.
		}
	}
}
