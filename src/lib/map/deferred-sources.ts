/**
 * GeoJSON sources that no layer draws at the opening zoom, loaded later. The
 * basemap has two sets of countries and borders (1:110m up to z3.5, 1:50m
 * above) and rivers from z4; a bare MapLibre map fetches and indexes every
 * GeoJSON source when the style loads, even those its first view does not
 * draw (the 1:50m countries alone are 0.58 MB of JSON for the map's one
 * worker to parse). Here such a source starts empty and gets its file once
 * the map has shown its first view (or as soon as the zoom reaches a layer
 * that draws it). Pure data: only types from maplibre-gl.
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';

/** A source left empty at first, with the file it loads later and the zooms where a layer draws it. */
export interface DeferredSource {
	id: string;
	url: string;
	/** lowest zoom at which one of its layers draws (MapLibre: a layer shows from minzoom, inclusive) */
	min: number;
	/** zoom from which none of them draws any more (a layer hides from maxzoom, inclusive) */
	max: number;
}

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

type WithZooms = LayerSpecification & { source?: unknown; minzoom?: number; maxzoom?: number };

/**
 * For each source, the zooms [min, max) from its layers' lowest minzoom to their
 * highest maxzoom (a source whose layers have a gap between them counts as drawn
 * in the gap too; hidden layers count: only the zoom decides). Sources no layer
 * uses are left out.
 */
export function sourceZoomRanges(style: StyleSpecification): Map<string, { min: number; max: number }> {
	const out = new Map<string, { min: number; max: number }>();
	for (const layer of style.layers as WithZooms[]) {
		if (typeof layer.source !== 'string') continue;
		const min = layer.minzoom ?? 0;
		const max = layer.maxzoom ?? 24;
		const r = out.get(layer.source);
		out.set(layer.source, r ? { min: Math.min(r.min, min), max: Math.max(r.max, max) } : { min, max });
	}
	return out;
}

/** Whether a layer drawing from this source shows at `zoom`. */
export const drawnAt = (d: Pick<DeferredSource, 'min' | 'max'>, zoom: number) => zoom >= d.min && zoom < d.max;

/**
 * The style with every GeoJSON source loaded from a file and drawn by no layer
 * at `zoom` made empty, and the list of those sources (to load later). Sources
 * with inline data, other types, and sources no layer uses are left as they are.
 */
export function deferSources(style: StyleSpecification, zoom: number): { style: StyleSpecification; deferred: DeferredSource[] } {
	const ranges = sourceZoomRanges(style);
	const deferred: DeferredSource[] = [];
	const sources: Record<string, SourceSpecification> = {};
	for (const [id, source] of Object.entries(style.sources)) {
		const range = ranges.get(id);
		if (source.type === 'geojson' && typeof source.data === 'string' && range && !drawnAt(range, zoom)) {
			deferred.push({ id, url: source.data, ...range });
			sources[id] = { ...source, data: EMPTY as never };
		} else sources[id] = source;
	}
	return deferred.length ? { style: { ...style, sources }, deferred } : { style, deferred };
}
