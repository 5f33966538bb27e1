import { describe, expect, it } from 'vitest';
import { basemapCredits, CREDIT, fitZoom } from './credits';
import { buildStyle } from './style';

/** the lowest zoom at which the style draws a layer of a source credited to OpenStreetMap: where MapLibre shows that credit */
function osmCreditFrom(): number {
	const style = buildStyle({ origin: 'http://localhost:4173', lang: 'en', theme: 'light', layers: [] });
	const osm = new Set(
		Object.entries(style.sources)
			.filter(([, s]) => /OpenStreetMap/.test((s as { attribution?: string }).attribution ?? ''))
			.map(([id]) => id)
	);
	const zooms = style.layers.filter((l) => 'source' in l && osm.has(l.source as string)).map((l) => l.minzoom ?? 0);
	return Math.min(...zooms);
}

describe('basemapCredits: the credit line of what the view draws', () => {
	it('names OpenStreetMap exactly from the zoom where the map draws (and credits) its data', () => {
		const from = osmCreditFrom();
		expect(from).toBeGreaterThan(3);
		expect(basemapCredits(from - 0.01)).not.toContain(CREDIT.osm);
		expect(basemapCredits(from)).toContain(CREDIT.osm);
		expect(basemapCredits(15)).toEqual([CREDIT.naturalEarth, CREDIT.geoNames, CREDIT.osm]);
	});
	it('always names Natural Earth and GeoNames', () => {
		expect(basemapCredits(2)).toEqual([CREDIT.naturalEarth, CREDIT.geoNames]);
	});
});

describe('fitZoom: the zoom at which bounds fit a view', () => {
	it('the whole world in one 512 px tile at zoom 0', () => {
		expect(fitZoom([-180, -85.0511, 180, 85.0511], 512, 512, 0, 22)).toBeCloseTo(0, 3);
	});
	it('twice the size, one zoom more; capped at maxZoom', () => {
		expect(fitZoom([0, 0, 10, 1], 1024, 1024, 0, 22) - fitZoom([0, 0, 10, 1], 512, 1024, 0, 22)).toBeCloseTo(1, 6);
		expect(fitZoom([76.94556, 43.23472, 76.94778, 43.23806], 600, 400, 20, 15)).toBe(15);
	});
});
