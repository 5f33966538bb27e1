/**
 * Basemap label de-duplication, for the story, explore and embeds alike: a
 * place a shown story layer draws is not drawn a second time by the basemap.
 * One rule for the names (a story place "Nur-Sultan (Astana)" is the basemap's
 * "Nur-Sultan" and "Astana") and one for the filters, which are changed only
 * when the hidden names do (a symbol filter lays the tiles out again).
 */
import type { Feature } from 'geojson';
import type { FilterSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { TRUSTED } from './trusted';

/** basemap layers of places that a story layer may duplicate */
export const BASEMAP_PLACE_LAYERS = ['base-city-dots', 'base-city-labels', 'base-capital-centre'];

/** The names the basemap may give these places: each English name, split at its brackets and slashes. */
export function placeNames(features: readonly Feature[]): string[] {
	return features.flatMap((f) =>
		String(f.properties?.name_en ?? '')
			.split(/\s*[(/)]\s*/)
			.map((x) => x.trim())
			.filter(Boolean)
	);
}

/** A basemap place layer's filter without the given place names. */
export function withoutPlaceNames(own: FilterSpecification | undefined, names: readonly string[]): FilterSpecification {
	const notStory: FilterSpecification = ['!', ['in', ['get', 'name'], ['literal', [...names]]]];
	return own ? (['all', own, notStory] as FilterSpecification) : notStory;
}

/** What was hidden on one map, kept by its view applier. */
export interface HiddenPlaces {
	/** the names hidden, joined (undefined: none set yet) */
	hiddenNames?: string;
	/** the basemap place layers' own filters, before de-duplication */
	baseFilters?: Record<string, FilterSpecification | undefined>;
}

type FilterMap = Pick<MapLibreMap, 'getLayer' | 'getFilter' | 'setFilter'>;

/** Hides exactly these names from the basemap's places; does nothing when they are the ones hidden already. */
export function hidePlaces(map: FilterMap, state: HiddenPlaces, names: readonly string[]): void {
	const key = JSON.stringify(names);
	if (state.hiddenNames === key) return;
	state.hiddenNames = key;
	if (!state.baseFilters) {
		state.baseFilters = {};
		for (const id of BASEMAP_PLACE_LAYERS) if (map.getLayer(id)) state.baseFilters[id] = map.getFilter(id) ?? undefined;
	}
	for (const [id, own] of Object.entries(state.baseFilters)) map.setFilter(id, withoutPlaceNames(own, names), TRUSTED);
}

/** The same, written into a style before the map exists (the map then starts with nothing to change). */
export function seedHiddenPlaces(style: StyleSpecification, state: HiddenPlaces, names: readonly string[]): void {
	state.hiddenNames = JSON.stringify(names);
	state.baseFilters = {};
	for (const layer of style.layers)
		if (BASEMAP_PLACE_LAYERS.includes(layer.id)) {
			const l = layer as { filter?: FilterSpecification };
			state.baseFilters[layer.id] = l.filter;
			l.filter = withoutPlaceNames(l.filter, names);
		}
}
