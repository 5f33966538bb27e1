/**
 * The layer index, shared by the story, explore, embeds and the server's story
 * check: each feature by its id, the story layer it belongs to, and the style
 * layers that draw a story layer. One rule for each, so the pages cannot
 * disagree on which feature an id names or which style layers a fade touches.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

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

/** The style layers that draw a story layer, in drawing order. */
export function styleLayersOf(map: { getStyle(): StyleSpecification }, storyLayerId: string): LayerSpecification[] {
	return map.getStyle().layers.filter((l) => drawsStoryLayer(l.id, storyLayerId));
}
