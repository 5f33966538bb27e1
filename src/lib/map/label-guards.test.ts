import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
	cameraProjection,
	coverRect,
	coversAt,
	GUARD_LAYER,
	GUARD_SOURCE,
	guardFeatures,
	guardsAhead,
	guardsFor,
	guardZoomRange,
	watchLabelGuards
} from './label-guards';

describe('cameraProjection: the screen of the camera a map is about to land on', () => {
	it('the centre at the middle of the padded area, 512 px for the world at zoom 0', () => {
		const p = cameraProjection({ center: [0, 0], zoom: 0 }, 512, 512);
		expect(p.project([0, 0])).toEqual([256, 256]);
		expect(p.project([90, 0])[0]).toBeCloseTo(384, 6);
		const padded = cameraProjection({ center: [0, 0], zoom: 1, padding: { left: 100, top: 40, right: 0, bottom: 0 } }, 500, 400);
		expect(padded.project([0, 0])).toEqual([300, 220]);
		// a degree of longitude is 1024/360 px at zoom 1
		expect(padded.project([1, 0])[0]).toBeCloseTo(300 + 1024 / 360, 6);
	});
	it('north is up, east is up at bearing 90', () => {
		const p = cameraProjection({ center: [76.9, 43.2], zoom: 14 }, 375, 740);
		expect(p.project([76.9, 43.21])[1]).toBeLessThan(370);
		const east = cameraProjection({ center: [76.9, 43.2], zoom: 14, bearing: 90 }, 375, 740).project([76.91, 43.2]);
		expect(east[0]).toBeCloseTo(187.5, 6);
		expect(east[1]).toBeLessThan(370);
	});
	it('unproject undoes project', () => {
		const p = cameraProjection({ center: [76.95, 43.24], zoom: 14.58, bearing: 30, padding: { top: 86, bottom: 123, left: 40, right: 40 } }, 375, 370);
		for (const at of [
			[76.9, 43.2],
			[77.01, 43.3]
		] as [number, number][]) {
			const [lon, lat] = p.unproject(p.project(at));
			expect(lon).toBeCloseTo(at[0], 9);
			expect(lat).toBeCloseTo(at[1], 9);
		}
	});
});

describe('the guards: squares over the controls and the edges', () => {
	it('a rectangle covered by squares as tall as it, exactly', () => {
		const g = coverRect({ left: 0, top: 0, right: 100, bottom: 20 });
		expect(g.every((s) => s.size === 20)).toBe(true);
		expect(g[0]!.x - 10).toBe(0);
		expect(g.at(-1)!.x + 10).toBe(100);
	});
	it("the edges and the part of a cover over the map, in the map's coordinates", () => {
		const map = { left: 0, top: 100, right: 200, bottom: 300 };
		const edges = guardsFor(map, []);
		const withCover = guardsFor(map, [{ left: 150, top: 50, right: 250, bottom: 150 }]);
		const cover = withCover.slice(edges.length);
		expect(Math.min(...cover.map((g) => g.x - g.size / 2))).toBe(150);
		expect(Math.max(...cover.map((g) => g.x + g.size / 2))).toBe(200);
		expect(Math.max(...cover.map((g) => g.y + g.size / 2))).toBe(50);
	});
	it('each square at the place under its centre', () => {
		const fc = guardFeatures(([x, y]) => [x / 10, -y / 10], [{ x: 10, y: 20, size: 8 }]);
		expect(fc.features[0]!.geometry.coordinates).toEqual([1, -2]);
		expect(fc.features[0]!.properties).toEqual({ size: 8 });
		expect(fc.features[0]!.id).toBe(0);
	});
});

