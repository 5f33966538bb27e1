/**
 * The layer index, shared by the story, explore, embeds and the server's story
 * check: each feature by its id, the story layer it belongs to, and the style
 * layers that draw a story layer. One rule for each, so the pages cannot
 * disagree on which feature an id names or which style layers a fade touches.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';

export interface IndexedLayer {
	layer: { id: string };
	/** a URL (features not known here) is skipped */
	data: FeatureCollection | string;
}

export interface LayerIndex {
	/** feature id -> feature */
	feature: ReadonlyMap<string, Feature>;
	/** feature id -> story layer id */
	layerOf: ReadonlyMap<string, string>;
}

export function indexLayers(layers: readonly IndexedLayer[]): LayerIndex {
	const feature = new Map<string, Feature>();
	const layerOf = new Map<string, string>();
	for (const { layer, data } of layers) {
		if (typeof data === 'string') continue;
		for (const f of data.features) {
			const id = String(f.properties?.id);
			feature.set(id, f);
			layerOf.set(id, layer.id);
		}
	}
	return { feature, layerOf };
}

/** Whether a style layer draws the given story layer (story-style names them "story-<layer>-<part>"). */
export const drawsStoryLayer = (styleLayerId: string, storyLayerId: string) => styleLayerId.startsWith(`story-${storyLayerId}-`);

/**
 * What a view applier reads of a map's layers: their ids in drawing order and each layer (its id,
 * type and metadata). Never `getStyle()`: MapLibre answers it with a deep copy of every layer of the
 * style, which cost the story ~0.2 s of main thread per walk through its steps (issue 22).
 */
export interface LayerLookup {
	getLayersOrder(): string[];
	getLayer(id: string): unknown;
}

/** The style layers that draw a story layer, in drawing order. */
export function styleLayersOf(map: LayerLookup, storyLayerId: string): LayerSpecification[] {
	return map
		.getLayersOrder()
		.filter((id) => drawsStoryLayer(id, storyLayerId))
		.map((id) => map.getLayer(id) as LayerSpecification);
}
