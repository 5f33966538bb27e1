import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import type { FilterSpecification } from 'maplibre-gl';
import { hidePlaces, placeNames, withoutPlaceNames, type HiddenPlaces } from './basemap-places';

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
