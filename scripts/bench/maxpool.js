// node scripts/bench/maxpool.js [--runs 30] [--before path/to/kernels.js]: flipshift's max pool
// ('js' backend) against @tensorflow/tfjs-backend-wasm, interleaved call by call in one process;
// best and median milliseconds of each. Like with like:
//   values         flipshift maxPool2dValues | tfjs maxPool
//   values+argmax  flipshift maxPool2d | tfjs maxPoolWithArgmax (and, for scale, tfjs maxPool)
//   forward+back   flipshift maxPool2d + maxPool2dBackward | tfjs maxPool + MaxPoolGrad (which
//                  recomputes each window's argmax from the input)
// tfjs's times include making its input tensors from the same Float32Arrays and reading the
// results back with dataSync (flipshift copies its input into WebAssembly memory and its results
// out, too). `--before` interleaves a second kernel bundle (another commit, built the same way).
import { pathToFileURL } from 'node:url';
import { bundleForNode, root } from '../bundle-node.js';
import { rand } from './workloads.js';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('--runs', 30));

const bundle = await bundleForNode('bench-maxpool', { kernels: 'src/lib/kernels/index.ts' });
// keep a copy of this folder to time this tree later as another's --before
console.log(`this tree's bundle: ${bundle.file('kernels')}`);
const after = await bundle.load('kernels');
const beforePath = arg('--before');
const before = beforePath ? await import(pathToFileURL(beforePath).href) : null;

const tf = await import('@tensorflow/tfjs-core');
const wasm = await import('@tensorflow/tfjs-backend-wasm');
wasm.setWasmPaths(pathToFileURL(`${root}node_modules/@tensorflow/tfjs-backend-wasm/dist/`).href);
await tf.setBackend('wasm');
await tf.ready();

const sets = { flipshift: await after.createKernelSet({ backend: 'js' }) };
if (before) sets.before = await before.createKernelSet({ backend: 'js' });

const workloads = [
	{ name: 'trainer max pool 2×2/2 on 32×8×26×26', shape: [32, 8, 26, 26], size: 2, seed: 19 },
	{ name: 'max pool 3×3/3 on 8×98×98', shape: [8, 98, 98], size: 3, seed: 13 }
];

function contestants(w) {
	const n = w.shape.reduce((a, b) => a * b, 1);
	const x = { shape: w.shape, data: rand(n, w.seed) };
	const [N, C, H, W] = w.shape.length === 4 ? w.shape : [1, ...w.shape];
	const oh = Math.floor((H - w.size) / w.size) + 1;
	const ow = Math.floor((W - w.size) / w.size) + 1;
	const outShape = w.shape.length === 4 ? [N, C, oh, ow] : [C, oh, ow];
	const dy = { shape: outShape, data: rand(N * C * oh * ow, w.seed + 1) };
	const opts = { size: w.size };
	const nhwc = (d, h, wd) => tf.tensor4d(d, [N, h, wd, C]);
	const list = {};
	for (const [label, s] of Object.entries(sets)) {
		if (s.maxPool2dValues) list[`${label} maxPool2dValues`] = () => s.maxPool2dValues(x, opts);
		list[`${label} maxPool2d`] = () => s.maxPool2d(x, opts);
		list[`${label} maxPool2d + backward`] = () => {
			const r = s.maxPool2d(x, opts);
			return s.maxPool2dBackward(dy, r.argmax, x.shape);
		};
	}
	const f = w.size;
	list['tfjs-wasm maxPool'] = () => {
		const y = tf.tidy(() => tf.maxPool(nhwc(x.data, H, W), f, f, 'valid'));
		y.dataSync();
		y.dispose();
	};
	list['tfjs-wasm maxPoolWithArgmax'] = () => {
		const r = tf.tidy(() => tf.maxPoolWithArgmax(nhwc(x.data, H, W), f, f, 'valid'));
		r.result.dataSync();
		r.indexes.dataSync();
		r.result.dispose();
		r.indexes.dispose();
	};
	list['tfjs-wasm maxPool + MaxPoolGrad'] = () => {
		const dx = tf.tidy(() => {
			const input = nhwc(x.data, H, W);
			const output = tf.maxPool(input, f, f, 'valid');
			output.dataSync();
			const g = nhwc(dy.data, oh, ow);
			const attrs = { filterSize: f, strides: f, pad: 'valid' };
			return tf.engine().runKernel('MaxPoolGrad', { dy: g, input, output }, attrs);
		});
		dx.dataSync();
		dx.dispose();
	};
	return list;
}

const fmt = (t) => t.toFixed(3);
for (const w of workloads) {
	const list = contestants(w);
	const names = Object.keys(list);
	const times = Object.fromEntries(names.map((n) => [n, []]));
	for (let i = 0; i < 200; i++) for (const n of names) list[n](); // warm up (V8's optimising tier)
	for (let r = 0; r < runs; r++) {
		// each round starts one contestant further on: none always follows the same neighbour
		for (const n of [...names.slice(r % names.length), ...names.slice(0, r % names.length)]) {
			const t0 = performance.now();
			list[n]();
			times[n].push(performance.now() - t0);
		}
	}
	const stats = Object.fromEntries(
		names.map((n) => {
			const t = times[n].sort((a, b) => a - b);
			return [n, { best: t[0], median: t[Math.floor(t.length / 2)] }];
		})
	);
	console.log(`\n${w.name}: best / median of ${runs} interleaved calls (ms)`);
	const ratio = (a, b) =>
		`${(stats[a].best / stats[b].best).toFixed(2)} / ${(stats[a].median / stats[b].median).toFixed(2)}`;
	for (const n of names) {
		let vs = '';
		if (n.endsWith('maxPool2dValues')) vs = `   ÷ tfjs maxPool ${ratio(n, 'tfjs-wasm maxPool')}`;
		if (n.endsWith('maxPool2d'))
			vs = `   ÷ tfjs maxPool ${ratio(n, 'tfjs-wasm maxPool')}, ÷ withArgmax ${ratio(n, 'tfjs-wasm maxPoolWithArgmax')}`;
		if (n.endsWith('backward'))
			vs = `   ÷ tfjs maxPool + MaxPoolGrad ${ratio(n, 'tfjs-wasm maxPool + MaxPoolGrad')}`;
		console.log(`  ${n.padEnd(34)} ${fmt(stats[n].best)} / ${fmt(stats[n].median)}${vs}`);
	}
}
for (const s of Object.values(sets)) s.dispose();
