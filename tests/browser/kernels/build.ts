/** Builds the kernel test page (no SvelteKit) into test-results/kernel-bundle/ and serves it. */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serveDir } from '../../../scripts/serve.js';

const root = fileURLToPath(new URL('.', import.meta.url));
export const BUNDLE_DIR = fileURLToPath(new URL('../../../test-results/kernel-bundle/', import.meta.url));

export async function buildAndServeKernelPage(): Promise<{ url: string; close: () => Promise<void> | void }> {
	await build({
		root,
		configFile: false,
		logLevel: 'warn',
		base: './',
		build: { outDir: BUNDLE_DIR, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 }
	});
	const server = await serveDir(BUNDLE_DIR);
	return { url: `${server.url}/index.html`, close: server.close };
}
