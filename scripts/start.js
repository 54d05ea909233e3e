// `npm start`: build the static site if it is missing or older than the sources, then serve it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveDir } from './serve.js';

const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), stat.mtimeMs);
}

/**
 * Builds quietly: a teacher needs one progress line and the URL, not Vite's asset list. The full
 * log is printed when the build fails.
 */
function build() {
	const started = Date.now();
	process.stdout.write('Building flipshift (takes a minute on a fresh clone)… ');
	const result = spawnSync('npx', ['vite', 'build'], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		env: { ...process.env, FORCE_COLOR: '0' }
	});
	if (result.status !== 0) {
		process.stdout.write('failed.\n\n');
		process.stdout.write(result.stdout ?? '');
		process.stderr.write(result.stderr ?? '');
		if (result.error) console.error(result.error.message);
		process.exit(result.status ?? 1);
	}
	console.log(`done in ${Math.round((Date.now() - started) / 1000)} s.`);
}

const builtAt = existsSync('build/index.html') ? statSync('build/index.html').mtimeMs : 0;
if (builtAt < Math.max(...SOURCES.map(newestMtime))) build();

const port = Number(process.env.PORT ?? 4173);
const { url } = await serveDir('build', port);
console.log(`flipshift is running at ${url}/  (Ctrl+C to stop; press S there for the presenter view)`);
