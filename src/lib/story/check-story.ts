/**
 * Checks a story against the layers it draws on: every layer id exists, every
 * fitted or highlighted feature exists, and highlighted features and the ends
 * of measured distances are points in a layer the step shows. Pure, used by the
 * loader, the story document's validation (with field paths) and the tests.
 */
import type { Story, StepData } from '$lib/schema/story';
import { layerById } from '$lib/geo/layers';

/** feature id -> layer id */
export type FeatureIndex = ReadonlyMap<string, string>;

/** One step's problems, each with the path of the field inside the step (['highlight', 2]). */
export function storyLayerProblems(
	step: Pick<StepData, 'layers' | 'camera' | 'highlight' | 'distances'>,
	layerIds: readonly string[],
	features: FeatureIndex
): { path: (string | number)[]; field: string; message: string }[] {
	const problems: { path: (string | number)[]; field: string; message: string }[] = [];
	const layerProblem = (key: 'show' | 'emphasise', l: string, i: number) => {
		if (!layerIds.includes(l)) problems.push({ path: ['layers', key, i], field: 'layers', message: `unknown layer "${l}" (known: ${layerIds.join(', ')})` });
	};
	step.layers.show.forEach((l, i) => layerProblem('show', l, i));
	(step.layers.emphasise ?? []).forEach((l, i) => layerProblem('emphasise', l, i));
	(step.camera.fit ?? []).forEach((id, i) => {
		if (!features.has(id)) problems.push({ path: ['camera', 'fit', i], field: 'camera.fit', message: `unknown feature "${id}"` });
	});
	step.highlight.forEach((id, i) => {
		const layer = features.get(id);
		if (!layer) problems.push({ path: ['highlight', i], field: 'highlight', message: `unknown feature "${id}"` });
		else if (!step.layers.show.includes(layer))
			problems.push({ path: ['highlight', i], field: 'highlight', message: `"${id}" is in layer "${layer}", which the step does not show` });
	});
	(step.distances ?? []).forEach((d, i) => {
		for (const end of ['from', 'to'] as const) {
			const layer = features.get(d[end]);
			const at = { path: ['distances', i, end], field: `distances[${i}].${end}` };
			if (!layer) problems.push({ ...at, message: `unknown feature "${d[end]}"` });
			else if (!step.layers.show.includes(layer)) problems.push({ ...at, message: `"${d[end]}" is in layer "${layer}", which the step does not show` });
			// the map measures between two points (src/lib/story/measure.ts)
			else if (layerById(layer)?.shape !== 'point')
				problems.push({ ...at, message: `"${d[end]}" is not a point (layer "${layer}"): a distance is measured between two places drawn as points` });
		}
	});
	return problems;
}

export function checkStoryAgainstLayers(story: Story, layerIds: readonly string[], features: FeatureIndex): string[] {
	return story.steps.flatMap((step) => storyLayerProblems(step, layerIds, features).map((p) => `step "${step.id}" › ${p.field}: ${p.message}`));
}
