/**
 * Checks a story against the layers it draws on: every layer id exists, every
 * fitted or highlighted feature exists, and highlighted features and the ends
 * of measured distances are in a layer the step shows. Pure, used by the loader and the tests.
 */
import type { Story } from '$lib/schema/story';

/** feature id -> layer id */
export type FeatureIndex = ReadonlyMap<string, string>;

export function checkStoryAgainstLayers(story: Story, layerIds: readonly string[], features: FeatureIndex): string[] {
	const problems: string[] = [];
	for (const step of story.steps) {
		const at = `step "${step.id}"`;
		for (const l of [...step.layers.show, ...(step.layers.emphasise ?? [])])
			if (!layerIds.includes(l)) problems.push(`${at} › layers: unknown layer "${l}" (known: ${layerIds.join(', ')})`);
		for (const id of step.camera.fit ?? []) if (!features.has(id)) problems.push(`${at} › camera.fit: unknown feature "${id}"`);
		for (const id of step.highlight) {
			const layer = features.get(id);
			if (!layer) problems.push(`${at} › highlight: unknown feature "${id}"`);
			else if (!step.layers.show.includes(layer)) problems.push(`${at} › highlight: "${id}" is in layer "${layer}", which the step does not show`);
		}
		for (const [i, d] of (step.distances ?? []).entries())
			for (const end of ['from', 'to'] as const) {
				const layer = features.get(d[end]);
				if (!layer) problems.push(`${at} › distances[${i}].${end}: unknown feature "${d[end]}"`);
				else if (!step.layers.show.includes(layer))
					problems.push(`${at} › distances[${i}].${end}: "${d[end]}" is in layer "${layer}", which the step does not show`);
			}
	}
	return problems;
}
