/**
 * A GeoJSON source's features changed in place rather than replaced: MapLibre's setData lays out
 * again every tile the source has loaded (and re-places their labels), where updateData with a
 * diff lays out only the tiles where a changed feature was or now is. The features carry their
 * index as id; a feature changed at index i is sent again under id i (MapLibre replaces a feature
 * added with an id it has), those beyond the new count are removed. Pure; types from maplibre-gl.
 */
import type { GeoJSONSourceDiff } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** The collection with each feature's index as its id (what indexedDiff's ids refer to). */
export function withIndexIds<G extends Geometry>(fc: FeatureCollection<G>): FeatureCollection<G> {
	return { ...fc, features: fc.features.map((f, i) => ({ ...f, id: i })) };
}

/**
 * From a source holding `held` features (ids 0 … held − 1) to `next` (ids: their index): the
 * features `changed(i)` says differ, and any new ones, added; the ids beyond next's count removed.
 * Null when nothing changes.
 */
export function indexedDiff<G extends Geometry>(held: number, next: Feature<G>[], changed: (i: number) => boolean): GeoJSONSourceDiff | null {
	const add = next.flatMap((f, i) => (i >= held || changed(i) ? [{ ...f, id: i }] : []));
	const remove = Array.from({ length: Math.max(0, held - next.length) }, (_, k) => next.length + k);
	if (!add.length && !remove.length) return null;
	return { ...(add.length ? { add } : {}), ...(remove.length ? { remove } : {}) };
}
