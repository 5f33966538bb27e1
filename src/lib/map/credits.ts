/**
 * The credit line of what a map view draws: Natural Earth and GeoNames always (the embedded
 * basemap), OpenStreetMap from the zoom where Almaty's limit and districts are drawn. One rule for
 * the map and its captions: the city context's layers start at CITY_ZOOM (basemap-style.ts), and
 * MapLibre shows a source's attribution only while a layer of it is drawn; the captions ask
 * `basemapCredits` with the map's zoom. Pure, no maplibre-gl.
 */

/** Zoom from which Almaty's limit is drawn (the city about fills a phone's map), with its OSM credit. */
export const CITY_ZOOM = 9;

export const CREDIT = {
	naturalEarth: 'Natural Earth',
	geoNames: 'GeoNames (CC BY 4.0)',
	osm: '© OpenStreetMap contributors'
} as const;

/** The basemap's credits at `zoom`, in the order a caption lists them. */
export function basemapCredits(zoom: number): string[] {
	return [CREDIT.naturalEarth, CREDIT.geoNames, ...(zoom >= CITY_ZOOM ? [CREDIT.osm] : [])];
}

const TILE = 512;
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

export interface Insets {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/**
 * The zoom at which MapLibre fits `bounds` [w, s, e, n] in a `width` × `height` px view less
 * `padding` (px, or per side), capped at `maxZoom`: the embed's credit line before the map has drawn
 * (the server's page, a page without WebGL), the story's opening camera before the map exists.
 */
export function fitZoom([w, s, e, n]: [number, number, number, number], width: number, height: number, padding: number | Insets, maxZoom: number): number {
	const p = typeof padding === 'number' ? { top: padding, right: padding, bottom: padding, left: padding } : padding;
	const dx = ((e - w) / 360) * TILE;
	const dy = ((mercY(n) - mercY(s)) / (2 * Math.PI)) * TILE;
	const zx = dx > 0 ? Math.log2((width - p.left - p.right) / dx) : Infinity;
	const zy = dy > 0 ? Math.log2((height - p.top - p.bottom) / dy) : Infinity;
	return Math.min(maxZoom, zx, zy);
}
