// The benchmark workloads (issue 3), shared by the node and the browser benchmark.
// Each has flipshift's call and the equivalent tfjs call (NHWC layout; the data is random either way).

export function rand(n, seed) {
	const a = new Float32Array(n);
	let s = seed >>> 0;
	for (let i = 0; i < n; i++) {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		a[i] = s / 4294967296 - 0.5;
	}
	return a;
}

/** @returns {{name: string, work: number, flipshift: (k: any) => unknown, tfjs: (tf: any) => any, reference: (r: any) => unknown}[]} */
export function workloads() {
	const xcorr = (n, k) => {
		const x = { shape: [n, n], data: rand(n * n, n) };
		const h = { shape: [k, k], data: rand(k * k, k) };
		return {
			name: `2-D xcorr ${n}×${n}·${k}×${k} same`,
			work: n * n * k * k,
			flipshift: (s) => s.correlate2d(x, h, 'same'),
			reference: (r) => r.correlate2d(x, h, 'same'),
			tfjs: (tf) => tf.conv2d(tf.tensor4d(x.data, [1, n, n, 1]), tf.tensor4d(h.data, [k, k, 1, 1]), 1, 'same')
		};
	};
	const conv = (c, n, f, k) => {
		const x = { shape: [c, n, n], data: rand(c * n * n, 7) };
		const w = { shape: [f, c, k, k], data: rand(f * c * k * k, 8) };
		const b = rand(f, 9);
		return {
			name: `conv2d ${n}×${n}×${c} → ${f}@${k}×${k}`,
			work: f * (n - k + 1) ** 2 * c * k * k,
			flipshift: (s) => s.conv2d(x, w, b),
			reference: (r) => r.conv2d(x, w, b),
			tfjs: (tf) =>
				tf.add(
					tf.conv2d(tf.tensor4d(x.data, [1, n, n, c]), tf.tensor4d(w.data, [k, k, c, f]), 1, 'valid'),
					tf.tensor1d(b)
				)
		};
	};
	const matched = (n, m) => {
		const sig = rand(n, 11);
		const tpl = rand(m, 12);
		return {
			name: `matched filter ${n}·${m}`,
			work: (n - m + 1) * m,
			flipshift: (s) => s.matchedFilter(sig, tpl),
			reference: (r) => r.matchedFilter(sig, tpl),
			// tfjs: the correlation and its peak (no normalisation: flipshift does more work here)
			tfjs: (tf) =>
				tf.argMax(
					tf.reshape(tf.conv1d(tf.tensor3d(sig, [1, n, 1]), tf.tensor3d(tpl, [m, 1, 1]), 1, 'valid'), [-1])
				)
		};
	};
	// max pool like with like: values and argmax against tfjs's maxPoolWithArgmax, values alone
	// against its maxPool (both read back, NHWC tensors made directly from the same data)
	const maxPools = (name, shape, size, data) => {
		const [n, c, h, w] = shape.length === 4 ? shape : [1, ...shape];
		const x = { shape, data };
		const o = Math.floor(h / size);
		const nhwc = (tf) => tf.tensor4d(x.data, [n, h, w, c]);
		const work = n * c * o * o * size * size;
		return [
			{
				name: `${name} + argmax`,
				work,
				flipshift: (s) => s.maxPool2d(x, { size }),
				reference: (r) => r.maxPool2d(x, { size }),
				tfjs: (tf) => {
					const r = tf.maxPoolWithArgmax(nhwc(tf), size, size, 'valid');
					return [r.result, r.indexes];
				}
			},
			{
				name: `${name}, values only`,
				work,
				flipshift: (s) => s.maxPool2dValues(x, { size }),
				reference: (r) => r.maxPool2dValues(x, { size }),
				tfjs: (tf) => tf.maxPool(nhwc(tf), size, size, 'valid')
			}
		];
	};
	const pool = () => maxPools('max pool 3×3/3 on 8×98×98', [8, 98, 98], 3, rand(8 * 98 * 98, 13));
	const oneByOne = () => {
		const x = { shape: [64, 56, 56], data: rand(64 * 56 * 56, 14) };
		const w = { shape: [16, 64], data: rand(16 * 64, 15) };
		return {
			name: '1×1 conv 64×56×56 → 16',
			work: 16 * 64 * 56 * 56,
			flipshift: (s) => s.conv1x1(x, w),
			reference: (r) => r.conv1x1(x, w),
			tfjs: (tf) =>
				tf.conv2d(tf.tensor4d(x.data, [1, 56, 56, 64]), tf.tensor4d(w.data, [1, 1, 64, 16]), 1, 'valid')
		};
	};
	// the CNN trainer's step: batch 32, 1×28×28 digits, 8 filters 3×3, max pool 2
	const N = 32;
	const tx = { shape: [N, 1, 28, 28], data: rand(N * 28 * 28, 16) };
	const tw = { shape: [8, 1, 3, 3], data: rand(72, 17) };
	const tb = rand(8, 18);
	const tact = { shape: [N, 8, 26, 26], data: rand(N * 8 * 26 * 26, 19) };
	const nhwc = (tf, t, [n, c, h, w]) => tf.transpose(tf.tensor4d(t.data, [n, c, h, w]), [0, 2, 3, 1]);
	const hwio = (tf, t) => tf.transpose(tf.tensor4d(t.data, t.shape), [2, 3, 1, 0]);
	const trainer = [
		{
			name: 'trainer conv2d 32×1×28×28 → 8@3×3',
			work: N * 8 * 26 * 26 * 9,
			flipshift: (s) => s.conv2d(tx, tw, tb),
			reference: (r) => r.conv2d(tx, tw, tb),
			tfjs: (tf) =>
				tf.add(tf.conv2d(tf.tensor4d(tx.data, [N, 28, 28, 1]), hwio(tf, tw), 1, 'valid'), tf.tensor1d(tb))
		},
		{
			name: 'trainer conv2dBackward 32×1×28×28, 8@3×3',
			work: 2 * N * 8 * 26 * 26 * 9,
			flipshift: (s) => s.conv2dBackward(tx, tw, tact),
			reference: (r) => r.conv2dBackward(tx, tw, tact),
			// tfjs-wasm has no Conv2DBackpropFilter kernel: the weight gradient as a conv2d over the
			// transposed batch (what tf.grads does on backends without it), the input one transposed
			tfjs: (tf) => {
				const x = tf.tensor4d(tx.data, [N, 28, 28, 1]);
				const dy = nhwc(tf, tact, tact.shape);
				const w = hwio(tf, tw);
				const dx = tf.conv2dTranspose(dy, w, [N, 28, 28, 1], 1, 'valid');
				const dwT = tf.conv2d(tf.transpose(x, [3, 1, 2, 0]), tf.transpose(dy, [1, 2, 0, 3]), 1, 'valid');
				return [dx, tf.transpose(dwT, [1, 2, 0, 3]), tf.sum(dy, [0, 1, 2])];
			}
		},
		...maxPools('trainer max pool 2×2 on 32×8×26×26', tact.shape, 2, tact.data)
	];
	return [
		...trainer,
		xcorr(100, 3),
		xcorr(512, 3),
		xcorr(512, 9),
		conv(1, 28, 8, 3),
		conv(16, 32, 32, 3),
		matched(4096, 64),
		matched(65536, 64),
		...pool(),
		oneByOne()
	];
}

