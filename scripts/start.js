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

const builtAt = existsSync('build/index.html') ? statSync('build/index.html').mtimeMs : 0;
if (builtAt < Math.max(...SOURCES.map(newestMtime))) {
	console.log('Building flipshift…');
	const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const port = Number(process.env.PORT ?? 4173);
const { url } = await serveDir('build', port);
console.log(`\nflipshift is running at ${url}/  (Ctrl+C to stop)\n`);
