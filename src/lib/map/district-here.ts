/**
 * The district of the step's sites, named where a reader looks: at city zoom, the name of each
 * district that holds one of the step's highlighted points, placed inside the part of that
 * district the map shows, in the free area the page leaves (the camera's padding), as far from the
 * story's points as that area allows. From the real OSM polygons the map draws (turf), whatever the
 * screen: on a phone the district's names along its edges may all be off the view or crowded out.
 * `districtHerePoint` is pure; `showDistrictHere` sets the map's label. Loaded by district-here-when.ts
 * only once a view at city zoom wants a name (turf's point-in-polygon stays off the first load).
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { basemapSources, SRC } from './basemap-sources';
import { EDGE_BAND, projectionOf } from './label-guards';
import { indexedDiff } from './source-diff';
import { DISTRICT_TEXT_SIZE } from './basemap-style';
import { districtHereWanted } from './district-here-when';
import type { Lang } from '$lib/i18n/lang';

export type District = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

/** The districts holding any of these points (lon/lat). */
export function districtsOf(districts: District[], points: [number, number][]): District[] {
	return districts.filter((d) => points.some((p) => booleanPointInPolygon(p, d)));
}

/** grid step (px) of the candidate places */
const STEP = 10;
/** beyond this distance (px) from every story point a place is as good as any */
const CLEAR = 150;

/** distance (px) from a point to a box (0 inside) */
const toBox = (b: Box, [x, y]: [number, number]) => Math.hypot(Math.max(b.left - x, 0, x - b.right), Math.max(b.top - y, 0, y - b.bottom));

/**
 * Where to name `district`: the centre of a box of the label's size (`size`, px) on a grid over
 * `area` (map px), the box wholly inside `area`, its centre inside the district, that is farthest
 * from the story's points (`points`, px), up to CLEAR px, then nearest to the sites (the first
 * point), among the places `free` says nothing is placed on (MapLibre's labels, dots and
 * obstacles: label-guards.ts). Undefined when no such place is left.
 */
export function districtHerePoint(
	district: District,
	area: Box,
	points: [number, number][],
	unproject: (p: [number, number]) => [number, number],
	size: { width: number; height: number } = { width: 0, height: 0 },
	free: (box: Box) => boolean = () => true
): [number, number] | undefined {
	const [sx, sy] = points[0] ?? [(area.left + area.right) / 2, (area.top + area.bottom) / 2];
	const [hw, hh] = [size.width / 2, size.height / 2];
	const places: { p: [number, number]; box: Box; score: number }[] = [];
	for (let y = area.top + hh; y <= area.bottom - hh; y += STEP)
		for (let x = area.left + hw; x <= area.right - hw; x += STEP) {
			const box = { left: x - hw, top: y - hh, right: x + hw, bottom: y + hh };
			let clear = CLEAR;
			for (const p of points) clear = Math.min(clear, toBox(box, p));
			places.push({ p: [x, y], box, score: clear - 0.05 * Math.hypot(x - sx, y - sy) });
		}
	// best first; the district and the map's own placement are asked only until one fits
	places.sort((a, b) => b.score - a.score);
	for (const { p, box } of places) if (booleanPointInPolygon(unproject(p), district) && free(box)) return unproject(p);
	return undefined;
}

/**
 * The size (px) of a district name as the basemap draws it (basemap-style.ts: the name over the
 * local name at 0.8 of the size, at most 8 ems wide, 1.2 line height), from its text: an estimate
 * on the generous side (0.62 em a character, letter-spacing included), grown by `padding`.
 */
export function nameSize(lines: string[], textSize: number, padding = 4): { width: number; height: number } {
	const EM = 0.62;
	let width = 0;
	let rows = 0;
	lines.forEach((line, i) => {
		const size = i === 0 ? textSize : textSize * 0.8;
		const w = line.length * EM * size;
		const wraps = Math.ceil(w / (8 * textSize));
		width = Math.max(width, Math.min(w, 8 * textSize));
		rows += wraps * (size / textSize);
	});
	return { width: width + 2 * padding, height: rows * 1.2 * textSize + 2 * padding };
}

