import { describe, expect, it } from 'vitest';
import { featureFactChanges } from './feature-facts';

const layer = (...features: Record<string, unknown>[]) =>
	JSON.stringify({ type: 'FeatureCollection', features: features.map((properties) => ({ type: 'Feature', properties, geometry: null })) });
const base = { id: 'a', name_fr: 'A', name_en: 'A', start: '2022-01-05', description_fr: '', description_en: '', sources: ['s'], confidence: 'high' };

describe('featureFactChanges', () => {
	it.each([
		{ name: 'no change', after: layer(base), expected: [] },
		{ name: 'a new name', after: layer({ ...base, name_en: 'B' }), expected: [{ id: 'a', layer: 'cities', fields: ['name_en'] }] },
		{
			name: 'dates and sources',
			after: layer({ ...base, start: '2022-01-06', end: '2022-01-07', sources: ['t'] }),
			expected: [{ id: 'a', layer: 'cities', fields: ['start', 'end', 'sources'] }]
		},
		{ name: 'confidence only (not a fact readers are told of as changed)', after: layer({ ...base, confidence: 'low' }), expected: [] },
		{
			name: 'added and removed',
			after: layer({ ...base, id: 'b' }),
			expected: [
				{ id: 'b', layer: 'cities', fields: ['added'] },
				{ id: 'a', layer: 'cities', fields: ['removed'] }
			]
		}
	])('$name', ({ after, expected }) => {
		expect(featureFactChanges('cities', layer(base), after)).toEqual(expected);
	});
	it('treats a layer that did not exist as all added', () => {
		expect(featureFactChanges('cities', null, layer(base))).toEqual([{ id: 'a', layer: 'cities', fields: ['added'] }]);
	});
});
