/**
 * Obstacles for MapLibre's label placement: the map's controls (progress marks, switches, scale,
 * credits, locator inset…) and a band along the map's edges, laid in the collision index as
 * invisible squares before any label is placed. MapLibre then puts no label under a control or
 * across the map's edge: it tries the label's next anchor instead, whatever the font's metrics.
 * One symbol layer ("label-guards", an invisible icon that always places and is not ignored by the
 * others), added last to every map's style (`withLabelGuards`), so that it is placed first; its data
 * follow the camera and the page's layout (`watchLabelGuards`).
 */
import type { Map as MapLibreMap, StyleSpecification, GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';

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

/** The guards as the source's data: each square at the place under its centre. */
export function guardFeatures(map: Pick<MapLibreMap, 'unproject'>, guards: Guard[]): FeatureCollection<Point> {
	return {
		type: 'FeatureCollection',
		features: guards.map((g) => {
			const p = map.unproject([g.x, g.y]);
			return { type: 'Feature', properties: { size: g.size }, geometry: { type: 'Point', coordinates: [p.lng, p.lat] } };
		})
	};
}

const rectOf = (el: Element): Rect => {
	const r = el.getBoundingClientRect();
	return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
};

/**
 * Keeps the guards on the map's controls (its own: scale, credits, zoom buttons) and on the page's
 * elements matching `covers` (CSS selectors), after each move and whenever the map is idle with a
 * layout that changed (a control that appeared after the move).
 */
export function watchLabelGuards(map: MapLibreMap, covers: string[] = []): () => void {
	let last = '';
	const transparent = { width: GUARD_IMAGE_PX, height: GUARD_IMAGE_PX, data: new Uint8Array(GUARD_IMAGE_PX * GUARD_IMAGE_PX * 4) };
	const onMissing = (e: { id: string }) => {
		if (e.id === GUARD_IMAGE && !map.hasImage(GUARD_IMAGE)) map.addImage(GUARD_IMAGE, transparent);
	};
	const update = () => {
		const source = map.getSource<GeoJSONSource>(GUARD_SOURCE);
		if (!source) return;
		const container = map.getContainer();
		const els = [...container.querySelectorAll('.maplibregl-ctrl'), ...covers.flatMap((s) => [...document.querySelectorAll(s)])];
		const rects = els.map(rectOf).filter((r) => r.right > r.left && r.bottom > r.top);
		const guards = guardsFor(rectOf(container), rects);
		const key = JSON.stringify([guards, map.getCenter(), map.getZoom(), map.getBearing(), map.getPitch()]);
		if (key === last) return;
		last = key;
		source.setData(guardFeatures(map, guards));
	};
	map.on('styleimagemissing', onMissing);
	map.on('moveend', update);
	map.on('idle', update);
	map.on('resize', update);
	return () => {
		map.off('styleimagemissing', onMissing);
		map.off('moveend', update);
		map.off('idle', update);
		map.off('resize', update);
	};
}
