import { describe, expect, it } from 'vitest';
import { districtHerePoint, districtsOf, nameSize, stillHolds, type Decided, type District } from './district-here';

/** a district as a rectangle in "lon/lat" equal to px (identity projection) */
const rect = (name: string, [x0, y0, x1, y1]: number[]): District => ({
	type: 'Feature',
	properties: { name_en: name },
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[x0!, y0!],
				[x1!, y0!],
				[x1!, y1!],
				[x0!, y1!],
				[x0!, y0!]
			]
		]
	}
});
const id = (p: [number, number]) => p;
const west = rect('West', [0, 0, 200, 400]);
const east = rect('East', [200, 0, 400, 400]);

describe('districtsOf', () => {
	it('the districts holding the points', () => {
		expect(districtsOf([west, east], [[50, 50]]).map((d) => d.properties.name_en)).toEqual(['West']);
		expect(
			districtsOf(
				[west, east],
				[
					[50, 50],
					[300, 10]
				]
			).length
		).toBe(2);
		expect(districtsOf([west, east], [[900, 900]])).toEqual([]);
	});
});

describe('districtHerePoint: where the district of the sites is named', () => {
	const area = { left: 0, top: 0, right: 400, bottom: 400 };
	it('inside the district, inside the area, clear of the story points', () => {
		const sites: [number, number][] = [
			[150, 200],
			[170, 220]
		];
		const p = districtHerePoint(west, area, sites, id)!;
		expect(p[0]).toBeLessThan(200);
		expect(Math.min(...sites.map(([x, y]) => Math.hypot(p[0] - x, p[1] - y)))).toBeGreaterThanOrEqual(140);
	});
	it('only where the area (the free part of the view) reaches', () => {
		const p = districtHerePoint(east, { left: 150, top: 0, right: 260, bottom: 100 }, [[300, 300]], id)!;
		expect(p[0]).toBeGreaterThanOrEqual(200);
		expect(p[0]).toBeLessThanOrEqual(260);
		expect(p[1]).toBeLessThanOrEqual(100);
	});
	it('none when the district is not in the area', () => {
		expect(districtHerePoint(east, { left: 0, top: 0, right: 150, bottom: 400 }, [], id)).toBeUndefined();
	});
});

describe("districtHerePoint: a box of the name's size, where MapLibre has placed nothing", () => {
	const area = { left: 0, top: 0, right: 200, bottom: 200 };
	const size = { width: 100, height: 40 };
	it('the whole box inside the area', () => {
		const p = districtHerePoint(west, area, [[190, 190]], id, size)!;
		expect(p[0] - 50).toBeGreaterThanOrEqual(0);
		expect(p[1] - 20).toBeGreaterThanOrEqual(0);
	});
	it('the best place left free, not a taken one', () => {
		const best = districtHerePoint(west, area, [[190, 190]], id, size)!;
		const taken = { left: best[0] - 60, top: best[1] - 30, right: best[0] + 60, bottom: best[1] + 30 };
		const overlaps = (b: { left: number; top: number; right: number; bottom: number }) =>
			b.left < taken.right && taken.left < b.right && b.top < taken.bottom && taken.top < b.bottom;
		const p = districtHerePoint(west, area, [[190, 190]], id, size, (b) => !overlaps(b))!;
		expect(overlaps({ left: p[0] - 50, top: p[1] - 20, right: p[0] + 50, bottom: p[1] + 20 })).toBe(false);
	});
	it('none when nothing is free', () => {
		expect(districtHerePoint(west, area, [], id, size, () => false)).toBeUndefined();
	});
});

describe('nameSize', () => {
	it('the wider line, wrapped at 8 ems, and its lines', () => {
		const one = nameSize(['Almaly'], 10, 0);
		expect(one.height).toBeCloseTo(12, 6);
		const two = nameSize(['Bostandyq', 'Бостандық ауданы'], 13.5, 4);
		expect(two.width).toBeLessThanOrEqual(8 * 13.5 + 8);
		expect(two.height).toBeGreaterThan(one.height * 2);
	});
});

describe('stillHolds: names decided at the landing, checked against the placement at the idle', () => {
	const a = { ...west, properties: { name_en: 'West', osm_relation: 1 } };
	const b = { ...east, properties: { name_en: 'East', osm_relation: 2 } };
	const box = { left: 10, top: 10, right: 60, bottom: 30 };
	const view = (o: { basemap?: number[]; drawn?: number[]; free?: boolean }) => ({
		namedByBasemap: () => new Set(o.basemap ?? []),
		drawnHere: () => new Set(o.drawn ?? []),
		free: () => o.free ?? true
	});
	const here: Decided = { district: a, by: 'here', at: [35, 20], box };
	const byBasemap: Decided = { district: b, by: 'basemap' };
	it('holds when each name is drawn and clear, and the basemap still names the districts it named', () => {
		expect(stillHolds(view({ basemap: [2], drawn: [1] }), [here, byBasemap])).toBe(true);
		expect(stillHolds(view({}), [])).toBe(true);
	});
	it('fails when a district the basemap named at the landing is no longer named by it (then nobody names it)', () => {
		expect(stillHolds(view({ drawn: [1] }), [here, byBasemap])).toBe(false);
	});
	it('fails when a name set is not drawn, its box is taken, or the basemap names the district too', () => {
		expect(stillHolds(view({ basemap: [2] }), [here, byBasemap])).toBe(false);
		expect(stillHolds(view({ basemap: [2], drawn: [1], free: false }), [here, byBasemap])).toBe(false);
		expect(stillHolds(view({ basemap: [1, 2], drawn: [1] }), [here, byBasemap])).toBe(false);
	});
	it('fails when a district had no place left (the final placement may have one)', () => {
		expect(stillHolds(view({}), [{ district: a, by: 'none' }])).toBe(false);
	});
});
