import 'vitest';
import type { TestProject } from 'vitest/node';
import { serveDir } from '../../scripts/serve.js';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

/** Serves the production build (built by `npm run test:browser`) on 127.0.0.1 for every browser test. */
export default async function setup(project: TestProject) {
	const server = await serveDir('build');
	project.provide('baseUrl', server.url);
	return () => server.close();
}
