/**
 * Obstacles for MapLibre's label placement: the map's controls (progress marks, switches, scale,
 * credits, locator inset…) and a band along the map's edges, laid in the collision index as
 * invisible squares before any label is placed. MapLibre then puts no label under a control or
 * across the map's edge: it tries the label's next anchor instead, whatever the font's metrics.
 * One symbol layer ("label-guards", an invisible icon that always places and is not ignored by the
 * others), added last to every map's style (`withLabelGuards`), so that it is placed first; its data
 * follow the camera and the page's layout (`watchLabelGuards`).
 */
import type { Map as MapLibreMap, StyleSpecification, GeoJSONSource, LngLatLike, PaddingOptions } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { indexedDiff } from './source-diff';

export interface Rect {
	left: number;
	top: number;
	right: number;
	bottom: number;
}
/** a square obstacle: centre (px, map's coordinates) and side */
export interface Guard {
	x: number;
	y: number;
	size: number;
}

export const GUARD_SOURCE = 'label-guards';
export const GUARD_LAYER = 'label-guards';
export const GUARD_IMAGE = 'label-guard';
/** the guard icon's side in px: each square's size is icon-size × this */
export const GUARD_IMAGE_PX = 16;
/** thickness of the band laid across each edge of the map (half inside, half outside) */
export const EDGE_BAND = 16;
/** the scale bar's greatest width (px, MapLibre's `maxWidth`): guarded at that width whatever the zoom, so a move does not move its guard */
export const SCALE_MAX_WIDTH = 96;

/** Squares covering `r` (map coordinates): a row of squares as tall as the shorter side, overlapping to fit exactly. */
export function coverRect(r: Rect): Guard[] {
	const w = r.right - r.left;
	const h = r.bottom - r.top;
	if (w <= 0 || h <= 0) return [];
	const size = Math.min(w, h);
	const long = Math.max(w, h);
	const n = Math.ceil(long / size);
	const step = n > 1 ? (long - size) / (n - 1) : 0;
	return Array.from({ length: n }, (_, i) =>
		w >= h ? { x: r.left + size / 2 + i * step, y: r.top + h / 2, size } : { x: r.left + w / 2, y: r.top + size / 2 + i * step, size }
	);
}

/**
 * The obstacles of a map of `width` × `height` px: a band across each edge and the part of each
 * cover (page coordinates, with the map's box `map`) that lies over it.
 */
export function guardsFor(map: Rect, covers: Rect[]): Guard[] {
	const w = map.right - map.left;
	const h = map.bottom - map.top;
	const b = EDGE_BAND / 2;
	const out = [
		...coverRect({ left: -b, top: -b, right: w + b, bottom: b }),
		...coverRect({ left: -b, top: h - b, right: w + b, bottom: h + b }),
		...coverRect({ left: -b, top: -b, right: b, bottom: h + b }),
		...coverRect({ left: w - b, top: -b, right: w + b, bottom: h + b })
	];
	for (const c of covers) {
		const r = {
			left: Math.max(c.left, map.left) - map.left,
			top: Math.max(c.top, map.top) - map.top,
			right: Math.min(c.right, map.right) - map.left,
			bottom: Math.min(c.bottom, map.bottom) - map.top
		};
		out.push(...coverRect(r));
	}
	return out.map((g) => ({ x: Math.round(g.x * 10) / 10, y: Math.round(g.y * 10) / 10, size: Math.round(g.size * 10) / 10 }));
}

