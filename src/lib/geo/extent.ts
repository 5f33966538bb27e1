/**
 * The bounding box of GeoJSON features, [west, south, east, north], every position counted: what
 * turf's `bbox` gives, without its generic walk over every GeoJSON kind (0.8 KB gzip of every
 * reader page's JavaScript with turf's helpers, issue 22). extent.test.ts checks it against turf
 * on every feature of the layers. Pure.
 */
import type { Feature, Geometry } from 'geojson';

export type Extent = [west: number, south: number, east: number, north: number];

/** positions are arrays of numbers; everything above them, arrays of arrays */
function extend(box: Extent, coords: unknown): void {
	if (!Array.isArray(coords)) return;
	if (typeof coords[0] === 'number') {
		const [x, y] = coords as number[];
		box[0] = Math.min(box[0], x!);
		box[1] = Math.min(box[1], y!);
		box[2] = Math.max(box[2], x!);
		box[3] = Math.max(box[3], y!);
	} else for (const c of coords) extend(box, c);
}

function extendGeometry(box: Extent, g: Geometry | null): void {
	if (!g) return;
	if (g.type === 'GeometryCollection') for (const x of g.geometries) extendGeometry(box, x);
	else extend(box, g.coordinates);
}

/** The features' bounding box; [Infinity, Infinity, -Infinity, -Infinity] when they have no position (as turf). */
export function extentOf(features: readonly Feature[]): Extent {
	const box: Extent = [Infinity, Infinity, -Infinity, -Infinity];
	for (const f of features) extendGeometry(box, f.geometry);
	return box;
}
