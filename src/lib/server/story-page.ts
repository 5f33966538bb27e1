/** Data of a story page (either language): the story, validated, and the layers it draws on. */
import { readAllLayers } from './layer-store';
import { loadStory } from './story-loader';

export async function loadStoryPage(lang: 'fr' | 'en') {
	const layers = await readAllLayers();
	const story = loadStory(lang, layers);
	return { lang, story, layers };
}