/** The guard layer and its (empty) source, added on top of a style: placed before every label. */
export function withLabelGuards(style: StyleSpecification): StyleSpecification {
	if (style.sources[GUARD_SOURCE]) return style;
	return {
		...style,
		sources: { ...style.sources, [GUARD_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
		layers: [
			...style.layers,
			{
				id: GUARD_LAYER,
				type: 'symbol',
				source: GUARD_SOURCE,
				layout: {
					'icon-image': GUARD_IMAGE,
					'icon-size': ['/', ['get', 'size'], GUARD_IMAGE_PX],
					'icon-allow-overlap': true,
					'icon-ignore-placement': false,
					'icon-padding': 0,
					'icon-rotation-alignment': 'viewport',
					'icon-pitch-alignment': 'viewport'
				},
				// never drawn (MapLibre skips a symbol layer's icons at opacity 0): no icon program, no draw call per frame;
				// their collision boxes are placed all the same
				paint: { 'icon-opacity': 0 }
			}
		]
	};
}

/** The guards as the source's data: each square (id: its index) at the place under its centre (`unproject`: screen px → lon/lat). */
export function guardFeatures(unproject: (p: [number, number]) => [number, number], guards: Guard[]): FeatureCollection<Point> {
	return placedGuards(
		guards.map((g) => unproject([g.x, g.y])),
		guards.map((g) => g.size)
	);
}

/** The source's data for guards at places (lon/lat) with sides: square i is feature i. */
const placedGuards = (at: [number, number][], sizes: number[]): FeatureCollection<Point> => ({
	type: 'FeatureCollection',
	features: at.map((coordinates, i) => ({ type: 'Feature', id: i, properties: { size: sizes[i] }, geometry: { type: 'Point', coordinates } }))
});

const rectOf = (el: Element): Rect => {
	const r = el.getBoundingClientRect();
	return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
};

/**
 * A control's box, the scale bar's at its greatest width: its width follows the zoom, and a guard
 * that moved with it would be sent again after every move. It grows away from its corner.
 */
function controlRect(el: Element): Rect {
	const r = rectOf(el);
	if (!el.classList.contains('maplibregl-ctrl-scale')) return r;
	// MapLibre sets its width (style.width) to at most maxWidth: the box grows by what is missing
	const grow = Math.max(0, SCALE_MAX_WIDTH - (parseFloat((el as HTMLElement).style.width) || 0));
	const fromRight = !!el.closest('.maplibregl-ctrl-top-right, .maplibregl-ctrl-bottom-right');
	return fromRight ? { ...r, left: r.left - grow } : { ...r, right: r.right + grow };
}

/** where a place (lon/lat) is on the screen, and which place is under a pixel: the map's, or a camera's it is going to */
export interface Projection {
	project(p: [number, number]): [number, number];
	unproject(p: [number, number]): [number, number];
}
export const projectionOf = (map: MapLibreMap): Projection => ({
	project: (p) => {
		const q = map.project(p);
		return [q.x, q.y];
	},
	unproject: (p) => {
		const q = map.unproject(p);
		return [q.lng, q.lat];
	}
});

/**
 * An element of the page over the map that no label may go under: a CSS selector, or one that
 * counts only from a zoom (an element shown from there whose box is laid out at every zoom, as the
 * locator inset's). The guards laid ahead for a landing then count it as the page will show it there.
 */
export type Cover = string | { selector: string; fromZoom: number };

/** The selectors of the covers that count at `zoom`. */
export const coversAt = (covers: readonly Cover[], zoom: number): string[] =>
	covers.flatMap((c) => (typeof c === 'string' ? [c] : zoom >= c.fromZoom ? [c.selector] : []));

/** The guards a map holds (their places, lon/lat, and sides), the covers it follows, and the zoom they were laid for. */
interface Held {
	covers: Cover[];
	at: [number, number][];
	sizes: number[];
	zoom?: number;
}
const held = new WeakMap<MapLibreMap, Held>();

/**
 * How far (in zoom levels) from the camera they were laid for the guards are drawn. Away from it
 * they are not on the controls any more, and a guard layer drawn at every zoom had its source's
 * tiles made at each zoom a flight crosses: 86 tile jobs over a phone walk of the story (issue 22).
 */
export const GUARD_ZOOM_REACH = 0.5;

/** The guard layer's zoom range for guards laid at `zoom` (MapLibre draws a layer from minzoom up to, not at, maxzoom). */
export function guardZoomRange(zoom: number): [number, number] {
	return [Math.max(0, zoom - GUARD_ZOOM_REACH), Math.min(24, zoom + GUARD_ZOOM_REACH)];
}

/** The guards for the page's layout now, at `zoom`: the map's own controls and the page's covers over it. */
function currentGuards(map: MapLibreMap, covers: readonly Cover[], zoom: number): Guard[] {
	const container = map.getContainer();
	const rects = [
		...[...container.querySelectorAll('.maplibregl-ctrl')].map(controlRect),
		...coversAt(covers, zoom)
			.flatMap((s) => [...document.querySelectorAll(s)])
			.map(rectOf)
	].filter((r) => r.right > r.left && r.bottom > r.top);
	return guardsFor(rectOf(container), rects);
}

/**
 * Sets the guards of `map` for the layout now, seen through `projection` (the map's camera, or the
 * one it is about to land on). Nothing is sent to MapLibre when the guards it holds are already
 * where they should be on the screen (within half a pixel): no new tiles, no new placement.
 */
function setGuards(map: MapLibreMap, projection: Projection, zoom: number): boolean {
	const state = held.get(map);
	const source = map.getSource<GeoJSONSource>(GUARD_SOURCE);
	if (!state || !source) return false;
	const start = performance.now();
	try {
		if (Math.abs((state.zoom ?? -1) - zoom) > 0.01 && map.getLayer(GUARD_LAYER)) {
			state.zoom = zoom;
			map.setLayerZoomRange(GUARD_LAYER, ...guardZoomRange(zoom));
		}
		return setGuardsOf(state, source, map, projection, zoom);
	} finally {
		// its cost, for the traces (docs/city-context.md: measured per move on a slowed phone)
		performance.measure('qantar:label-guards', { start });
	}
}

function setGuardsOf(state: Held, source: GeoJSONSource, map: MapLibreMap, projection: Projection, zoom: number): boolean {
	const guards = currentGuards(map, state.covers, zoom);
	const data = guardFeatures(projection.unproject, guards);
	// only the guards off their place (or of another size): MapLibre lays out again only the tiles where they were or go
	const diff = indexedDiff(state.at.length, data.features, (i) => {
		const [x, y] = projection.project(state.at[i]!);
		return guards[i]!.size !== state.sizes[i] || Math.abs(x - guards[i]!.x) > 0.5 || Math.abs(y - guards[i]!.y) > 0.5;
	});
	if (!diff) return false;
	// what MapLibre now holds: the guards sent, and the others where they were
	const sent = new Map((diff.add ?? []).map((f) => [f.id, f.geometry as Point]));
	state.at = data.features.map((f, i) => (sent.get(i)?.coordinates ?? state.at[i]!) as [number, number]);
	state.sizes = guards.map((g) => g.size);
	// sent while guard tiles are loading: sent again whole once they are in (`resendWhenLoaded`)
	if (!map.isSourceLoaded(GUARD_SOURCE)) resendWhenLoaded(map, source, state);
	void source.updateData(diff);
	return true;
}

/**
 * MapLibre 6's GeoJSON worker keeps a tile that was loading when new data arrived with the data it
 * started from: it marks the tile loaded after it has dropped its loaded tiles for the new data, and
 * the reload the new data asks for then parses that old tile again. Guards sent while the map opens
 * (ahead of the camera, at its landing, as the guard layer's tiles load) were missing from the map
 * in about half the loads of the akimat's embed: 108 drawn of 158 sent, and a district's name cut by
 * the map's bottom edge where the missing ones should have been (issue 22). Once no guard tile is
 * loading, the guards the map holds are sent again whole: every tile is made again from them.
 */
const resending = new WeakSet<MapLibreMap>();
function resendWhenLoaded(map: MapLibreMap, source: GeoJSONSource, state: Held) {
	if (resending.has(map)) return;
	resending.add(map);
	const check = (e: { sourceId?: string }) => {
		if (e.sourceId !== GUARD_SOURCE || map.getSource(GUARD_SOURCE) !== source || !map.isSourceLoaded(GUARD_SOURCE)) return;
		map.off('sourcedata', check);
		resending.delete(map);
		void source.setData(placedGuards(state.at, state.sizes));
	};
	map.on('sourcedata', check);
}

/** lon/lat → Web Mercator world pixels (512 px tiles, MapLibre's) at zoom 0 */
const world = ([lon, lat]: [number, number]): [number, number] => [
	((lon + 180) / 360) * 512,
	((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360) * 512
];
const lonLat = ([x, y]: [number, number]): [number, number] => [
	(x / 512) * 360 - 180,
	(360 / Math.PI) * Math.atan(Math.exp(((180 - (y / 512) * 360) * Math.PI) / 180)) - 90
];

/**
 * The screen of a camera (centre, zoom, bearing, padding; no pitch) over a map of `width` × `height`
 * px, as MapLibre's Web Mercator draws it: the centre at the middle of the padded area. Pure.
 */
export function cameraProjection(
	camera: { center: [number, number]; zoom: number; bearing?: number; padding?: Partial<PaddingOptions> },
	width: number,
	height: number
): Projection {
	const { top = 0, right = 0, bottom = 0, left = 0 } = camera.padding ?? {};
	const cx = left + (width - left - right) / 2;
	const cy = top + (height - top - bottom) / 2;
	const scale = 2 ** camera.zoom;
	const [wx, wy] = world(camera.center);
	const a = (-(camera.bearing ?? 0) * Math.PI) / 180;
	const [cos, sin] = [Math.cos(a), Math.sin(a)];
	return {
		project: (p) => {
			const [x, y] = world(p);
			const dx = (x - wx) * scale;
			const dy = (y - wy) * scale;
			return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos];
		},
		unproject: ([sx, sy]) => {
			const dx = sx - cx;
			const dy = sy - cy;
			return lonLat([wx + (dx * cos + dy * sin) / scale, wy + (-dx * sin + dy * cos) / scale]);
		}
	};
}

const lngLatOf = (c: LngLatLike): [number, number] => (Array.isArray(c) ? [c[0], c[1]] : 'lng' in c ? [c.lng, c.lat] : [c.lon, c.lat]);

/**
 * Lays the guards for the camera the map is about to take (applyView, before a flight or a cut),
 * so that they are in MapLibre's collision index when it lands: the first labels placed there are
 * the right ones, with no re-placement after `moveend` (which then finds nothing to change). A
 * pitched camera is left to `moveend`.
 */
export function guardsAhead(
	map: MapLibreMap,
	camera: { center?: LngLatLike; zoom?: number; bearing?: number; pitch?: number; padding?: PaddingOptions }
): void {
	if (!held.has(map) || camera.pitch || !camera.center || camera.zoom === undefined) return;
	const { width, height } = map.getContainer().getBoundingClientRect();
	const padding = camera.padding ?? map.getPadding();
	setGuards(
		map,
		cameraProjection({ center: lngLatOf(camera.center), zoom: camera.zoom, bearing: camera.bearing ?? map.getBearing(), padding }, width, height),
		camera.zoom
	);
}

/**
 * Keeps the guards on the map's controls (its own: scale, credits, zoom buttons) and on the page's
 * `covers` (CSS selectors, some from a zoom), after each move and whenever the map is idle with a
 * layout that changed (a control that appeared after the move). Each check costs a few rectangles
 * read and the guards projected; MapLibre is given new data only when a guard is off its place.
 */
export function watchLabelGuards(map: MapLibreMap, covers: Cover[] = []): () => void {
	const transparent = { width: GUARD_IMAGE_PX, height: GUARD_IMAGE_PX, data: new Uint8Array(GUARD_IMAGE_PX * GUARD_IMAGE_PX * 4) };
	held.set(map, { covers, at: [], sizes: [] });
	const onMissing = (e: { id: string }) => {
		if (e.id === GUARD_IMAGE && !map.hasImage(GUARD_IMAGE)) map.addImage(GUARD_IMAGE, transparent);
	};
	const update = () => void setGuards(map, projectionOf(map), map.getZoom());
	map.on('styleimagemissing', onMissing);
	map.on('moveend', update);
	map.on('idle', update);
	map.on('resize', update);
	return () => {
		held.delete(map);
		map.off('styleimagemissing', onMissing);
		map.off('moveend', update);
		map.off('idle', update);
		map.off('resize', update);
	};
}
