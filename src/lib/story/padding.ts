/**
 * Camera padding so that the subject is never hidden behind the text: from the
 * real on-screen rectangles of the map and of whatever covers it (the text
 * cards' column), the room to leave on each side. Pure.
 */
export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}
export interface Padding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/**
 * For each cover overlapping the map, pad the side it leaves the most room on.
 * `margin` keeps features (and their labels) clear of edges.
 */
export function paddingFor(map: Box, covers: Box[], margin = 40): Padding {
	const pad: Padding = { top: margin, right: margin, bottom: margin, left: margin };
	const w = map.right - map.left;
	const h = map.bottom - map.top;
	for (const c of covers) {
		const l = Math.max(c.left, map.left);
		const r = Math.min(c.right, map.right);
		const t = Math.max(c.top, map.top);
		const b = Math.min(c.bottom, map.bottom);
		if (r <= l || b <= t) continue; // no overlap
		// the free space left on each side if we pad past the cover on that side
		const options: [keyof Padding, number, number][] = [
			['left', r - map.left + margin, (map.right - r) * h],
			['right', map.right - l + margin, (l - map.left) * h],
			['top', b - map.top + margin, (map.bottom - b) * w],
			['bottom', map.bottom - t + margin, (t - map.top) * w]
		];
		options.sort((a, b) => b[2] - a[2]);
		const [side, amount] = options[0]!;
		pad[side] = Math.max(pad[side], amount);
	}
	// never leave less than 80 px of map in either direction
	const minFree = 80;
	if (pad.left + pad.right > w - minFree) {
		const k = (w - minFree) / (pad.left + pad.right);
		pad.left *= k;
		pad.right *= k;
	}
	if (pad.top + pad.bottom > h - minFree) {
		const k = (h - minFree) / (pad.top + pad.bottom);
		pad.top *= k;
		pad.bottom *= k;
	}
	return { top: Math.round(pad.top), right: Math.round(pad.right), bottom: Math.round(pad.bottom), left: Math.round(pad.left) };
}
