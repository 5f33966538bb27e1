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
