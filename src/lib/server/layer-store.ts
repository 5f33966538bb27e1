/**
 * Reads the story layers from the data directory (QANTAR_DATA_DIR, default
 * static/geo). Every file is validated with the shared schema on read; a broken
 * file is an error that names the file, feature and field.
 */
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { bbox, bboxPolygon } from '@turf/turf';
import { STORY_LAYERS, type StoryLayer } from '$lib/geo/layers';
import { formatProblem, validateLayerTextInSlices, type StoryCollection } from '$lib/schema/validate-layer';
import { preSerialize } from '$lib/transport/pre-serialized';
import type { LoadedLayer } from '$lib/geo/loaded-layer';

import { dataDir } from './web-policy.js';

/** where the layers live: one rule (web-policy.js) for the app and the production server */
export { dataDir };

/**
 * Validated collections per file, kept while the file's size and mtime stay the
 * same (an editor's save replaces the file, so it is read and validated again).
 * Validating on every request cost ~0.5 s per story page (issue 6).
 */
const cache = new Map<string, { key: string; data: StoryCollection }>();

export async function readLayer(layer: StoryLayer): Promise<LoadedLayer> {
	const file = join(dataDir(), layer.file);
	const s = await stat(file);
	const key = `${s.size}:${s.mtimeMs}:${s.ino}`;
	const hit = cache.get(file);
	// a copy, so that no caller can change the cached collection
	if (hit?.key === key) return { layer, data: structuredClone(hit.data) };
	const text = await readFile(file, 'utf8');
	const result = await validateLayerTextInSlices(text, layer.file);
	if (!result.ok) throw new Error(`Invalid layer ${layer.file}:\n${result.problems.map(formatProblem).join('\n')}`);
	cache.set(file, { key, data: result.collection });
	return { layer, data: structuredClone(result.collection) };
}

/** A value and everything in it made read-only. */
function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const v of Object.values(value)) deepFreeze(v);
	}
	return value;
}

/** the layers of one version of the files: whole, and (made when first asked for) as reader pages send them */
let all: { key: string; versions: string[]; layers: readonly LoadedLayer[]; page?: readonly LoadedLayer[] } | undefined;

/** Stats every layer file; reads and validates them again only when one changed. */
async function current() {
	const versions = await Promise.all(
		STORY_LAYERS.map(async (layer) => {
			const s = await stat(join(dataDir(), layer.file));
			return `${layer.file}:${s.size}:${s.mtimeMs}:${s.ino}`;
		})
	);
	const key = versions.join('|');
	if (all?.key !== key) {
		const layers = await Promise.all(STORY_LAYERS.map(readLayer));
		all = { key, versions, layers: preSerialize(deepFreeze(layers)) };
	}
	return all;
}

/**
 * Every story layer, validated: one shared, read-only array while no file
 * changes (pages render from it and send it as JSON made once: see
 * $lib/transport/pre-serialized). A saved file gives a new array.
 */
export async function readAllLayers(): Promise<LoadedLayer[]> {
	return (await current()).layers as LoadedLayer[];
}

/**
 * A feature's properties as reader pages send them: without what no reader page's map or card
 * reads — the descriptions and figure notes in both languages and the source lists, which only
 * /explore (it loads the layers whole) and the server (citations, corrections) use: about half of
 * the layers' JSON in a story page (issue 22).
 */
export function readerProperties<P extends Record<string, unknown>>(p: P): P {
	return Object.fromEntries(Object.entries(p).filter(([k]) => !/^(description_|figures_note_)|^sources$/.test(k))) as P;
}

/**
 * The layers whole (`all`, for the server's own use) and as reader pages
 * (story, embeds) send them to the browser (`page`), from one look at the files.
 * In `page`, a polygon's geometry is replaced by its bounding box, which is all
 * the page needs of it (to frame the camera on it), and the map loads the full
 * polygons from `src`: the layer file, served from the data directory by the
 * server (server/layer-files.js) or the static build, versioned so no cache outlives
 * an edit. MapLibre fetches and parses that file in its worker, compressed at
 * build quality and cached between pages, instead of every page carrying the
 * countries' outlines (~180 KB of the ~230 KB) through the HTML, JSON.parse and
 * a copy to the worker on the main thread. Points and lines keep their geometry (the
 * page uses their coordinates). Every feature's properties are trimmed to what reader
 * pages read (`readerProperties`). One shared read-only array per version.
 */
export async function readLayers(): Promise<{ all: LoadedLayer[]; page: LoadedLayer[] }> {
	const v = await current();
	v.page ??= preSerialize(
		deepFreeze(
			v.layers.map((l, i): LoadedLayer => {
				const features = l.data.features.map((f) => ({ ...f, properties: readerProperties(f.properties) }));
				if (l.layer.shape !== 'polygon') return { layer: l.layer, data: { ...l.data, features } as StoryCollection };
				const version = createHash('sha1').update(v.versions[i]!).digest('hex').slice(0, 10);
				const boxes = features.map((f) => ({ ...f, geometry: bboxPolygon(bbox(f)).geometry }));
				return { layer: l.layer, data: { ...l.data, features: boxes } as StoryCollection, src: `/geo/${l.layer.file}?v=${version}` };
			})
		)
	);
	return { all: v.layers as LoadedLayer[], page: v.page as LoadedLayer[] };
}
