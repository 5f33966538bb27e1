import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatProblem } from './validate-layer';
import { parseJsonBody, validateEditedLayer, type EditContext } from './validate-edit';

const sample = () => JSON.parse(readFileSync('static/geo/almaty-sites.geojson', 'utf8')).features[1];
const ctx = (over: Partial<EditContext> = {}): EditContext => ({
	file: 'almaty-sites.geojson',
	otherLayerIds: new Map([['zhanaozen', 'protest-cities.geojson']]),
	knownIds: new Set(['almaty-akimat']),
	retiredIds: new Set(['old-site']),
	sourceIds: new Set(JSON.parse(readFileSync('static/geo/almaty-sites.geojson', 'utf8')).features[1].properties.sources),
	...over
});
const layerWith = (mutate: (f: any) => void) => {
	const f = sample();
	mutate(f);
	return JSON.stringify({ type: 'FeatureCollection', features: [f] });
};
const problems = (text: string, c = ctx()) => {
	const r = validateEditedLayer(text, c);
	return r.ok ? [] : r.problems.map(formatProblem);
};
const square = [
	[
		[76.9, 43.2],
		[76.91, 43.2],
		[76.91, 43.21],
		[76.9, 43.21],
		[76.9, 43.2]
	]
];

describe('validateEditedLayer', () => {
	it('accepts a valid layer', () => {
		const r = validateEditedLayer(
			layerWith(() => {}),
			ctx()
		);
		expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
		expect(r.warnings).toEqual([]);
	});
	it('accepts a valid polygon', () => {
		expect(problems(layerWith((f) => (f.geometry = { type: 'Polygon', coordinates: square })))).toEqual([]);
	});
	it.each([
		['an unclosed ring', (f: any) => (f.geometry = { type: 'Polygon', coordinates: [square[0]!.slice(0, 4)] }), /coordinates\.0: the ring is not closed/],
		[
			'a ring of 3 positions',
			(f: any) =>
				(f.geometry = {
					type: 'Polygon',
					coordinates: [
						[
							[76.9, 43.2],
							[77, 43.3],
							[76.9, 43.2]
						]
					]
				}),
			/needs at least 4 positions/
		],
		[
			'a bow-tie polygon',
			(f: any) =>
				(f.geometry = {
					type: 'Polygon',
					coordinates: [
						[
							[76.9, 43.2],
							[77, 43.3],
							[77, 43.2],
							[76.9, 43.3],
							[76.9, 43.2]
						]
					]
				}),
			/geometry\.coordinates: the polygon crosses itself \(1 crossing, first near \[76\.95000, 43\.25000\]\)/
		],
		['a date before the period', (f: any) => (f.properties.start = '2021-12-16'), /properties\.start: 2021-12-16 is outside the story period/],
		['an end after the period', (f: any) => (f.properties.end = '2022-03-01'), /properties\.end: 2022-03-01 is outside the story period/],
		['a control character in a name', (f: any) => (f.properties.name_en = 'Akimat\u0007'), /properties\.name_en: must not contain control/],
		[
			'a bidi override in a name',
			(f: any) => (f.properties.name_fr = 'A\u202eB'),
			/properties\.name_fr: must not contain control, invisible or bidirectional-override characters \(U\+202E at character 2\)/
		],
		['an id used in another layer', (f: any) => (f.properties.id = 'zhanaozen'), /properties\.id: is already used in protest-cities\.geojson/],
		['a removed id taken again', (f: any) => (f.properties.id = 'old-site'), /properties\.id: belonged to a feature that was removed/]
	])('refuses %s', (_, mutate, message) => {
		expect(problems(layerWith(mutate)).join('\n')).toMatch(message);
	});
	it('accepts dates outside the period when marked outside_period', () => {
		expect(problems(layerWith((f) => Object.assign(f.properties, { start: '2021-12-16', outside_period: true })))).toEqual([]);
	});
	it('lets a restored id come back when it is known to the layer', () => {
		expect(
			problems(
				layerWith((f) => (f.properties.id = 'old-site')),
				ctx({ knownIds: new Set(['old-site']) })
			)
		).toEqual([]);
	});
	it('allows line breaks in descriptions but not other controls', () => {
		expect(problems(layerWith((f) => (f.properties.description_en = 'one\ntwo')))).toEqual([]);
		expect(problems(layerWith((f) => (f.properties.description_en = 'one\u0000two'))).join()).toMatch(/description_en/);
	});
	it('warns, without refusing, about a point outside the story region', () => {
		const r = validateEditedLayer(
			layerWith((f) => (f.geometry.coordinates = [-0.12, 51.5])),
			ctx()
		);
		expect(r.ok).toBe(true);
		expect(r.warnings.map(formatProblem).join()).toMatch(/\[-0\.12, 51\.5\] lies outside the story's region/);
	});
});

describe('parseJsonBody', () => {
	it('names the position of a syntax error', () => {
		const r = parseJsonBody('{"type": "FeatureCollection",\n "features": [}', 'x.geojson');
		expect(r.ok).toBe(false);
		expect(!r.ok && r.problems[0]!.message).toMatch(/not valid JSON at position \d+ \(line 2, column \d+\)/);
	});
	it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s anywhere, with its path', (key) => {
		const r = parseJsonBody(`{"type":"FeatureCollection","features":[{"properties":{"${key}":{"polluted":true}}}]}`, 'x.geojson');
		expect(r.ok).toBe(false);
		expect(!r.ok && r.problems[0]).toMatchObject({ feature: 0, field: `properties.${key}` });
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('jsonErrorAt via parseJsonBody', () => {
	it.each([
		['{"a":1,}', 7, 'a property name in double quotes'],
		['[1,2', 4, '"," or "]"'],
		['', 0, 'a JSON value'],
		['{"a":NaN}', 5, 'a JSON value'],
		['{"a":"x\ny"}', 7, 'a closing quote (control characters must be escaped)'],
		['{} x', 3, 'the end of the text']
	])('%j fails at %d', (text, offset, expected) => {
		const r = parseJsonBody(text, 'x');
		expect(!r.ok && r.problems[0]!.message).toContain(`position ${offset} `);
		expect(!r.ok && r.problems[0]!.message).toContain(`expected ${expected}`);
	});
});
