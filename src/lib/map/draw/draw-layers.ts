/**
 * The MapLibre sources and layers the editor's drawing adds under and over
 * terra-draw's own: the static source (every feature terra-draw does not hold,
 * in the layer's colour), the dashed outline of a feature edited as parts, and
 * the red marking of invalid features. Their ids, filters and paint live here.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';

export const STATIC = 'editor-static';
export const SELECTED = 'editor-selected';
export const INVALID = 'editor-invalid';
export const STATIC_POINT = `${STATIC}-point`;
export const STATIC_LINE = `${STATIC}-line`;
/** the layers a click picks a static feature from */
export const STATIC_LAYERS = [`${STATIC}-fill`, STATIC_LINE, STATIC_POINT];
const OWN_LAYERS = [...STATIC_LAYERS, `${SELECTED}-line`, `${SELECTED}-point`, `${INVALID}-line`, `${INVALID}-ring`];

// (MapLibre reports a multi-geometry's type as MultiPolygon etc.: both kinds are matched)
const POLYGONAL: FilterSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const POINTS: FilterSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];
const NOT_POINTS: FilterSpecification = ['!', POINTS];

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** a feature of these sources: its id is the model key, or a part id (`key~path`) for a part terra-draw refused */
export const asFeature = (key: string, geometry: Geometry): Feature => ({ type: 'Feature', geometry, properties: { key } });

/** Removes these layers and sources (a drawing of another layer may have left them). */
export function removeDrawLayers(map: MapLibreMap) {
	for (const l of OWN_LAYERS) if (map.getLayer(l)) map.removeLayer(l);
	for (const s of [STATIC, INVALID, SELECTED]) if (map.getSource(s)) map.removeSource(s);
}

/** The static source and its layers: added before terra-draw's, so that the feature being edited is drawn on top. */
export function addStaticLayers(map: MapLibreMap, color: string) {
	map.addSource(STATIC, { type: 'geojson', data: EMPTY, promoteId: 'key' });
	map.addLayer({ id: `${STATIC}-fill`, type: 'fill', source: STATIC, filter: POLYGONAL, paint: { 'fill-color': color, 'fill-opacity': 0.25 } });
	map.addLayer({
		id: STATIC_LINE,
		type: 'line',
		source: STATIC,
		filter: NOT_POINTS,
		paint: { 'line-color': color, 'line-width': ['case', ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]], 3, 2] }
	});
	map.addLayer({
		id: STATIC_POINT,
		type: 'circle',
		source: STATIC,
		filter: POINTS,
		paint: { 'circle-radius': 6, 'circle-color': color, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 }
	});
}

/** The outline of the whole active feature drawn as parts, and the red marking of invalid features: added after terra-draw's, on top. */
export function addOverlayLayers(map: MapLibreMap) {
	map.addSource(SELECTED, { type: 'geojson', data: EMPTY });
	map.addSource(INVALID, { type: 'geojson', data: EMPTY });
	// every part outlined (dashed, thin: terra-draw's vertices stay visible)
	map.addLayer({
		id: `${SELECTED}-line`,
		type: 'line',
		source: SELECTED,
		filter: NOT_POINTS,
		paint: { 'line-color': '#111111', 'line-width': 2, 'line-dasharray': [3, 2] }
	});
	map.addLayer({
		id: `${SELECTED}-point`,
		type: 'circle',
		source: SELECTED,
		filter: POINTS,
		paint: { 'circle-radius': 10, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#111111', 'circle-stroke-width': 2 }
	});
	map.addLayer({
		id: `${INVALID}-line`,
		type: 'line',
		source: INVALID,
		filter: ['!=', ['geometry-type'], 'Point'],
		paint: { 'line-color': '#d10000', 'line-width': 4, 'line-dasharray': [2, 1] }
	});
	map.addLayer({
		id: `${INVALID}-ring`,
		type: 'circle',
		source: INVALID,
		filter: ['==', ['geometry-type'], 'Point'],
		paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#d10000', 'circle-stroke-width': 3 }
	});
}
