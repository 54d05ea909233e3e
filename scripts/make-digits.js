// Converts the `mnist` package's 10 000 digits (JSON, values in [0, 1]) into two compact binaries,
// static/data/digits-train.bin (8 000) and static/data/digits-test.bin (2 000), with a fixed seeded
// split. Runs on `npm install`/`npm ci` (prepare) and before builds; skips when the files are current.
//
// Format (little-endian): "FSD1" | uint32 count | uint8 rows | uint8 cols | uint16 0 |
//   count label bytes | count·rows·cols pixel bytes (0..255, row-major).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'static', 'data');
const require = createRequire(import.meta.url);
const digitsDir = join(dirname(require.resolve('mnist')), 'digits');
const SIZE = 28;
const TRAIN = 8000;
const SEED = 2026;
const outputs = ['digits-train.bin', 'digits-test.bin'].map((f) => join(outDir, f));

const newestInput = Math.max(
	statSync(fileURLToPath(import.meta.url)).mtimeMs,
	statSync(join(digitsDir, '0.json')).mtimeMs
);
if (
	!process.argv.includes('--force') &&
	outputs.every((f) => existsSync(f) && statSync(f).mtimeMs >= newestInput)
) {
	process.exit(0);
}

/** mulberry32, the same generator as src/lib/signal/random.ts. */
function createRng(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const images = [];
for (let d = 0; d < 10; d++) {
	const raw = JSON.parse(readFileSync(join(digitsDir, `${d}.json`), 'utf8')).data;
	const n = Math.floor(raw.length / (SIZE * SIZE));
	for (let i = 0; i < n; i++) images.push({ label: d, offset: i * SIZE * SIZE, raw });
}
if (images.length < TRAIN + 1) throw new Error(`make-digits: expected 10 000 digits, found ${images.length}`);

const rng = createRng(SEED);
for (let i = images.length - 1; i > 0; i--) {
	const j = Math.floor(rng() * (i + 1));
	[images[i], images[j]] = [images[j], images[i]];
}

function encode(list) {
	const px = SIZE * SIZE;
	const buf = Buffer.alloc(12 + list.length * (1 + px));
	buf.write('FSD1', 0, 'latin1');
	buf.writeUInt32LE(list.length, 4);
	buf.writeUInt8(SIZE, 8);
	buf.writeUInt8(SIZE, 9);
	list.forEach((img, k) => {
		buf[12 + k] = img.label;
		const base = 12 + list.length + k * px;
		for (let i = 0; i < px; i++)
			buf[base + i] = Math.round(Math.min(1, Math.max(0, img.raw[img.offset + i])) * 255);
	});
	return buf;
}

mkdirSync(outDir, { recursive: true });
writeFileSync(outputs[0], encode(images.slice(0, TRAIN)));
writeFileSync(outputs[1], encode(images.slice(TRAIN)));
console.log(`make-digits: wrote ${TRAIN} training and ${images.length - TRAIN} test digits to static/data/`);
