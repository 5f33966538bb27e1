/**
 * What a click on the editor's map picks among the features of the static
 * source (terra-draw picks its own): the nearest point, else a line, else a
 * polygon, within PICK_PX; and for a feature edited as parts, the part under
 * the pointer (the smallest ring around it, so a hole before its polygon,
 * else the nearest member). A click is a press and release of the primary
 * button that moved at most 3 pixels.
 */
import type { Geometry, Position } from 'geojson';
import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import { booleanPointInPolygon } from '@turf/turf';
import { featureKeyOf, partsOf, type Part } from '$lib/geo/parts';
import { STATIC_LAYERS, STATIC_LINE, STATIC_POINT } from './draw-layers';

/** how far from a feature (CSS pixels) a click still picks it */
export const PICK_PX = 10;
/** a press and release further apart than this (CSS pixels) is a drag, not a click */
const CLICK_SLOP_PX = 3;

interface ScreenPoint {
	x: number;
	y: number;
}
type Project = (p: Position) => ScreenPoint;

/** The distance in pixels from `at` to a point, or to the nearest segment of a path. */
export function screenDistance(positions: readonly Position[], at: ScreenPoint, project: Project): number {
	const pts = positions.map(project);
	if (pts.length === 1) return Math.hypot(pts[0]!.x - at.x, pts[0]!.y - at.y);
	let d = Infinity;
	for (let i = 0; i + 1 < pts.length; i++) {
		const a = pts[i]!;
		const b = pts[i + 1]!;
		const dx = b.x - a.x;
		const dy = b.y - a.y;
		const t = dx || dy ? Math.max(0, Math.min(1, ((at.x - a.x) * dx + (at.y - a.y) * dy) / (dx * dx + dy * dy))) : 0;
		d = Math.min(d, Math.hypot(a.x + t * dx - at.x, a.y + t * dy - at.y));
	}
	return d;
}

/**
 * A ring's area in square degrees (shoelace): only to tell which of the rings around a point is the
 * smallest, an order that any area keeps for nested rings. Not turf's `area`: it made the readers'
 * map chunk carry @turf/meta's geomEach and geomReduce (a module is not split between chunks, and
 * the map's bbox brings @turf/meta there), 0.2 KB gzip of the story's budgeted JavaScript (issue 22).
 */
function ringSize(ring: readonly Position[]): number {
	let twice = 0;
	for (let i = 0; i + 1 < ring.length; i++) twice += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
	return Math.abs(twice) / 2;
}

/** The part under a point: the smallest ring (by area) around `lngLat` (a hole before its polygon), else the nearest member within PICK_PX of `at`. */
export function partAt(parts: readonly Part[], at: ScreenPoint, lngLat: Position, project: Project): string | null {
	let within: { id: string; size: number } | null = null;
	let nearest: { id: string; d: number } | null = null;
	for (const p of parts) {
		const g = p.geometry;
		if (g.type === 'Polygon') {
			// (a ring alone: a hole is a part of its own, so the polygon part is its outer ring only)
			const outer = g.coordinates[0]!;
			const size = booleanPointInPolygon(lngLat, { type: 'Polygon', coordinates: [outer] }) ? ringSize(outer) : Infinity;
			if (size < (within?.size ?? Infinity)) within = { id: p.id, size };
		}
		const d = screenDistance(g.type === 'Point' ? [g.coordinates] : g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates, at, project);
		if (d <= PICK_PX && (!nearest || d < nearest.d)) nearest = { id: p.id, d };
	}
	return within?.id ?? nearest?.id ?? null;
}

/** The static feature at a point of the map's canvas and, for a feature drawn as parts, the part clicked. */
export function pickStatic(map: MapLibreMap, at: ScreenPoint, model: ReadonlyMap<string, Geometry>): { key: string; part: string | null } | null {
	const { x, y } = at;
	const hits: MapGeoJSONFeature[] = map.queryRenderedFeatures(
		[
			[x - PICK_PX, y - PICK_PX],
			[x + PICK_PX, y + PICK_PX]
		],
		{ layers: STATIC_LAYERS.filter((l) => map.getLayer(l)) }
	);
	let best: { key: string; rank: number; d: number } | null = null;
	for (const h of hits) {
		const id = h.properties?.key;
		if (typeof id !== 'string') continue;
		const key = featureKeyOf(id);
		const g = model.get(key);
		let rank = 2;
		let d = 0;
		if (g?.type === 'Point') {
			const p = map.project(g.coordinates as [number, number]);
			rank = 0;
			d = Math.hypot(p.x - x, p.y - y);
		} else if (h.layer.id === STATIC_POINT || h.layer.id === STATIC_LINE) rank = 1;
		if (!best || rank < best.rank || (rank === best.rank && d < best.d)) best = { key, rank, d };
	}
	if (!best) return null;
	const parts = partsOf(best.key, model.get(best.key) ?? null);
	if (!parts) return { key: best.key, part: null };
	const { lng, lat } = map.unproject([x, y]);
	return { key: best.key, part: partAt(parts, at, [lng, lat], (p) => map.project(p as [number, number])) };
}

/**
 * Calls `onClick` with the canvas position of each click of the primary button (listened to in the
 * capture phase, before terra-draw's own handlers). Returns the function that stops listening.
 */
export function listenForClicks(container: HTMLElement, onClick: (e: PointerEvent, at: ScreenPoint) => void): () => void {
	let down: ScreenPoint | null = null;
	const onDown = (e: PointerEvent) => {
		down = e.isPrimary ? { x: e.clientX, y: e.clientY } : null;
	};
	const onUp = (e: PointerEvent) => {
		const from = down;
		down = null;
		if (!from || !e.isPrimary || e.button !== 0) return;
		if (Math.hypot(e.clientX - from.x, e.clientY - from.y) > CLICK_SLOP_PX) return;
		const r = container.getBoundingClientRect();
		onClick(e, { x: e.clientX - r.left, y: e.clientY - r.top });
	};
	container.addEventListener('pointerdown', onDown, true);
	container.addEventListener('pointerup', onUp, true);
	return () => {
		container.removeEventListener('pointerdown', onDown, true);
		container.removeEventListener('pointerup', onUp, true);
	};
}
