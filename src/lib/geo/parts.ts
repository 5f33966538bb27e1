/**
 * Drawing tools edit single geometries (a point, a line, a polygon without
 * holes). A feature with several of them (MultiPoint, MultiLineString,
 * MultiPolygon) or a polygon with holes is edited as parts: one drawable
 * geometry per member, per ring for polygons, each tagged with its path in the
 * feature's geometry. A changed part is put back with replacePart; the parts
 * that did not change keep their arrays, so a caller can tell them apart by
 * identity (partRef).
 */
import type { Geometry, LineString, Point, Polygon, Position } from 'geojson';

export type PartGeometry = Point | LineString | Polygon;

export interface Part {
	/** `<feature key>~<path>`, e.g. "f3~2.0" (polygon 2, ring 0) */
	id: string;
	/** where the part sits: [member] for multi-points/lines, [ring] for a polygon, [polygon, ring] for a multi-polygon */
	path: number[];
	geometry: PartGeometry;
	/** the array the part was cut from: unchanged while the part is unchanged */
	ref: unknown;
}

/** A part of a feature chosen on the map, e.g. the island being reshaped. */
export interface SelectedPart {
	/** the feature's key */
	key: string;
	path: number[];
	/** e.g. "polygon 2 of 4" (partLabel) */
	label: string;
}

export const PART_SEPARATOR = '~';

/** The feature key of a part id (or of a whole feature's id, itself). */
export const featureKeyOf = (id: string) => {
	const at = id.indexOf(PART_SEPARATOR);
	return at < 0 ? id : id.slice(0, at);
};

/** The array that tells a part's identity: the ring of a polygon part, the coordinates otherwise. */
export const partRef = (g: PartGeometry): unknown => (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates);

const part = (key: string, path: number[], geometry: PartGeometry): Part => ({
	id: `${key}${PART_SEPARATOR}${path.join('.')}`,
	path,
	geometry,
	ref: partRef(geometry)
});
const ring = (r: Position[]): Polygon => ({ type: 'Polygon', coordinates: [r] });

/**
 * The parts of a feature's geometry, or null when the geometry is drawn as it
 * is (a point, a line, a polygon without holes) or cannot be split (a
 * geometry collection, malformed coordinates).
 */
export function partsOf(key: string, g: Geometry | null): Part[] | null {
	if (!g || !('coordinates' in g) || !Array.isArray(g.coordinates)) return null;
	switch (g.type) {
		case 'Polygon':
			return g.coordinates.length > 1 ? g.coordinates.map((r, i) => part(key, [i], ring(r))) : null;
		case 'MultiPoint':
			return g.coordinates.map((p, i) => part(key, [i], { type: 'Point', coordinates: p }));
		case 'MultiLineString':
			return g.coordinates.map((l, i) => part(key, [i], { type: 'LineString', coordinates: l }));
		case 'MultiPolygon':
			return g.coordinates.flatMap((poly, p) => (Array.isArray(poly) ? poly.map((r, i) => part(key, [p, i], ring(r))) : []));
		default:
			return null;
	}
}

/** The feature's geometry with the part at `path` replaced; every other member keeps its arrays. */
export function replacePart(g: Geometry, path: readonly number[], next: PartGeometry): Geometry {
	const [a = 0, b = 0] = path;
	const swap = <T>(list: readonly T[], at: number, value: T): T[] => list.map((x, i) => (i === at ? value : x));
	if (g.type === 'Polygon' && next.type === 'Polygon') return { ...g, coordinates: swap(g.coordinates, a, next.coordinates[0]!) };
	if (g.type === 'MultiPoint' && next.type === 'Point') return { ...g, coordinates: swap(g.coordinates, a, next.coordinates) };
	if (g.type === 'MultiLineString' && next.type === 'LineString') return { ...g, coordinates: swap(g.coordinates, a, next.coordinates) };
	if (g.type === 'MultiPolygon' && next.type === 'Polygon')
		return { ...g, coordinates: swap(g.coordinates, a, swap(g.coordinates[a]!, b, next.coordinates[0]!)) };
	throw new Error(`a ${next.type} cannot replace part ${path.join('.')} of a ${g.type}`);
}

/** The part to select when the whole feature is chosen (from a list): the one with the most positions. */
export function mainPart(parts: readonly Part[]): Part | undefined {
	const size = (p: Part) =>
		p.geometry.type === 'Point' ? 1 : p.geometry.type === 'LineString' ? p.geometry.coordinates.length : p.geometry.coordinates[0]!.length;
	return parts.reduce<Part | undefined>((best, p) => (!best || size(p) > size(best) ? p : best), undefined);
}

/** What a part is, in words: "polygon 2 of 4", "polygon 1 of 2, hole 1", "hole 1 of 3", "line 2 of 3", "point 4 of 5". */
export function partLabel(g: Geometry, path: readonly number[]): string {
	const [a = 0, b = 0] = path;
	if (g.type === 'MultiPolygon') return `polygon ${a + 1} of ${g.coordinates.length}${b > 0 ? `, hole ${b}` : ''}`;
	if (g.type === 'Polygon') return a === 0 ? 'outer ring' : `hole ${a} of ${g.coordinates.length - 1}`;
	if (g.type === 'MultiLineString') return `line ${a + 1} of ${g.coordinates.length}`;
	if (g.type === 'MultiPoint') return `point ${a + 1} of ${g.coordinates.length}`;
	return 'part';
}

/**
 * The geometry without the part at `path` (a polygon goes with its holes), or
 * null when that part is the last one or the outer ring of a polygon: then the
 * whole feature is what to delete.
 */
export function removePart(g: Geometry, path: readonly number[]): Geometry | null {
	const [a = 0, b = 0] = path;
	const without = <T>(list: readonly T[], at: number): T[] => list.filter((_, i) => i !== at);
	if (g.type === 'MultiPolygon') {
		if (b > 0) return { ...g, coordinates: g.coordinates.map((poly, i) => (i === a ? without(poly, b) : poly)) };
		return g.coordinates.length > 1 ? { ...g, coordinates: without(g.coordinates, a) } : null;
	}
	if (g.type === 'Polygon') return a > 0 ? { ...g, coordinates: without(g.coordinates, a) } : null;
	if (g.type === 'MultiLineString' || g.type === 'MultiPoint')
		return g.coordinates.length > 1 ? ({ ...g, coordinates: without(g.coordinates as unknown[], a) } as Geometry) : null;
	return null;
}

/** [west, south, east, north] of a geometry's positions (null when it has none). */
export function boundsOf(g: Geometry | null): [number, number, number, number] | null {
	const b = [Infinity, Infinity, -Infinity, -Infinity] as [number, number, number, number];
	const walk = (c: unknown): void => {
		if (!Array.isArray(c)) return;
		if (typeof c[0] === 'number' && typeof c[1] === 'number') {
			b[0] = Math.min(b[0], c[0]);
			b[1] = Math.min(b[1], c[1]);
			b[2] = Math.max(b[2], c[0]);
			b[3] = Math.max(b[3], c[1]);
		} else for (const x of c) walk(x);
	};
	if (g && 'coordinates' in g) walk(g.coordinates);
	return b[0] <= b[2] ? b : null;
}
