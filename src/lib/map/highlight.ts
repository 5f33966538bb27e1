/**
 * Highlights through feature-state (paint only: no tile is laid out again),
 * shared by the story adapter and the dashboard.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { sourceId } from './story-style';

/** Highlights exactly `ids`, clearing those of `previous` that are not in it. `layerOf`: feature id -> story layer id. */
export function setFeatureHighlight(map: MapLibreMap, ids: readonly string[], previous: readonly string[], layerOf: ReadonlyMap<string, string>): void {
	for (const id of previous) {
		const layer = layerOf.get(id);
		if (layer && !ids.includes(id)) map.setFeatureState({ source: sourceId(layer), id }, { highlight: false });
	}
	for (const id of ids) {
		const layer = layerOf.get(id);
		if (layer) map.setFeatureState({ source: sourceId(layer), id }, { highlight: true });
	}
}
