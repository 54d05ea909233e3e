// Node 20 cannot import TypeScript: the CLI and the Node benchmarks bundle the entries they need
// from src/ (and scripts/) with vite into node_modules/.cache/flipshift-<name>/ and import them
// from there. `noExternal` packages are bundled too (tfjs-core's gradient list is ESM without file
// extensions, which Node cannot load).
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

export const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles `inputs` (name → path from the repository root) for Node.
 * @param {string} name
 * @param {Record<string, string>} inputs
 * @param {{ noExternal?: string[] }} [options]
 * @returns {Promise<{ outDir: string, file: (entry: string) => string, load: (entry: string) => Promise<any> }>}
 */
export async function bundleForNode(name, inputs, options = {}) {
	const outDir = join(root, 'node_modules', '.cache', `flipshift-${name}`);
	await build({
		root,
		configFile: false,
		logLevel: 'warn',
		resolve: { alias: { $lib: join(root, 'src', 'lib') } },
		...(options.noExternal ? { ssr: { noExternal: options.noExternal } } : {}),
		build: { ssr: true, outDir, emptyOutDir: true, rollupOptions: { input: inputs } }
	});
	const file = (entry) => join(outDir, `${entry}.js`);
	return { outDir, file, load: (entry) => import(pathToFileURL(file(entry)).href) };
}
