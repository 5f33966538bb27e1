// Cuts polygon rings that cross the antimeridian (±180°) so that each part
// stays on its own side. Natural Earth / world-atlas rings for Russia and Fiji
// jump from +180 to -180; drawn as-is they make stripes across the whole map.
import { bboxClip } from '@turf/turf';

/** true when a ring has a step of more than 180° of longitude */
function crosses(ring) {
	for (let i = 1; i < ring.length; i++) if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) return true;
	return false;
}

/** Splits one polygon (array of rings) into polygons that do not cross ±180°. */
export function splitPolygonAtAntimeridian(rings) {
	if (!rings.some(crosses)) return [rings];
	// unwrap to 0..360 so the ring is continuous, then clip each half
	const shifted = rings.map((ring) => ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]));
	const xs = shifted.flat().map((c) => c[0]);
	// still over 300° wide once unwrapped: not a crossing (a ring around a pole), left alone
	if (Math.max(...xs) - Math.min(...xs) > 300) return [rings];
	const poly = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: shifted } };
	const parts = [];
	for (const [box, dx] of [
		[[0, -90, 180, 90], 0],
		[[180, -90, 360, 90], -360]
	]) {
		const clipped = bboxClip(poly, box).geometry;
		const polys = clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates;
		for (const p of polys) {
			const rs = p.filter((r) => r.length >= 4).map((r) => r.map(([x, y]) => [x + dx, y]));
			if (rs.length && rs[0].length >= 4) parts.push(rs);
		}
	}
	return parts;
}

/** Splits a line (array of positions) where it jumps across ±180°; parts of fewer than 2 positions are dropped. */
export function splitLineAtAntimeridian(line) {
	const out = [];
	let cur = [line[0]];
	for (let i = 1; i < line.length; i++) {
		if (Math.abs(line[i][0] - line[i - 1][0]) > 180) {
			if (cur.length >= 2) out.push(cur);
			cur = [];
		}
		cur.push(line[i]);
	}
	if (cur.length >= 2) out.push(cur);
	return out;
}

/** Returns a (Multi)Polygon geometry whose parts never cross ±180°. */
export function fixAntimeridian(geometry) {
	if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return geometry;
	const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const out = polys.flatMap(splitPolygonAtAntimeridian);
	return out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out };
}

/** Rounds every coordinate of a geometry to `digits` decimals and drops repeated points. */
export function roundGeometry(geometry, digits = 5) {
	const f = 10 ** digits;
	const r = (n) => Math.round(n * f) / f;
	const pos = (p) => [r(p[0]), r(p[1])];
	const line = (l) => {
		const out = [];
		for (const p of l.map(pos)) {
			const last = out[out.length - 1];
			if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
		}
		return out;
	};
	const ring = (l) => {
		const out = line(l);
		if (out.length && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) out.push(out[0]);
		return out;
	};
	switch (geometry.type) {
		case 'Point':
			return { type: 'Point', coordinates: pos(geometry.coordinates) };
		case 'LineString':
			return { type: 'LineString', coordinates: line(geometry.coordinates) };
		case 'MultiLineString':
			return { type: 'MultiLineString', coordinates: geometry.coordinates.map(line) };
		case 'Polygon':
			return { type: 'Polygon', coordinates: geometry.coordinates.map(ring).filter((x) => x.length >= 4) };
		case 'MultiPolygon':
			return {
				type: 'MultiPolygon',
				coordinates: geometry.coordinates.map((p) => p.map(ring).filter((x) => x.length >= 4)).filter((p) => p.length)
			};
		default:
			return geometry;
	}
}
