/** Data of a story page (either language): the story, validated, the layers it draws on, and the step it opens at. */
import { error } from '@sveltejs/kit';
import { readAllLayers, readPageLayers } from './layer-store';
import { loadStory } from './story-loader';

export async function loadStoryPage(lang: 'fr' | 'en', url: URL, stepId?: string) {
	const story = loadStory(lang, await readAllLayers());
	// what the page sends: polygons as bounding boxes, the map loads them whole (readPageLayers)
	const layers = await readPageLayers();
	if (stepId !== undefined && !story.steps.some((s) => s.id === stepId))
		error(404, lang === 'fr' ? `Ce récit n’a pas d’étape « ${stepId} ».` : `This story has no step "${stepId}".`);
	return { lang, story, layers, initialStep: stepId ?? null, origin: url.origin, pageUrl: url.origin + url.pathname };
}
