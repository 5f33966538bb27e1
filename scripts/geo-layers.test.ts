// The CSTO movement lines are great circles between their `from` and `to`
// features: check endpoints and lengths against an independent haversine.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { length } from '@turf/turf';

const read = (f: string) => JSON.parse(readFileSync(`static/geo/${f}`, 'utf8'));
const points = new Map<string, [number, number]>();
for (const f of ['almaty-sites', 'csto-bases', 'csto-capitals', 'protest-cities'])
	for (const feat of read(`${f}.geojson`).features) points.set(feat.properties.id, feat.geometry.coordinates);

function haversineKm([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]) {
	const r = Math.PI / 180;
	const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
	return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

const airlift = read('csto-airlift.geojson').features;

describe('CSTO movement lines', () => {
	it('cover every contributing country', () => {
		expect(new Set(airlift.map((f: any) => f.properties.country))).toEqual(new Set(['RUS', 'BLR', 'ARM', 'TJK', 'KGZ']));
	});
	it.each(airlift.map((f: any) => [f.properties.id, f]))('%s starts and ends at its features, with a great-circle length', (_id, f: any) => {
		const a = points.get(f.properties.from)!;
		const b = points.get(f.properties.to)!;
		const coords = f.geometry.coordinates;
		expect(coords.length).toBeGreaterThan(10);
		expect(coords[0][0]).toBeCloseTo(a[0], 3);
		expect(coords[0][1]).toBeCloseTo(a[1], 3);
		expect(coords.at(-1)[0]).toBeCloseTo(b[0], 3);
		expect(coords.at(-1)[1]).toBeCloseTo(b[1], 3);
		const km = length(f, { units: 'kilometers' });
		const direct = haversineKm(a, b);
		expect(km / direct).toBeGreaterThan(0.995);
		expect(km / direct).toBeLessThan(1.005);
		// Bishkek–Almaty is the shortest (~200 km), Machulishchy–Zhetygen the longest (~3,700 km)
		expect(km).toBeGreaterThan(150);
		expect(km).toBeLessThan(4500);
	});
	it('has the distances one expects between known places', () => {
		const byId = Object.fromEntries(airlift.map((f: any) => [f.properties.id, length(f, { units: 'kilometers' })]));
		expect(byId['airlift-kg-bishkek']).toBeGreaterThan(170);
		expect(byId['airlift-kg-bishkek']).toBeLessThan(260);
		expect(byId['airlift-ru-ivanovo']).toBeGreaterThan(2900);
		expect(byId['airlift-ru-ivanovo']).toBeLessThan(3500);
	});
});