/** Median milliseconds of `fn` (awaited), after warm-up, within a time budget. */
export async function medianMs(fn, { budgetMs = 400, minRuns = 3, maxRuns = 200, warmupMs = 60 } = {}) {
	// warm up by time, not by count: a 0.05 ms call needs hundreds of calls before V8's optimising
	// tier takes over, and the first workload measured would otherwise time the slower tiers
	const warm = performance.now() + warmupMs;
	for (let i = 0; i < 2 || (performance.now() < warm && i < maxRuns); i++) await fn();
	const times = [];
	const start = performance.now();
	while (times.length < minRuns || (times.length < maxRuns && performance.now() - start < budgetMs)) {
		const t0 = performance.now();
		await fn();
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

/** Runs a tfjs workload and reads every result back (a workload may return several tensors). */
export async function tfjsRun(tf, w) {
	const ys = [tf.tidy(() => w.tfjs(tf))].flat();
	await Promise.all(ys.map((y) => y.data()));
	for (const y of ys) y.dispose();
}

/** The printed table: one row per workload, one column per engine, and auto / tfjs-wasm. */
export function formatTable(rows, columns) {
	const head = ['workload', ...columns, 'auto/tfjs-wasm'];
	const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
	for (const r of rows) {
		const cells = columns.map((c) =>
			r.ms[c] === undefined ? '–' : r.ms[c] < 10 ? r.ms[c].toFixed(3) : r.ms[c].toFixed(1)
		);
		const ratio = r.ms.auto && r.ms['tfjs-wasm'] ? (r.ms.auto / r.ms['tfjs-wasm']).toFixed(2) : '–';
		lines.push(`| ${r.name} | ${cells.join(' | ')} | ${ratio} |`);
	}
	return lines.join('\n');
}
