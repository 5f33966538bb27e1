/**
 * Loads the published story of one language (src/lib/server/story/published.ts:
 * the data directory's published revision, or content/ before the first
 * publish), validated against the story schema and the current layers.
 * Built once per published revision and language; an invalid story fails
 * loudly with every problem named.
 */
import { published } from './story/published';
import { buildStory, StoryError, type Story } from '$lib/schema/story';
import { checkStoryAgainstLayers } from '$lib/story/check-story';
import { indexLayers } from '$lib/map/layer-index';
import { LAYER_IDS } from '$lib/geo/layers';
import type { LoadedLayer } from '$lib/geo/loaded-layer';
import { unresolvedCitations } from '$lib/sources/check';
import { loadSources } from './sources-loader';
import type { Lang } from '$lib/i18n/lang';

let cache: { key: string; stories: Map<Lang, Story> } = { key: '', stories: new Map() };

/** What the story cites: the dispatch's copies, the method, each step. */
export function storyCitations(story: Story, file = 'content/steps.yaml') {
	return [
		{ where: `${file} › dispatch.sources`, ids: story.dispatchSources },
		{ where: `${file} › method.sources`, ids: story.methodSources },
		...story.steps.map((s) => ({ where: `${file} › step "${s.id}" › sources`, ids: s.sources }))
	];
}

/** Every source id a story page shows. */
export const storySourceIds = (story: Story) => new Set(storyCitations(story).flatMap((c) => c.ids));

export function loadStory(lang: Lang, layers: LoadedLayer[]): Story {
	const pub = published();
	if (cache.key !== pub.key) cache = { key: pub.key, stories: new Map() };
	let story = cache.stories.get(lang);
	if (!story) {
		story = buildStory(lang, pub.document.steps, pub.document.text[lang]);
		const unresolved = unresolvedCitations(storyCitations(story), loadSources());
		if (unresolved.length) throw new StoryError(unresolved);
		cache.stories.set(lang, story);
	}
	const problems = checkStoryAgainstLayers(story, LAYER_IDS, indexLayers(layers).layerOf);
	if (problems.length) throw new StoryError(problems);
	return story;
}
