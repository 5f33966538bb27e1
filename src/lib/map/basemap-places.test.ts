import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection } from 'geojson';
import type { FilterSpecification } from 'maplibre-gl';
import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { hidePlaces, placeNames, withoutPlaceNames, type HiddenPlaces } from './basemap-places';
import { buildStyle } from './style';
import { STORY_LAYERS } from '$lib/geo/layers';

const place = (name_en: string): Feature => ({ type: 'Feature', properties: { id: name_en, name_en }, geometry: { type: 'Point', coordinates: [0, 0] } });

describe('placeNames: the names the basemap may give a story place', () => {
	it.each([
		{ name: 'Almaty', expected: ['Almaty'] },
		{ name: 'Nur-Sultan (Astana)', expected: ['Nur-Sultan', 'Astana'] },
		{ name: 'Oral / Uralsk', expected: ['Oral', 'Uralsk'] },
		{ name: '', expected: [] }
	])('"$name" -> $expected', ({ name, expected }) => {
		expect(placeNames([place(name)])).toEqual(expected);
	});
});

describe('hidePlaces', () => {
	const own: FilterSpecification = ['>=', ['get', 'population'], 1000];
	function fakeMap() {
		const filters: Record<string, FilterSpecification | undefined> = { 'base-city-labels': own, 'base-city-dots': undefined };
		const set: string[] = [];
		return {
			filters,
			set,
			getLayer: (id: string) => (id in filters ? { id } : undefined),
			getFilter: (id: string) => filters[id],
			setFilter: (id: string, f: FilterSpecification) => (set.push(id), (filters[id] = f))
		};
	}

	it("keeps each layer's own filter and adds the names to it; filters again only when the names change", () => {
		const map = fakeMap();
		const state: HiddenPlaces = {};
		hidePlaces(map as never, state, ['Almaty']);
		expect(map.filters['base-city-labels']).toEqual(withoutPlaceNames(own, ['Almaty']));
		expect(map.set.sort()).toEqual(['base-city-dots', 'base-city-labels']);
		map.set.length = 0;
		hidePlaces(map as never, state, ['Almaty']);
		expect(map.set).toEqual([]);
		// back to none hidden: the layer's own filter, not one built on the previous names
		hidePlaces(map as never, state, []);
		expect(map.filters['base-city-labels']).toEqual(withoutPlaceNames(own, []));
	});
});

describe('the filters hidePlaces sends unvalidated', () => {
	// MapLibre is told not to validate them (a step's change at 4× CPU): they are checked here, on the real style
	const layers = STORY_LAYERS.map((layer) => ({ layer, data: JSON.parse(readFileSync(`static/geo/${layer.file}`, 'utf8')) as FeatureCollection }));
	const names = layers.flatMap((l) => placeNames(l.data.features));
	const cities = (JSON.parse(readFileSync('static/geo/basemap/cities.geojson', 'utf8')) as FeatureCollection).features;
	const city = (name: string) => cities.find((f) => f.properties?.name === name)!;

	it.each(['fr', 'en'] as const)('pass the MapLibre style spec and hide exactly the story places (%s)', (lang) => {
		const style = buildStyle({ origin: 'http://localhost:4173', lang, theme: 'light', layers });
		const own = new Map(style.layers.map((l) => [l.id, (l as { filter?: FilterSpecification }).filter]));
		const state: HiddenPlaces = {};
		const map = {
			getLayer: (id: string) => style.layers.find((l) => l.id === id),
			getFilter: (id: string) => own.get(id),
			setFilter: (id: string, f: FilterSpecification) => void ((style.layers.find((l) => l.id === id) as { filter?: FilterSpecification }).filter = f)
		};
		expect(names).toContain('Almaty');
		hidePlaces(map as never, state, names);
		expect(validateStyleMin(style as never).map((e) => e.message)).toEqual([]);
		const labels = style.layers.find((l) => l.id === 'base-city-labels') as { filter: FilterSpecification };
		const shown = (f: Feature, filter: FilterSpecification | undefined) => featureFilter(filter, 'filter').filter({ zoom: 6 }, f as never);
		expect(shown(city('Almaty'), own.get('base-city-labels'))).toBe(true);
		expect(shown(city('Almaty'), labels.filter)).toBe(false);
		const kept = cities.filter((f) => f.properties?.country === 'KZ' && !names.includes(f.properties.name) && shown(f, own.get('base-city-labels')));
		expect(kept.length).toBeGreaterThan(3);
		for (const f of kept) expect(shown(f, labels.filter), f.properties?.name).toBe(true);
	});
});
