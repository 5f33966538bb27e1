import { describe, expect, it } from 'vitest';
import { commitMessage, diffLayers } from './git-history';

const fc = (...features: [string, number][]) =>
	JSON.stringify({ type: 'FeatureCollection', features: features.map(([id, x]) => ({ properties: { id }, geometry: { type: 'Point', coordinates: [x, 0] } })) });

describe('diffLayers', () => {
	it('lists added, modified and removed ids', () => {
		expect(diffLayers(fc(['a', 1], ['b', 1], ['c', 1]), fc(['a', 1], ['b', 2], ['d', 1]))).toEqual({ added: ['d'], modified: ['b'], removed: ['c'] });
	});
	it('counts everything as added without a previous version', () => {
		expect(diffLayers(null, fc(['a', 1]))).toEqual({ added: ['a'], modified: [], removed: [] });
	});
});

describe('commitMessage', () => {
	it('says what changed in the subject and lists every id in the body', () => {
		expect(commitMessage('almaty-sites', { added: ['a', 'b'], modified: ['c'], removed: ['d'] })).toBe(
			'almaty-sites: added a, b; modified c; removed d\n\nAdded: a b\nModified: c\nRemoved: d\n'
		);
		const many = Array.from({ length: 30 }, (_, i) => `f${i}`);
		const m = commitMessage('x', { added: many, modified: [], removed: [] });
		expect(m.split('\n')[0]).toBe('x: added f0, f1, f2, f3, f4, f5, f6, f7, f8, f9 and 20 more');
		expect(m).toContain(`Added: ${many.join(' ')}`);
	});
});
