/**
 * The great-circle distance between two lon/lat points, in metres: the haversine formula on the
 * sphere of turf's `distance` (mean Earth radius 6,371,008.8 m), without its units table and input
 * checks (with turf's bbox, 1.4 KB gzip of every reader page's JavaScript, issue 22).
 * great-circle.test.ts checks it against turf. Pure.
 */
export const EARTH_RADIUS_M = 6371008.8;

const RAD = Math.PI / 180;

export function greatCircleMetres([lon1, lat1]: readonly [number, number], [lon2, lat2]: readonly [number, number]): number {
	const h = Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 + Math.sin(((lon2 - lon1) * RAD) / 2) ** 2 * Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD);
	return 2 * EARTH_RADIUS_M * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}
