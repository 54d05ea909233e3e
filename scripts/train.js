// npm run train -- --model cnn --task digits --epochs 1 --seed 1 [--json FILE] [--save FILE]
// Bundles scripts/train/cli.ts for Node with vite (Node 20 cannot run .ts directly), then runs it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleForNode, root } from './bundle-node.js';

const cli = await (await bundleForNode('train', { cli: 'scripts/train/cli.ts' })).load('cli');

let args;
try {
	args = cli.parseArgs(process.argv.slice(2));
} catch (e) {
	console.error(`${e.message}\n${cli.USAGE}`);
	process.exit(2);
}
const dataDir = join(root, 'static', 'data');
const read = async (name) => {
	const b = readFileSync(join(dataDir, name));
	return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};
const log = args.quiet ? () => {} : (line) => console.log(line);
const { report, saved } = await cli.runTraining(args, read, log);
const write = (file, value) => {
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify(value) + '\n');
};
if (args.json) write(args.json, report);
if (args.save && saved) write(args.save, saved);
const f = report.final;
console.log(
	`final: test loss ${f.testLoss.toFixed(4)}` +
		(f.testAccuracy !== undefined ? `, test accuracy ${(100 * f.testAccuracy).toFixed(2)} %` : '') +
		(f.metrics?.rmse !== undefined
			? `, test RMSE ${f.metrics.rmse.toFixed(4)} (next = current: ${f.metrics.naiveRmse.toFixed(4)})`
			: '') +
		`, ${Math.round(report.examplesPerSecond)} examples/s`
);
if (report.stopped) process.exit(1);
