import { describe, expect, it } from 'vitest';
import { CONCEPTS, isAvailable } from '$lib/concepts/registry';

// Driven by the registry: a concept added later is checked as soon as it has steps.
const STEPS = CONCEPTS.flatMap((concept) =>
	concept.steps.map((step, i) => ({ label: `${concept.slug} step ${i + 1} (${step.title})`, step }))
);

describe('speaker notes', () => {
	it('every available concept has steps to take notes on', () => {
		for (const concept of CONCEPTS.filter(isAvailable))
			expect(concept.steps.length, concept.slug).toBeGreaterThan(0);
	});

	it.each(STEPS)('$label has speaker notes of a few sentences', ({ step }) => {
		const notes = (step.notes ?? '').trim();
		expect(notes.length).toBeGreaterThanOrEqual(80);
		// Two sentences at least: what to point at, what to ask or what students get wrong.
		expect(notes.split(/[.?!](?:\s|$)/).filter((s) => s.trim().length > 0).length).toBeGreaterThanOrEqual(2);
	});

	it.each(STEPS)('$label notes add to the narration instead of repeating it', ({ step }) => {
		expect(step.notes.trim()).not.toBe(step.narration.trim());
		expect(step.notes).not.toContain(step.narration);
	});
});
