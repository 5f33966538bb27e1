/**
 * The district of the step's sites, named where a reader looks: at city zoom, the name of each
 * district that holds one of the step's highlighted points, placed inside the part of that
 * district the map shows, in the free area the page leaves (the camera's padding), as far from the
 * story's points as that area allows. From the real OSM polygons the map draws (turf), whatever the
 * screen: on a phone the district's names along its edges may all be off the view or crowded out.
 * `districtHerePoint` is pure; `showDistrictHere` sets the map's label.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { basemapSources, SRC } from './basemap-sources';

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

/**
 * Where to name `district`: the place on a grid over `area` (map px) inside the district that is
 * farthest from the story's points (`points`, px), up to CLEAR px, then nearest to the sites (the
 * first point); the controls are MapLibre's to avoid (label-guards.ts). Undefined when no grid place is in
 * the district.
 */
export function districtHerePoint(
	district: District,
	area: Box,
	points: [number, number][],
	unproject: (p: [number, number]) => [number, number]
): [number, number] | undefined {
	let best: { p: [number, number]; score: number } | undefined;
	const [sx, sy] = points[0] ?? [(area.left + area.right) / 2, (area.top + area.bottom) / 2];
	for (let y = area.top + STEP / 2; y < area.bottom; y += STEP)
		for (let x = area.left + STEP / 2; x < area.right; x += STEP) {
			let clear = CLEAR;
			for (const [px, py] of points) clear = Math.min(clear, Math.hypot(x - px, y - py));
			const score = clear - 0.05 * Math.hypot(x - sx, y - sy);
			if (best && score <= best.score) continue;
			if (!booleanPointInPolygon(unproject([x, y]), district)) continue;
			best = { p: [x, y], score };
		}
	return best && unproject(best.p);
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
/** what each label source was last set to (a new style makes a new source): the same data again is not sent (a setData re-tiles in MapLibre's worker) */
const lastSet = new WeakMap<GeoJSONSource, string>();
function setIfChanged(source: GeoJSONSource, data: FeatureCollection) {
	const key = JSON.stringify(data);
	if (lastSet.get(source) === key) return;
	lastSet.set(source, key);
	source.setData(data);
}

/**
 * Sets the map's district-here label for the view it has settled on: the districts of `highlight`
 * (lon/lat), named clear of `points` (lon/lat, every story point shown). Nothing below the zoom
 * where the districts are drawn, nor on a map without the embedded basemap (PUBLIC_BASEMAP_STYLE).
 */
export async function showDistrictHere(map: MapLibreMap, highlight: [number, number][], points: [number, number][]): Promise<void> {
	const source = map.getSource<GeoJSONSource>(SRC.almatyDistrictHere);
	if (!source) return;
	// the layer's own minzoom: from where the districts are drawn
	if (map.getZoom() < (map.getLayer(SRC.almatyDistrictHere)?.minzoom ?? 0) || !highlight.length) {
		setIfChanged(source, EMPTY);
		return;
	}
	const url = (basemapSources(location.origin)[SRC.almatyDistricts] as { data: string }).data;
	polygons ??= fetch(url)
		.then((r) => (r.ok ? r.json() : EMPTY))
		.then((fc: FeatureCollection) => fc.features as District[])
		.catch(() => []);
	const districts = districtsOf(await polygons, highlight);
	const { width, height } = map.getContainer().getBoundingClientRect();
	const { top = 0, right = 0, bottom = 0, left = 0 } = map.getPadding();
	const less = (v: number) => Math.max(0, v - 40);
	// the free area the camera's padding leaves (less its 40 px margin), kept off the side edges by half a name's width
	const area = {
		left: less(left) + 50,
		top: less(top) + 16,
		right: width - less(right) - 50,
		bottom: height - less(bottom) - 16
	};
	const px = (p: [number, number]): [number, number] => {
		const q = map.project(p);
		return [q.x, q.y];
	};
	const unproject = ([x, y]: [number, number]): [number, number] => {
		const q = map.unproject([x, y]);
		return [q.lng, q.lat];
	};
	const onScreen = [...highlight, ...points].map(px);
	const placed = districts.flatMap((district) => {
		const at = districtHerePoint(district, area, onScreen, unproject);
		return at ? [{ district, at }] : [];
	});
	setIfChanged(source, districtHereFeatures(placed));
}
