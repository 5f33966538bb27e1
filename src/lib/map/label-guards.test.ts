import { describe, expect, it } from 'vitest';
import { cameraProjection, coverRect, guardFeatures, guardsFor } from './label-guards';

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
