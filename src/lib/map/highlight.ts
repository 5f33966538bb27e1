/**
 * Highlights, shared by the story adapter and the dashboard: the features
 * through feature-state (paint only: no tile is laid out again), their labels
 * drawn bigger on top through the label layers' filters.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { labelFilterFor, sourceId } from './story-style';

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

/** The labels of `ids` big, the others normal (only those in `labelled`, when given). Changing a symbol layer's filter lays its tiles out again: call it only when the ids change. */
export function setLabelHighlight(map: MapLibreMap, ids: readonly string[], labelled?: readonly string[]): void {
	for (const id of map.getLayersOrder()) {
		const filter = labelFilterFor(id, ids, labelled);
		if (filter) map.setFilter(id, filter);
	}
}
