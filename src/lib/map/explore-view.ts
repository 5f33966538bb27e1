/**
 * applyExploreView(map, view): how the explore dashboard changes its map, in
 * the way applyView does the story's: it remembers what it applied to each map
 * and sends MapLibre only the difference. A layer's data is replaced only when
 * its features for the day (or their certainty) change, its style layers are
 * shown or hidden only when it is switched, label filters and basemap places
 * are filtered again only when their ids or names change (each such filter
 * lays tiles out again). The camera is the reader's: it is not part of the view.
 */
import type { Map as MapLibreMap, GeoJSONSource } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { sourceId } from './story-style';
import { setFeatureHighlight, setLabelHighlight } from './highlight';
import { styleLayersOf } from './layer-index';
import { hidePlaces, type HiddenPlaces } from './basemap-places';

export interface ExploreView {
	/** per story layer: the features drawn on the chosen day (properties.uncertain set where they are) */
	features: Record<string, readonly Feature[]>;
	/** the story layers switched on */
	visible: readonly string[];
	/** features highlighted (selected, hovered) */
	highlight: readonly string[];
	/** basemap place names hidden because a shown story layer draws them */
	hiddenPlaces: readonly string[];
}

interface ExploreApplied extends HiddenPlaces {
	/** per layer: the ids and certainty of the features its source holds */
	data: Record<string, string>;
	visible: Record<string, boolean>;
	highlight: readonly string[];
	/** ids the label filters are set for (undefined: the style's own) */
	labelHighlight?: string;
}
const applied = new WeakMap<MapLibreMap, ExploreApplied>();

const dataKey = (features: readonly Feature[]) => features.map((f) => `${f.properties?.id}:${f.properties?.uncertain ? 1 : 0}`).join();

/** `layerOf`: feature id -> story layer id (for feature-state highlights). */
export function applyExploreView(map: MapLibreMap, view: ExploreView, layerOf: ReadonlyMap<string, string>): void {
	let state = applied.get(map);
	if (!state) applied.set(map, (state = { data: {}, visible: {}, highlight: [] }));
	for (const [id, features] of Object.entries(view.features)) {
		const key = dataKey(features);
		if (state.data[id] === key) continue;
		(map.getSource(sourceId(id)) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: [...features] } satisfies FeatureCollection);
		state.data[id] = key;
	}
	for (const id of Object.keys(view.features)) {
		const on = view.visible.includes(id);
		if (state.visible[id] === on) continue;
		for (const l of styleLayersOf(map, id)) map.setLayoutProperty(l.id, 'visibility', on ? 'visible' : 'none');
		state.visible[id] = on;
	}
	hidePlaces(map, state, view.hiddenPlaces);
	if (view.highlight.join() !== state.highlight.join()) {
		setFeatureHighlight(map, view.highlight, state.highlight, layerOf);
		state.highlight = [...view.highlight];
	}
	if (view.highlight.join() !== state.labelHighlight) {
		setLabelHighlight(map, view.highlight);
		state.labelHighlight = view.highlight.join();
	}
}
