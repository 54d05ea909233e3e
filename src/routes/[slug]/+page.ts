import { error } from '@sveltejs/kit';
import { CONCEPTS, findConcept } from '$lib/concepts/registry';
import type { EntryGenerator, PageLoad } from './$types';

// Concept pages render in the browser only: their state lives in the URL's query string,
// which a prerendered page cannot read, and their kernels need a browser to run.
export const ssr = false;

export const entries: EntryGenerator = () => CONCEPTS.map((c) => ({ slug: c.slug }));

export const load: PageLoad = ({ params }) => {
	const concept = findConcept(params.slug);
	if (!concept) error(404, `There is no concept called “${params.slug}”.`);
	return { slug: concept.slug };
};
