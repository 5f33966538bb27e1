import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, validateLayerText } from './validate-layer';
import { STORY_LAYERS } from '$lib/geo/layers';

const dir = 'static/geo';
const files = readdirSync(dir).filter((f) => f.endsWith('.geojson'));
const read = (f: string) => readFileSync(join(dir, f), 'utf8');

describe('every layer file under static/geo', () => {
	it('has a file per catalogued layer and nothing uncatalogued', () => {
		expect(files.sort()).toEqual(STORY_LAYERS.map((l) => l.file).sort());
	});

	it.each(files)('%s is RFC 7946 GeoJSON that follows the feature schema', (file) => {
		const result = validateLayerText(read(file), file);
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
	});

	it('has ids unique across all layers (steps and embeds point at them)', () => {
		const owner = new Map<string, string>();
		const dupes: string[] = [];
		for (const file of files) {
			const fc = JSON.parse(read(file));
			for (const f of fc.features) {
				const prev = owner.get(f.properties.id);
				if (prev) dupes.push(`${f.properties.id} in ${prev} and ${file}`);
				owner.set(f.properties.id, file);
			}
		}
		expect(dupes).toEqual([]);
	});
});

/** a valid one-feature layer, then broken on purpose */
function layer(mutate: (f: any) => void = () => {}) {
	const f: any = JSON.parse(read('almaty-sites.geojson')).features[1];
	mutate(f);
	return JSON.stringify({ type: 'FeatureCollection', features: [f] });
}
const problemsOf = (text: string) => {
	const r = validateLayerText(text, 'test.geojson');
	return r.ok ? [] : r.problems.map(formatProblem);
};

describe('broken features are rejected with a message naming the problem', () => {
	it('accepts the unbroken sample', () => {
		expect(problemsOf(layer())).toEqual([]);
	});
	it.each([
		['missing sources', (f: any) => delete f.properties.sources, /feature 0 \("almaty-akimat"\) › properties\.sources: is required/],
		['empty sources', (f: any) => (f.properties.sources = []), /properties\.sources: needs at least one source id/],
		[
			'a URL where a source id belongs',
			(f: any) => (f.properties.sources = ['https://en.wikipedia.org/wiki/Almaty']),
			/properties\.sources\.0: must be the id of a source in content\/sources\.yaml/
		],
		['the same source twice', (f: any) => (f.properties.sources = ['a-source', 'a-source']), /properties\.sources: cites the same source twice/],
		['no period', (f: any) => delete f.properties.period, /properties\.period: must be "dispatch"/],
		['bad id', (f: any) => (f.properties.id = 'Almaty Akimat'), /properties\.id: must be kebab-case/],
		['out-of-range coordinate', (f: any) => (f.geometry.coordinates = [76.9, 143.2]), /geometry\.coordinates: position 0 \[76\.9, 143\.2\] is out of range/],
		['swapped lat/lon beyond 90', (f: any) => (f.geometry.coordinates = [43.2, 96.9]), /out of range .*\[longitude, latitude\]/],
		[
			'wrong geometry type for the kind',
			(f: any) =>
				(f.geometry = {
					type: 'LineString',
					coordinates: [
						[76.9, 43.2],
						[77, 43.3]
					]
				}),
			/geometry\.type: "LineString" is not allowed for kind "building"/
		],
		['unknown kind', (f: any) => (f.properties.kind = 'palace'), /properties\.kind: /],
		['missing English name', (f: any) => delete f.properties.name_en, /properties\.name_en: is required/],
		['unknown field', (f: any) => (f.properties.colour = 'red'), /unknown field\(s\) "colour"/],
		['end before start', (f: any) => (f.properties.end = '2022-01-01'), /properties\.end: must not be before start \(2022-01-05\)/],
		['impossible date', (f: any) => (f.properties.start = '2022-02-30'), /properties\.start: is not a real calendar date/],
		['missing geometry', (f: any) => (f.geometry = null), /geometry: is required/]
	])('%s', (_name, mutate, expected) => {
		const problems = problemsOf(layer(mutate));
		expect(problems.join('\n')).toMatch(expected);
	});

	it('rejects invalid JSON with the parser message', () => {
		expect(problemsOf('{"type":"FeatureCollection","features":[')).toEqual([expect.stringMatching(/^test\.geojson: is not valid JSON/)]);
	});
	it('rejects an unclosed polygon ring as RFC 7946 invalid, once, at the feature', () => {
		const text = layer((f) => {
			f.properties.kind = 'country';
			f.geometry = {
				type: 'Polygon',
				coordinates: [
					[
						[0, 0],
						[1, 0],
						[1, 1],
						[0, 1]
					]
				]
			};
		});
		expect(problemsOf(text).filter((p) => p.includes('RFC 7946'))).toEqual([
			'test.geojson › feature 0 ("almaty-akimat"): RFC 7946: First and last positions of a Polygon or MultiPolygon’s ring should be the same.'
		]);
	});
	it('rejects duplicate ids within a layer', () => {
		const f = JSON.parse(layer()).features[0];
		const text = JSON.stringify({ type: 'FeatureCollection', features: [f, f] });
		expect(problemsOf(text)).toContain('test.geojson › feature 1 ("almaty-akimat") › properties.id: duplicates the id of feature 0: ids must be unique');
	});
	it('rejects a layer that is not a FeatureCollection', () => {
		expect(problemsOf(JSON.stringify({ type: 'Feature', properties: {}, geometry: null })).join('\n')).toMatch(/must be a FeatureCollection/);
	});
	it('asks for troops (or null) on movements', () => {
		const text = read('csto-airlift.geojson');
		const fc = JSON.parse(text);
		delete fc.features[0].properties.troops;
		expect(problemsOf(JSON.stringify(fc)).join('\n')).toMatch(/properties\.troops: is required for kind "airlift" \(use null when not published\)/);
	});
});

describe('the basemap files under static/geo/basemap', () => {
	const baseDir = 'static/geo/basemap';
	const baseFiles = readdirSync(baseDir).filter((f) => f.endsWith('.geojson'));
	it('exist', () => expect(baseFiles.length).toBeGreaterThanOrEqual(6));
	it.each(baseFiles)('%s is RFC 7946 GeoJSON with coordinates in range', async (file) => {
		const { getIssues } = await import('@placemarkio/check-geojson');
		const text = readFileSync(join(baseDir, file), 'utf8');
		expect(getIssues(text).map((i) => `${file}: ${i.message}`)).toEqual([]);
		const bad = (text.match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g) ?? []).filter((pair) => {
			const [x, y] = pair.split(',').map(Number);
			return Math.abs(x!) > 180 || Math.abs(y!) > 90;
		});
		expect(bad.slice(0, 3)).toEqual([]);
	});
});
