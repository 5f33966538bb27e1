import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_FEATURES, MAX_PROBLEMS, tooDeepAt } from './layer-limits';
import { formatProblem, validateLayerText } from './validate-layer';
import { parseJsonBody, validateEditedLayer } from './validate-edit';

const ctx = { file: 'l.geojson', otherLayerIds: new Map(), knownIds: new Set<string>(), retiredIds: new Set<string>(), sourceIds: new Set(['afp-dispatch']) };
const point = (i: number) => ({
	type: 'Feature',
	properties: {
		id: `p-${i}`,
		kind: 'city',
		name_fr: 'x',
		name_en: 'x',
		start: '2022-01-05',
		date_precision: 'day',
		description_fr: '',
		description_en: '',
		sources: ['afp-dispatch'],
		confidence: 'high',
		period: 'dispatch'
	},
	geometry: { type: 'Point', coordinates: [76 + i / 1e6, 43] }
});
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('the limits of a layer', () => {
	it('finds the first place nested too deeply, skipping brackets inside strings', () => {
		expect(tooDeepAt('[[["[[[[[[[["]]]', 3)).toBeNull();
		expect(tooDeepAt('{\n "a": [[[1]]]}', 3)).toEqual({ offset: 10, line: 2, column: 9 });
		expect(tooDeepAt('"\\"[[[["', 1)).toBeNull();
	});

	it('refuses JSON nested 10,000 deep with the line and column, without overflowing the stack', () => {
		const text = `{"type":"FeatureCollection","features":[${'['.repeat(10_000)}${']'.repeat(10_000)}]}`;
		for (const r of [parseJsonBody(text, 'l.geojson'), validateLayerText(text, 'l.geojson'), validateEditedLayer(text, ctx)]) {
			expect(r.ok).toBe(false);
			expect(!r.ok && r.problems.map(formatProblem)).toEqual([
				`l.geojson: nests arrays and objects more than ${MAX_DEPTH} levels deep (line 1, column ${40 + MAX_DEPTH - 1}): a GeoJSON layer needs far fewer`
			]);
		}
	});

	it('refuses more features than a layer may hold before checking any of them', () => {
		const text = fc(Array.from({ length: MAX_FEATURES + 1 }, () => ({})));
		const r = validateEditedLayer(text, ctx);
		expect(!r.ok && r.problems.map(formatProblem)).toEqual([
			`l.geojson › features: has ${MAX_FEATURES + 1} features, more than the ${MAX_FEATURES} a layer may hold: split it into several layers`
		]);
	});

	it(`lists at most ${MAX_PROBLEMS} problems, then says it stopped`, () => {
		const r = validateEditedLayer(fc(Array.from({ length: 5_000 }, () => ({ type: 'Feature' }))), ctx);
		expect(r.ok).toBe(false);
		expect(r.problems).toHaveLength(MAX_PROBLEMS + 1);
		expect(r.problems.at(-1)!.message).toMatch(/stopped after 100 problems: fix these and save again/);
		// the first problems are the first features', in order
		expect(r.problems[0]!.feature).toBe(0);
	});

	it('accepts a legitimate layer of 12,000 points', () => {
		const r = validateEditedLayer(fc(Array.from({ length: 12_000 }, (_, i) => point(i))), ctx);
		expect(r.ok ? [] : r.problems.slice(0, 3).map(formatProblem)).toEqual([]);
	});

	it.each([
		['"coordinates": 5 on a point', { type: 'Point', coordinates: 5 }, /position 0 is not a pair of finite numbers/],
		['"coordinates": 5 on a line', { type: 'LineString', coordinates: 5 }, /geometry\.coordinates: must be an array of positions for a LineString/],
		['a number where a ring should be', { type: 'Polygon', coordinates: [5] }, /geometry\.coordinates: must be an array of arrays of positions for a Polygon/],
		['"coordinates": 5 on a multipoint', { type: 'MultiPoint', coordinates: 5 }, /must be an array of positions for a MultiPoint/],
		['geometries not an array', { type: 'GeometryCollection', geometries: 5 }, /geometry\.geometries: must be an array of geometries/],
		['an unknown geometry type', { type: 'Circle', coordinates: [1, 2] }, /geometry\.type: "Circle" is not a GeoJSON geometry type/]
	])('names the field of malformed coordinates (%s) instead of crashing', (_name, geometry, expected) => {
		const f = { ...point(0), geometry };
		const r = validateEditedLayer(fc([f]), ctx);
		expect(r.ok).toBe(false);
		expect(r.problems.map(formatProblem).join('\n')).toMatch(expected);
	});
});
