/**
 * Loads the story of one language from content/*.yaml, validated against the
 * story schema and the current layers. Cached per process (content ships with
 * the build); an invalid story fails loudly with every problem named.
 */
import { readFileSync } from 'node:fs';
import { contentDir } from './content-dir';
import { parse } from 'yaml';
import { buildStory, StoryError, type Story } from '$lib/schema/story';
import { checkStoryAgainstLayers } from '$lib/story/check-story';
import { indexLayers } from '$lib/map/layer-index';
import { LAYER_IDS } from '$lib/geo/layers';
import type { LoadedLayer } from '$lib/geo/loaded-layer';
import { unresolvedCitations } from '$lib/sources/check';
import { loadSources } from './sources-loader';
import type { Lang } from '$lib/i18n/lang';

const cache = new Map<string, Story>();

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
	const dir = contentDir();
	const key = `${lang}`;
	let story = cache.get(key);
	if (!story) {
		const steps = parse(readFileSync(`${dir}/steps.yaml`, 'utf8'));
		const text = parse(readFileSync(`${dir}/story.${lang}.yaml`, 'utf8'));
		story = buildStory(lang, steps, text);
		const unresolved = unresolvedCitations(storyCitations(story), loadSources());
		if (unresolved.length) throw new StoryError(unresolved);
		cache.set(key, story);
	}
	const problems = checkStoryAgainstLayers(story, LAYER_IDS, indexLayers(layers).layerOf);
	if (problems.length) throw new StoryError(problems);
	return story;
}
