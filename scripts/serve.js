// A small static file server for the prerendered build: used by `npm start`, the browser tests
// and the browser benchmark. It only listens on 127.0.0.1.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
	'.bin': 'application/octet-stream',
	'.webmanifest': 'application/manifest+json'
};

/** The file a request path maps to: `/a` → a.html, `/a/` → a/index.html, as static hosts do. */
function findFile(root, pathname) {
	const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	const base = join(root, clean);
	if (!base.startsWith(root)) return null;
	for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

/**
 * Serves `dir` on 127.0.0.1. Port 0 picks a free port.
 * @param {string} dir
 * @param {number} [port]
 * @returns {Promise<{ url: string; close: () => Promise<void> }>}
 */
export function serveDir(dir, port = 0) {
	const root = resolve(dir);
	const server = createServer((req, res) => {
		let file;
		try {
			file = findFile(root, new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
		} catch {
			// A malformed path (bad percent-encoding) is simply not found.
			file = null;
		}
		const status = file ? 200 : 404;
		file ??= findFile(root, '/404');
		if (!file) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		res.writeHead(status, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'cache-control': 'no-cache'
		});
		createReadStream(file).pipe(res);
	});
	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			const address = server.address();
			const actual = typeof address === 'object' && address ? address.port : port;
			resolvePromise({
				url: `http://127.0.0.1:${actual}`,
				close: () => new Promise((done) => server.close(() => done()))
			});
		});
	});
}