describe('the guard layer drawn only near the zoom its guards were laid for', () => {
	/** a map of 375 × 740 px with no controls, recording what the guards ask of MapLibre */
	function fakeMap(zoom: number) {
		const calls: string[] = [];
		const handlers = new Map<string, (e?: { sourceId: string }) => void>();
		const source = {
			updateData: () => calls.push('updateData'),
			setData: (d: { features: unknown[] }) => calls.push(`setData ${d.features.length}`)
		};
		const box = { left: 0, top: 0, right: 375, bottom: 740, width: 375, height: 740 };
		const map = {
			calls,
			zoom,
			idle: () => handlers.get('idle')?.(),
			/** whether the guard source's tiles are all in (MapLibre's isSourceLoaded) */
			tilesIn: true,
			sourcedata: () => handlers.get('sourcedata')?.({ sourceId: GUARD_SOURCE }),
			isSourceLoaded: () => map.tilesIn,
			getContainer: () => ({ getBoundingClientRect: () => box, querySelectorAll: () => [] }),
			getPadding: () => ({ top: 0, right: 0, bottom: 0, left: 0 }),
			getBearing: () => 0,
			getZoom: () => map.zoom,
			project: (p: [number, number]) => {
				const [x, y] = cameraProjection({ center: [76.9, 43.25], zoom: map.zoom }, 375, 740).project(p);
				return { x, y };
			},
			unproject: ([x, y]: [number, number]) => {
				const [lng, lat] = cameraProjection({ center: [76.9, 43.25], zoom: map.zoom }, 375, 740).unproject([x, y]);
				return { lng, lat };
			},
			getSource: (id: string) => (id === GUARD_SOURCE ? source : undefined),
			getLayer: (id: string) => (id === GUARD_LAYER ? { id } : undefined),
			setLayerZoomRange: (id: string, min: number, max: number) => calls.push(`${id} ${min}–${max}`),
			on: (type: string, f: (e?: { sourceId: string }) => void) => handlers.set(type, f),
			off: (type: string) => handlers.delete(type)
		};
		return map;
	}

	it('guards sent while the guard tiles load are sent again whole once they are in (MapLibre kept a tile made from the data before them)', () => {
		const map = fakeMap(13);
		watchLabelGuards(map as unknown as MapLibreMap);
		map.tilesIn = false;
		guardsAhead(map as unknown as MapLibreMap, { center: [76.9, 43.25], zoom: 13 });
		expect(map.calls.filter((c) => c.startsWith('setData'))).toEqual([]);
		// news from the guard source, its tiles still loading: nothing yet
		map.sourcedata();
		expect(map.calls.filter((c) => c.startsWith('setData'))).toEqual([]);
		map.tilesIn = true;
		map.sourcedata();
		const sent = map.calls.filter((c) => c.startsWith('setData'));
		expect(sent).toHaveLength(1);
		expect(Number(sent[0]!.split(' ')[1])).toBeGreaterThan(10);
		// once: later data of the source ask for nothing more
		map.sourcedata();
		expect(map.calls.filter((c) => c.startsWith('setData'))).toHaveLength(1);
	});

	it('is given the zoom range of the camera it lands on before the flight, once: no guard tiles at the zooms the flight crosses', () => {
		const map = fakeMap(3);
		watchLabelGuards(map as unknown as MapLibreMap);
		guardsAhead(map as unknown as MapLibreMap, { center: [76.9, 43.25], zoom: 13 });
		expect(map.calls).toEqual([`${GUARD_LAYER} 12.5–13.5`, 'updateData']);
		// landed: the checks after the move find the range and the guards in place
		map.zoom = 13;
		map.idle();
		expect(map.calls).toHaveLength(2);
		// the reader zooms out: the range follows
		map.zoom = 11;
		map.idle();
		expect(map.calls.slice(2, 3)).toEqual([`${GUARD_LAYER} 10.5–11.5`]);
	});

	it("within the map's zooms", () => {
		expect(guardZoomRange(0.2)).toEqual([0, 0.7]);
		expect(guardZoomRange(23.8)).toEqual([23.3, 24]);
	});
});

describe('covers that count from a zoom (the locator inset, shown from zoom 10)', () => {
	const covers = ['.progress', { selector: '.locator', fromZoom: 10 }];
	it('count from that zoom, the others at every zoom', () => {
		expect(coversAt(covers, 5)).toEqual(['.progress']);
		expect(coversAt(covers, 9.99)).toEqual(['.progress']);
		expect(coversAt(covers, 10)).toEqual(['.progress', '.locator']);
		expect(coversAt(covers, 13)).toEqual(['.progress', '.locator']);
	});
});
