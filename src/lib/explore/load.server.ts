/** Data of the explore page (either language): the layers, the figures (validated), and which story step tells of each feature. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { readAllLayers } from '$lib/server/layer-store';
import { loadStory } from '$lib/server/story-loader';
import { contentDir } from '$lib/server/content-dir';
import { figureCitations, layerCitations } from '$lib/sources/check';
import { sourcesFor } from '$lib/server/sources-loader';
import { decodeState } from './url-state';
import { LAYER_IDS } from '$lib/geo/layers';
import { parseFigures, type FiguresFile } from '$lib/schema/figures';
import type { Lang } from '$lib/i18n/lang';

let figuresCache: FiguresFile | undefined;

export function loadFigures(): FiguresFile {
	if (!figuresCache) figuresCache = parseFigures(parse(readFileSync(`${contentDir()}/figures.yaml`, 'utf8')), 'content/figures.yaml');
	return figuresCache;
}

export async function loadExplorePage(lang: Lang, url: URL) {
	const layers = await readAllLayers();
	const story = loadStory(lang, layers);
	/** feature id -> the first step that highlights it */
	const stepOf: Record<string, { id: string; title: string }> = {};
	for (const s of story.steps) for (const id of s.highlight) stepOf[id] ??= { id: s.id, title: s.title };
	const figures = loadFigures();
	const cited = [...layerCitations(layers.map((l) => ({ file: l.layer.file, features: l.data.features }))), ...figureCitations(figures.groups)];
	return { lang, layers, figures, stepOf, storyTitle: story.title, origin: url.origin, sources: sourcesFor(cited.flatMap((c) => c.ids)) };
}

/** The page data plus the state its URL asks for (camera, date, layers, feature). */
export async function loadExplore(lang: Lang, url: URL) {
	const data = await loadExplorePage(lang, url);
	const ids = new Set(data.layers.flatMap((l) => l.data.features.map((f) => f.properties.id)));
	return { ...data, initial: decodeState(url.searchParams, LAYER_IDS, ids) };
}
