import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Every component uses runes; legacy reactivity is a compile error.
		runes: true
	},
	kit: {
		// Every page is prerendered into build/; the folder works from any static server. 404.html
		// is the client-side fallback a static host serves for unknown paths: it says what is wrong.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
