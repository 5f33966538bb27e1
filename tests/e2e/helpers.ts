// Shared helpers for browser tests: wait on the map (never on a timer), read
// its state and pixels, and record every request the page makes.
import type { Page, Request } from '@playwright/test';

declare global {
	interface Window {
		qantar?: { map: import('maplibre-gl').Map };
	}
}

/** Resolves when the map exists, its style is loaded and it is idle (one condition with the scripts'). */
import { waitForMapIdle } from '../../scripts/lib/map-idle.js';
export { waitForMapIdle };

/** Every request of the page (and its workers), to check that none leaves the app's origin. */
export function recordRequests(page: Page): string[] {
	const urls: string[] = [];
	const add = (r: Request) => urls.push(r.url());
	page.on('request', add);
	page.context().on('request', add);
	return urls;
}

export function foreignRequests(urls: string[], baseURL: string): string[] {
	const own = new URL(baseURL).host;
	return urls.filter((u) => {
		if (u.startsWith('data:') || u.startsWith('blob:')) return false;
		try {
			return new URL(u).host !== own;
		} catch {
			return true;
		}
	});
}

/** Share of canvas pixels that differ clearly from the background colour. */
export async function nonBackgroundShare(page: Page): Promise<number> {
	return page.evaluate(() => {
		const map = window.qantar!.map;
		const gl = map.getCanvas();
		const c = document.createElement('canvas');
		c.width = gl.width;
		c.height = gl.height;
		const ctx = c.getContext('2d')!;
		ctx.drawImage(gl, 0, 0);
		const { data } = ctx.getImageData(0, 0, c.width, c.height);
		const bg = map.getPaintProperty('background', 'background-color') as string;
		const probe = document.createElement('canvas').getContext('2d')!;
		probe.fillStyle = bg;
		probe.fillRect(0, 0, 1, 1);
		const [br, bgc, bb] = probe.getImageData(0, 0, 1, 1).data;
		let differ = 0;
		let n = 0;
		for (let i = 0; i < data.length; i += 4 * 7) {
			n++;
			if (Math.abs(data[i]! - br!) + Math.abs(data[i + 1]! - bgc!) + Math.abs(data[i + 2]! - bb!) > 24) differ++;
		}
		return differ / n;
	});
}

/** Texts of the labels MapLibre actually placed on screen (after collision). */
export async function placedLabels(page: Page, layerFilter: (id: string) => boolean = () => true): Promise<string[]> {
	const ids = await page.evaluate(() =>
		window
			.qantar!.map.getStyle()
			.layers.filter((l) => l.type === 'symbol')
			.map((l) => l.id)
	);
	const wanted = ids.filter(layerFilter);
	return page.evaluate((layers) => {
		const map = window.qantar!.map;
		const out: string[] = [];
		for (const f of map.queryRenderedFeatures({ layers })) {
			const layer = map.getLayer(f.layer.id)!;
			const field = map.getLayoutProperty(layer.id, 'text-field');
			// evaluate the label the way the layer does: collect the name fields it reads
			const text = JSON.stringify(field);
			for (const [k, v] of Object.entries(f.properties)) if (typeof v === 'string' && text.includes(`"${k}"`)) out.push(v);
		}
		return out;
	}, wanted);
}

export async function renderedFeatureIds(page: Page, layerPrefix: string): Promise<string[]> {
	return page.evaluate((prefix) => {
		const map = window.qantar!.map;
		const layers = map
			.getStyle()
			.layers.filter((l) => l.id.startsWith(prefix))
			.map((l) => l.id);
		return [...new Set(map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.id)))];
	}, layerPrefix);
}

/** Waits until the story map has settled on the given step (camera moved, map idle). */
export async function waitForStep(page: Page, id: string) {
	await page.locator(`[data-map-step="${id}"]`).waitFor({ state: 'attached', timeout: 30_000 });
	await waitForMapIdle(page);
}

/**
 * Screen positions of lon/lat points, and the part of the map a reader can see:
 * the map's box within the viewport, minus what covers it (the text column on
 * wide screens, the progress marks, the attribution, the scale, the locator inset).
 */
export async function visibility(page: Page, points: [number, number][]) {
	return page.evaluate((pts) => {
		const map = window.qantar!.map;
		const box = (el: Element | null) => {
			if (!el) return null;
			const r = el.getBoundingClientRect();
			return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
		};
		const m = map.getContainer().getBoundingClientRect();
		const visible = {
			left: Math.max(0, m.left),
			top: Math.max(0, m.top),
			right: Math.min(innerWidth, m.right),
			bottom: Math.min(innerHeight, m.bottom)
		};
		const covers: { left: number; top: number; right: number; bottom: number }[] = [];
		const text = document.querySelector('.story:not(.narrow) .text');
		const t = box(text);
		if (t) covers.push({ ...t, top: visible.top, bottom: visible.bottom });
		for (const sel of ['.progress', '.story-tools', '.maplibregl-ctrl-attrib', '.maplibregl-ctrl-group', '.maplibregl-ctrl-scale']) {
			const b = box(document.querySelector(sel));
			if (b) covers.push(b);
		}
		// the locator inset, when it shows (from zoom 10)
		for (const el of document.querySelectorAll('.locator.shown svg')) covers.push(box(el)!);
		const screen = pts.map((p) => {
			const s = map.project(p as [number, number]);
			return { x: s.x + m.left, y: s.y + m.top };
		});
		return { visible, covers, screen };
	}, points);
}

export function isClear(p: { x: number; y: number }, v: Awaited<ReturnType<typeof visibility>>) {
	const inside = p.x >= v.visible.left && p.x <= v.visible.right && p.y >= v.visible.top && p.y <= v.visible.bottom;
	const covered = v.covers.some((c) => p.x >= c.left && p.x <= c.right && p.y >= c.top && p.y <= c.bottom);
	return inside && !covered;
}

/** How the page's map opened: camera moves after its first `load`, and the step it showed then (story maps). */
export interface MapOpening {
	/** camera moves between the map's first `load` (every tile of the first view drawn) and its first `idle` */
	movesAfterLoad: number;
	/** the story map's settled step (data-map-step) when it fired `load` */
	stepAtLoad: string | null;
}

/** Installs a recorder of the map's opening (see MapOpening); read it with readMapOpening once the map is idle. */
export async function recordMapOpening(page: Page) {
	await page.addInitScript(() => {
		const rec = { movesAfterLoad: 0, stepAtLoad: null as string | null, loaded: false, idle: false };
		(window as unknown as { __opening: typeof rec }).__opening = rec;
		let q: { map: import('maplibre-gl').Map } | undefined;
		Object.defineProperty(window, 'qantar', {
			configurable: true,
			get: () => q,
			set(v) {
				q = v;
				const map = v.map;
				map.on('move', () => rec.loaded && !rec.idle && rec.movesAfterLoad++);
				map.once('load', () => {
					rec.loaded = true;
					rec.stepAtLoad = document.querySelector('[data-map-step]')?.getAttribute('data-map-step') ?? null;
				});
				map.once('idle', () => (rec.idle = true));
			}
		});
	});
}

export async function readMapOpening(page: Page): Promise<MapOpening> {
	await page.waitForFunction(() => (window as unknown as { __opening: { idle: boolean } }).__opening.idle);
	return page.evaluate(() => {
		const { movesAfterLoad, stepAtLoad } = (window as unknown as { __opening: MapOpening }).__opening;
		return { movesAfterLoad, stepAtLoad };
	});
}
