import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { buildStyle } from './style';
import { deferSources, drawnAt, sourceZoomRanges } from './deferred-sources';
import { STORY_LAYERS } from '$lib/geo/layers';

const ORIGIN = 'http://localhost:4173';
// the story layers loaded from their files, as the floor and the polygon layers are
const style = () =>
	buildStyle({ origin: ORIGIN, lang: 'fr', theme: 'light', layers: STORY_LAYERS.map((layer) => ({ layer, data: `${ORIGIN}/geo/${layer.file}` })) });
const ids = (z: number) =>
	deferSources(style(), z)
		.deferred.map((d) => d.id)
		.sort();

describe('GeoJSON sources no layer draws at the opening zoom', () => {
	const CITY = ['base-almaty-district-edges', 'base-almaty-district-labels', 'base-almaty-districts', 'base-almaty-limit'];
	it('at the story’s opening zoom (3.1) the 1:50m countries, borders, the rivers and Almaty’s districts wait; what the view draws does not', () => {
		expect(ids(3.1)).toEqual([...CITY, 'base-borders-50m', 'base-countries-50m', 'base-rivers'].sort());
	});

	it('zoomed in (z6) the 1:110m countries and borders wait instead; the 1:50m ones load at once', () => {
		expect(ids(6)).toEqual([...CITY, 'base-borders-110m', 'base-countries-110m'].sort());
	});

	it('at city zoom (z11) Almaty’s limit, districts and their labels load at once; the close-up labels wait for z13', () => {
		expect(ids(11).filter((id) => id.includes('almaty'))).toEqual(['base-almaty-district-edges']);
		expect(ids(14).filter((id) => id.includes('almaty'))).toEqual(['base-almaty-district-labels']);
	});

	it('never holds back a story layer (drawn at every zoom), nor inline data', () => {
		for (const z of [0, 3.1, 6, 12]) expect(ids(z).filter((id) => id.startsWith('story-'))).toEqual([]);
		const inline = {
			version: 8,
			sources: { a: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
			layers: [{ id: 'a', type: 'fill', source: 'a', minzoom: 8 }]
		} as StyleSpecification;
		expect(deferSources(inline, 3).deferred).toEqual([]);
		expect(deferSources(inline, 3).style).toBe(inline);
	});

	it('empties the deferred sources, keeps their file and zooms, and leaves the rest of the style as it was', () => {
		const before = style();
		const copy = structuredClone(before);
		const { style: out, deferred } = deferSources(before, 3.1);
		expect(before).toEqual(copy); // not changed in place
		const c50 = deferred.find((d) => d.id === 'base-countries-50m')!;
		expect(c50.url).toBe((copy.sources['base-countries-50m'] as { data: string }).data);
		expect(c50.url).toMatch(/\/geo\/basemap\/countries-50m\.geojson/);
		expect(c50.min).toBe(3.5);
		expect(out.sources['base-countries-50m']).toMatchObject({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
		expect(out.sources['base-countries-110m']).toBe(before.sources['base-countries-110m']);
		expect(out.layers).toBe(before.layers);
		expect(validateStyleMin(out as never).map((e) => e.message)).toEqual([]);
	});

	it('reads a layer as MapLibre does: shown from minzoom, hidden from maxzoom', () => {
		const r = sourceZoomRanges(style()).get('base-countries-110m')!;
		expect(r).toEqual({ min: 0, max: 3.5 });
		expect(drawnAt(r, 3.49)).toBe(true);
		expect(drawnAt(r, 3.5)).toBe(false);
		expect(drawnAt({ min: 3.5, max: 24 }, 3.5)).toBe(true);
	});
});
