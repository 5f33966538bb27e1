// The boxes of the labels MapLibre placed, read from its collision index (MapLibre 6: the
// placement's CollisionIndex grid holds one box per placed text, in viewport pixels shifted by
// its 100 px viewportPadding, grown by the layer's text-padding), and the rectangles of the
// page's controls. For the label test: what a reader sees, measured, not a screenshot.
import type { Page } from '@playwright/test';

export interface Rect {
	left: number;
	top: number;
	right: number;
	bottom: number;
}
export interface LabelBox extends Rect {
	layer: string;
	/** the feature's id, and its English name (or the label's text) */
	id: string;
	text: string;
}

/** Placed label boxes of the style layers matching `prefixes`, in page coordinates. */
export async function placedLabelBoxes(page: Page, prefixes: string[]): Promise<LabelBox[]> {
	return page.evaluate((prefixes) => {
		type Key = { bucketInstanceId: number; featureIndex: number };
		type Retained = {
			featureIndex: { bucketLayerIDs: string[][]; loadVTLayers(): Record<string, { feature(i: number): { properties: Record<string, unknown> } }> };
			bucketIndex: number;
		};
		const map = window.qantar!.map as unknown as {
			getContainer(): HTMLElement;
			getLayoutProperty(id: string, p: string): unknown;
			style: { placement: { collisionIndex: { grid: { boxKeys: Key[]; bboxes: number[] } }; retainedQueryData: Record<number, Retained> } };
		};
		const { collisionIndex, retainedQueryData } = map.style.placement;
		const { boxKeys, bboxes } = collisionIndex.grid;
		const PAD = 100; // collision_index.ts viewportPadding
		const origin = map.getContainer().getBoundingClientRect();
		const out: { layer: string; id: string; text: string; left: number; top: number; right: number; bottom: number }[] = [];
		boxKeys.forEach((key, i) => {
			const rq = retainedQueryData[key.bucketInstanceId];
			if (!rq) return;
			const layer = rq.featureIndex.bucketLayerIDs[rq.bucketIndex]?.[0] ?? '';
			// the guards (label-guards.ts: the controls, the edges, the dots) are obstacles, not labels
			if (!prefixes.some((p) => layer.startsWith(p)) || layer.endsWith('-guard')) return;
			const padding = Number(map.getLayoutProperty(layer, 'text-padding') ?? 2);
			let text: string;
			let id = '';
			try {
				const layers = rq.featureIndex.loadVTLayers();
				const props = Object.values(layers)[0]?.feature(key.featureIndex).properties ?? {};
				text = String(props.name_en ?? props.label_en ?? '');
				id = String(props.id ?? '');
			} catch {
				text = '?';
			}
			out.push({
				layer,
				id,
				text,
				left: origin.left + bboxes[4 * i]! - PAD + padding,
				top: origin.top + bboxes[4 * i + 1]! - PAD + padding,
				right: origin.left + bboxes[4 * i + 2]! - PAD - padding,
				bottom: origin.top + bboxes[4 * i + 3]! - PAD - padding
			});
		});
		return out;
	}, prefixes);
}

/** The map's box, and the controls over it (only those showing), by name. */
export async function mapAndControls(page: Page): Promise<{ map: Rect; controls: { name: string; rect: Rect }[] }> {
	return page.evaluate(() => {
		const rect = (el: Element) => {
			const r = el.getBoundingClientRect();
			return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
		};
		const m = rect(window.qantar!.map.getContainer());
		const map = { left: Math.max(0, m.left), top: Math.max(0, m.top), right: Math.min(innerWidth, m.right), bottom: Math.min(innerHeight, m.bottom) };
		const controls: { name: string; rect: ReturnType<typeof rect> }[] = [];
		const named: [string, string][] = [
			['progress marks', '.progress'],
			['switches', '.story-tools'],
			['attribution', '.maplibregl-ctrl-attrib'],
			['scale', '.maplibregl-ctrl-scale'],
			['zoom buttons', '.maplibregl-ctrl-group'],
			['locator', '.locator.shown svg'],
			// the story's text column, over the map on wide screens (the camera's padding counts it too)
			['text column', '.story:not(.narrow) [data-story-text]']
		];
		for (const [name, sel] of named)
			for (const el of document.querySelectorAll(sel)) {
				const r = rect(el);
				if (r.right > r.left && r.bottom > r.top) controls.push({ name, rect: r });
			}
		return { map, controls };
	});
}

export const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
export const inside = (a: Rect, b: Rect) => a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;

/** The measured distances' lines on screen (page coordinates): each a segment between its two ends. */
export async function measureSegments(page: Page): Promise<[number, number, number, number][]> {
	return page.evaluate(async () => {
		const map = window.qantar!.map;
		const source = map.getSource('measure') as unknown as { getData(): Promise<GeoJSON.FeatureCollection> } | undefined;
		if (!source) return [];
		const data = await source.getData();
		const o = map.getContainer().getBoundingClientRect();
		return data.features
			.filter((f) => f.geometry.type === 'LineString')
			.map((f) => {
				const [a, b] = (f.geometry as GeoJSON.LineString).coordinates as [[number, number], [number, number]];
				const pa = map.project(a);
				const pb = map.project(b);
				return [o.left + pa.x, o.top + pa.y, o.left + pb.x, o.top + pb.y] as [number, number, number, number];
			});
	});
}

/** Whether the segment [x1, y1, x2, y2] crosses the rectangle grown by `grow` px (the line's casing). */
export function crosses([x1, y1, x2, y2]: [number, number, number, number], r: Rect, grow = 2.5): boolean {
	const l = r.left - grow;
	const t = r.top - grow;
	const rr = r.right + grow;
	const b = r.bottom + grow;
	// Liang–Barsky clipping: the part of the segment inside the rectangle, if any
	let t0 = 0;
	let t1 = 1;
	const dx = x2 - x1;
	const dy = y2 - y1;
	for (const [p, q] of [
		[-dx, x1 - l],
		[dx, rr - x1],
		[-dy, y1 - t],
		[dy, b - y1]
	] as const) {
		if (p === 0) {
			if (q < 0) return false;
		} else {
			const s = q / p;
			if (p < 0) t0 = Math.max(t0, s);
			else t1 = Math.min(t1, s);
			if (t0 > t1) return false;
		}
	}
	return true;
}
