import { describe, expect, it } from 'vitest';
import { blankProperties, fieldsFor, setField } from './feature-model';

describe('fieldsFor', () => {
	it('a movement line gets the fields its kind requires', () => {
		const keys = fieldsFor('airlift').map((f) => f.key);
		for (const k of ['from', 'to', 'mode', 'troops', 'vehicles']) expect(keys).toContain(k);
	});
	it('other kinds do not', () => {
		const keys = fieldsFor('city').map((f) => f.key);
		for (const k of ['from', 'to', 'mode', 'troops']) expect(keys).not.toContain(k);
		expect(keys).toContain('name_en');
	});
});

describe('setField', () => {
	it('removes an optional field when emptied (the schema refuses empty ids)', () => {
		expect(setField({ from: 'a', kind: 'airlift' }, 'from', '')).toEqual({ kind: 'airlift' });
	});
	it('keeps null for a count (not published)', () => {
		expect(setField({ troops: 5 }, 'troops', null)).toEqual({ troops: null });
	});
});

describe('blankProperties', () => {
	it('a new line in a layer of movements is a movement with figures not published', () => {
		expect(blankProperties('LineString', ['airlift'])).toMatchObject({ kind: 'airlift', troops: null, vehicles: null });
	});
	it('a new point in a layer of cities is a city', () => {
		expect(blankProperties('Point', ['city'])).not.toHaveProperty('troops');
		expect(blankProperties('Point', ['city']).kind).toBe('city');
	});
});
