/** Data of the explore page (either language): the layers, the figures (validated), and which story step tells of each feature. */
import { readAllLayers } from '$lib/server/layer-store';
import { loadStory } from '$lib/server/story-loader';
import { published } from '$lib/server/story/published';
import { corrections } from '$lib/server/story/corrections-log';
import { latestUpdates } from '$lib/corrections/entry';
import { figureCitations, layerCitations } from '$lib/sources/check';
import { sourcesFor } from '$lib/server/sources-loader';
import { decodeState } from './url-state';
import { LAYER_IDS } from '$lib/geo/layers';
import { parseFigures, type FiguresFile } from '$lib/schema/figures';
import type { Lang } from '$lib/i18n/lang';

let figuresCache: { key: string; figures: FiguresFile } | undefined;

/** The published figures, validated once per published revision. */
export function loadFigures(): FiguresFile {
	const pub = published();
	if (figuresCache?.key !== pub.key)
		figuresCache = { key: pub.key, figures: parseFigures(pub.document.figures, pub.rev ? 'story/figures.yaml' : 'content/figures.yaml') };
	return figuresCache.figures;
}

export async function loadExplorePage(lang: Lang, url: URL) {
	const layers = await readAllLayers();
	const story = loadStory(lang, layers);
	/** feature id -> the first step that highlights it */
	const stepOf: Record<string, { id: string; title: string }> = {};
	for (const s of story.steps) for (const id of s.highlight) stepOf[id] ??= { id: s.id, title: s.title };
	const figures = loadFigures();
	const cited = [...layerCitations(layers.map((l) => ({ file: l.layer.file, features: l.data.features }))), ...figureCitations(figures.groups)];
	return {
		lang,
		layers,
		figures,
		stepOf,
		storyTitle: story.title,
		origin: url.origin,
		sources: sourcesFor(cited.flatMap((c) => c.ids)),
		featureUpdates: latestUpdates(corrections(), lang).features
	};
}

/** The page data plus the state its URL asks for (camera, date, layers, feature). */
export async function loadExplore(lang: Lang, url: URL) {
	const data = await loadExplorePage(lang, url);
	const ids = new Set(data.layers.flatMap((l) => l.data.features.map((f) => f.properties.id)));
	return { ...data, initial: decodeState(url.searchParams, LAYER_IDS, ids) };
}
