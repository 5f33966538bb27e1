/**
 * Where a story label sits around its point, per step: toward the middle of
 * the framed area, so that a feature at the edge of the view has its label
 * inside the map (the east-most airfield's name to its west, not under the
 * progress marks). Pure: from the step's bounds and the feature's position,
 * an ordered list of anchors that MapLibre tries in turn (the first that
 * collides with no other label wins).
 */
export type Anchor = 'top' | 'bottom' | 'left' | 'right' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/** offset (ems) of the text from its point, for each anchor (MapLibre's text-variable-anchor-offset) */
const OFFSET: Record<Anchor, [number, number]> = {
	top: [0, 0.8],
	bottom: [0, -0.8],
	left: [0.8, 0],
	right: [-0.8, 0],
	'top-left': [0.55, 0.55],
	'top-right': [-0.55, 0.55],
	'bottom-left': [0.55, -0.55],
	'bottom-right': [-0.55, -0.55]
};
export const DEFAULT_ANCHORS: Anchor[] = ['top', 'bottom', 'right', 'left', 'top-right', 'top-left', 'bottom-right', 'bottom-left'];

/** Anchors for a point in bounds [w, s, e, n]: the text goes toward the middle, along what the edges leave. */
export function labelAnchors(bounds: [number, number, number, number] | undefined, [lon, lat]: [number, number]): Anchor[] {
	if (!bounds) return DEFAULT_ANCHORS;
	const [w, s, e, n] = bounds;
	const fx = e > w ? (lon - w) / (e - w) : 0.5;
	const fy = n > s ? (lat - s) / (n - s) : 0.5;
	// the anchor is the side of the text at the point: "right" puts the text west of it
	const h: 'right' | 'left' | undefined = fx > 0.66 ? 'right' : fx < 0.34 ? 'left' : undefined;
	const v: 'bottom' | 'top' = fy < 0.34 ? 'bottom' : 'top';
	if (!h) return [...new Set([v, ...DEFAULT_ANCHORS])];
	// at a side edge: the text on the inner side first, centred above or below only after those
	const other = v === 'top' ? 'bottom' : 'top';
	// then the rest: a label placed outward is still better than none (no label goes under a control or
	// across the map's edge: MapLibre skips those places, label-guards.ts)
	return [...new Set<Anchor>([`${v}-${h}` as Anchor, h as Anchor, `${other}-${h}` as Anchor, v as Anchor, other as Anchor, ...DEFAULT_ANCHORS])];
}

/** The anchors as MapLibre's text-variable-anchor-offset value: anchor, offset, anchor, offset… */
export function anchorOffsets(anchors: Anchor[]): (Anchor | [number, number])[] {
	return anchors.flatMap((a) => [a, OFFSET[a]]);
}

/** the direction (east, north) the text lies in from its point, for each anchor ("top" puts the text below) */
const DIRECTION: Record<Anchor, [number, number]> = {
	top: [0, -1],
	bottom: [0, 1],
	left: [1, 0],
	right: [-1, 0],
	'top-left': [Math.SQRT1_2, -Math.SQRT1_2],
	'top-right': [-Math.SQRT1_2, -Math.SQRT1_2],
	'bottom-left': [Math.SQRT1_2, Math.SQRT1_2],
	'bottom-right': [-Math.SQRT1_2, Math.SQRT1_2]
};
/** Web Mercator, in degrees of longitude: distances alike in every direction */
const merc = ([lon, lat]: [number, number]): [number, number] => [lon, (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI];

/**
 * `anchors` reordered away from the neighbours (the step's highlighted points, lon/lat): an anchor
 * whose text would lie toward a close neighbour is tried later, so that the first label placed
 * does not take the only room of the next one (six airfields from Minsk to Almaty on a phone). The
 * order among anchors with no neighbour that way is kept. Pure.
 */
export function awayFromNeighbours(anchors: Anchor[], at: [number, number], neighbours: [number, number][]): Anchor[] {
	const [x, y] = merc(at);
	const near = neighbours
		.map((n) => {
			const [nx, ny] = merc(n);
			return [nx - x, ny - y] as [number, number];
		})
		.filter(([dx, dy]) => dx || dy);
	if (!near.length) return anchors;
	const crowd = (a: Anchor) => {
		const [ex, ey] = DIRECTION[a];
		let c = 0;
		for (const [dx, dy] of near) {
			const d = Math.hypot(dx, dy);
			// a label is wide: a neighbour beside the text's direction counts too, a quarter as much
			c += Math.max(0, ((dx * ex + dy * ey) / d + 0.35) / 1.35) / d;
		}
		return c;
	};
	const scored = anchors.map((a, i) => ({ a, i, c: crowd(a) }));
	const worst = Math.max(...scored.map((s) => s.c));
	// below a tenth of the most crowded side: as good as free, the edge order decides
	const rank = (c: number) => (c <= worst / 10 ? 0 : c);
	return scored.sort((p, q) => rank(p.c) - rank(q.c) || p.i - q.i).map((s) => s.a);
}