/** The labels' data: one point per district, with the district's names. */
export function districtHereFeatures(placed: { district: District; at: [number, number] }[]): FeatureCollection<Point> {
	return {
		type: 'FeatureCollection',
		features: placed.map(({ district, at }) => ({ type: 'Feature', properties: { ...district.properties }, geometry: { type: 'Point', coordinates: at } }))
	};
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
let polygons: Promise<District[]> | undefined;
/**
 * what each label source was last set to, feature by feature (a new style makes a new source): only
 * the labels that changed are sent (source-diff.ts: MapLibre lays out again only the tiles where
 * they were or go; a setData would lay out every tile of the source)
 */
const lastSet = new WeakMap<GeoJSONSource, string[]>();
function setIfChanged(source: GeoJSONSource, data: FeatureCollection) {
	const held = lastSet.get(source) ?? [];
	const next = data.features.map((f) => JSON.stringify(f));
	lastSet.set(source, next);
	const diff = indexedDiff(held.length, data.features, (i) => held[i] !== next[i]);
	if (diff) void source.updateData(diff);
}

/** The basemap's own names of the districts (basemap-style.ts): at a point, near its edges, on a grid. */
const BASEMAP_DISTRICT_NAMES = /^base-almaty-district-labels/;

/** The layers whose placed labels, dots and obstacles the district's name keeps clear of (story-style.ts, label-guards.ts). */
const OBSTACLE = /^(story-|measure-|label-guards$)/;

/** Resolves at the first `event` MapLibre fires with the camera still and every tile of the view loaded. */
function stillAnd(map: MapLibreMap, event: 'idle' | 'render'): Promise<void> {
	return new Promise((resolve) => {
		const check = () => {
			if (!map.loaded() || map.isMoving()) return;
			map.off(event, check);
			resolve();
		};
		map.on(event, check);
		map.triggerRepaint();
	});
}

/** Resolves once the map is idle with everything loaded: the story's labels placed where the camera landed, and faded in. */
export const placed = (map: MapLibreMap) => stillAnd(map, 'idle');

/**
 * Resolves at the first frame drawn with the camera still and every tile of the view loaded: the
 * labels are placed there, or about to be (MapLibre places again at most every 300 ms: what it
 * holds may still be the flight's last placement, a few pixels off). A name set then is placed
 * with the landing's own labels, inside the 300 ms MapLibre draws after any change of what is
 * placed; set at the idle, it cost 300 ms of frames more at each landing (issue 22).
 */
export const landed = (map: MapLibreMap) => stillAnd(map, 'render');

/** Resolves in a task of its own, after the one running (a MapLibre frame). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * What was decided for one district of the sites: named by the basemap already, named here (where,
 * lon/lat, and the box it takes on the screen, px, at the camera it was decided for), or no place left.
 */
export type Decided =
	{ district: District; by: 'basemap' } | { district: District; by: 'none' } | { district: District; by: 'here'; at: [number, number]; box: Box };
type Named = Extract<Decided, { by: 'here' }>;
const relation = (d: District) => d.properties.osm_relation;

/** What the view offers a name now: the free area, the map's placement asked for obstacles, the basemap's district names and the names drawn here. */
function viewNow(map: MapLibreMap) {
	const { width, height } = map.getContainer().getBoundingClientRect();
	const { top = 0, right = 0, bottom = 0, left = 0 } = map.getPadding();
	const less = (v: number) => Math.max(0, v - 40);
	// the free area the camera's padding leaves (less its 40 px margin), inside the band along the map's edges
	const band = EDGE_BAND / 2;
	const area = {
		left: Math.max(band, less(left)),
		top: Math.max(band, less(top)),
		right: width - Math.max(band, less(right)),
		bottom: height - Math.max(band, less(bottom))
	};
	const { project, unproject } = projectionOf(map);
	const order = map.getLayersOrder();
	const layers = order.filter((id) => OBSTACLE.test(id));
	// MapLibre's own answer: nothing placed (label, dot, obstacle) on the box
	const free = (b: Box) =>
		map.queryRenderedFeatures(
			[
				[b.left, b.top],
				[b.right, b.bottom]
			],
			{ layers }
		).length === 0;
	const inArea = ([x, y]: [number, number]) => x >= area.left && x <= area.right && y >= area.top && y <= area.bottom;
	/** the districts (OSM relations) of the labels MapLibre has placed in `ids` (layers) whose point lies in the free area */
	const placedIn = (ids: string[]) =>
		new Set(
			map
				// asked over the free area only: over the whole map, MapLibre took ~30 ms on a phone (4x CPU) to answer
				.queryRenderedFeatures(
					[
						[area.left, area.top],
						[area.right, area.bottom]
					],
					{ layers: ids }
				)
				.filter((f) => f.geometry.type === 'Point' && inArea(project(f.geometry.coordinates as [number, number])))
				.map((f) => f.properties.osm_relation)
		);
	const namedByBasemap = () => placedIn(order.filter((id) => BASEMAP_DISTRICT_NAMES.test(id)));
	const drawnHere = () => placedIn(order.filter((id) => map.getLayer(id)?.source === SRC.almatyDistrictHere));
	// the names' text size, as the basemap draws them at this zoom
	const { fromZoom, min, toZoom, max } = DISTRICT_TEXT_SIZE;
	const textSize = min + ((Math.min(toZoom, Math.max(fromZoom, map.getZoom())) - fromZoom) / (toZoom - fromZoom)) * (max - min);
	return { area, project, unproject, free, namedByBasemap, drawnHere, textSize };
}

/**
 * Where to name each of `districts` in the view now, clear of `points` (lon/lat, projected on the
 * view now): not at all for a district the basemap already names in the free area (seen at the
 * airport step on a wide screen: Turksib named twice), nor where no place is left. Measured for the traces (docs/city-context.md).
 */
function decide(view: ReturnType<typeof viewNow>, districts: District[], points: [number, number][], lang: Lang): Decided[] {
	const start = performance.now();
	const onScreen = points.map(view.project);
	const byBasemap = districts.length ? view.namedByBasemap() : new Set();
	const decided = districts.map((district): Decided => {
		if (byBasemap.has(relation(district))) return { district, by: 'basemap' };
		const p = district.properties;
		const name = String(p[`name_${lang}`] ?? p.name_en ?? '');
		const local = String(p.name_local ?? '');
		const size = nameSize(local && local !== name ? [name, local] : [name], view.textSize);
		const at = districtHerePoint(district, view.area, onScreen, view.unproject, size, view.free);
		if (!at) return { district, by: 'none' };
		const [x, y] = view.project(at);
		return { district, by: 'here', at, box: { left: x - size.width / 2, top: y - size.height / 2, right: x + size.width / 2, bottom: y + size.height / 2 } };
	});
	performance.measure('qantar:district-here', { start });
	return decided;
}

const namedHere = (decided: Decided[]) => decided.filter((d): d is Named => d.by === 'here');

/**
 * What was decided on an earlier placement holds on the one now: each district the basemap named
 * is still named by it, and each named here is drawn, its box still clear and the basemap not
 * naming it meanwhile. A district left without a place does not hold (the final placement may have one).
 */
export function stillHolds(view: Pick<ReturnType<typeof viewNow>, 'namedByBasemap' | 'drawnHere' | 'free'>, decided: Decided[]): boolean {
	if (!decided.length) return true;
	const byBasemap = view.namedByBasemap();
	const drawn = decided.some((d) => d.by === 'here') ? view.drawnHere() : new Set();
	return decided.every((d) =>
		d.by === 'basemap'
			? byBasemap.has(relation(d.district))
			: d.by === 'here' && !byBasemap.has(relation(d.district)) && drawn.has(relation(d.district)) && view.free(d.box)
	);
}

/**
 * Sets the map's district-here label for the view it has landed on, where MapLibre has placed no
 * story label, dot nor obstacle (nothing if `current` says the step has changed meanwhile): the
 * districts of `highlight` (lon/lat), named in `lang`, clear of `points` (lon/lat, every story point
 * shown). Decided at the first frame after the landing with the view loaded (`landed`), then checked
 * once the map is idle against MapLibre's final placement (`stillHolds`: each name drawn, each box
 * clear, the basemap naming the same districts), and decided again only if it does not hold there.
 * Nothing below the zoom where the districts are drawn, nor on a map without the embedded basemap
 * (PUBLIC_BASEMAP_STYLE).
 */
export async function showDistrictHere(
	map: MapLibreMap,
	highlight: [number, number][],
	points: [number, number][],
	lang: Lang,
	current: () => boolean = () => true
): Promise<void> {
	const source = map.getSource<GeoJSONSource>(SRC.almatyDistrictHere);
	if (!source) return;
	if (!districtHereWanted(map, highlight)) {
		setIfChanged(source, EMPTY);
		return;
	}
	const url = (basemapSources(location.origin)[SRC.almatyDistricts] as { data: string }).data;
	polygons ??= fetch(url)
		.then((r) => (r.ok ? r.json() : EMPTY))
		.then((fc: FeatureCollection) => fc.features as District[])
		.catch(() => []);
	const districts = districtsOf(await polygons, highlight);
	const shown = [...highlight, ...points];
	await landed(map);
	// the decision (~40 ms on a phone: MapLibre asked where labels are) in a task of its own, not inside the frame that landed (issue 22)
	await nextTask();
	if (!current()) return;
	const decided = decide(viewNow(map), districts, shown, lang);
	setIfChanged(source, districtHereFeatures(namedHere(decided)));
	await placed(map);
	await nextTask();
	if (!current()) return;
	const view = viewNow(map);
	if (stillHolds(view, decided)) return;
	setIfChanged(source, districtHereFeatures(namedHere(decide(view, districts, shown, lang))));
}
