import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { bbox, featureCollection } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { extentOf } from './extent';

const DIR = 'static/geo';
/** every feature of the story layers and of the basemap (points, lines, polygons, multi-polygons) */
const layers = readdirSync(DIR)
	.filter((f) => f.endsWith('.geojson'))
	.map((f) => [f, (JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as FeatureCollection).features] as const);

describe('extentOf', () => {
	it('reads layers of every geometry kind (so the comparison below cannot pass on nothing)', () => {
		const kinds = new Set(layers.flatMap(([, fs]) => fs.map((f) => f.geometry?.type)));
		for (const k of ['Point', 'LineString', 'Polygon', 'MultiPolygon']) expect(kinds, k).toContain(k);
	});
	it("is turf's bbox for every feature, and for every layer's features together", () => {
		for (const [file, fs] of layers) {
			for (const f of fs) expect(extentOf([f]), `${file} › ${String(f.properties?.id ?? '')}`).toEqual(bbox(f));
			expect(extentOf(fs), file).toEqual(bbox(featureCollection(fs)));
		}
	});
	it('counts the geometries of a collection, skips a feature without geometry, and is empty without positions', () => {
		const collection: Feature = {
			type: 'Feature',
			properties: {},
			geometry: {
				type: 'GeometryCollection',
				geometries: [
					{ type: 'Point', coordinates: [10, -5] },
					{
						type: 'LineString',
						coordinates: [
							[-3, 2],
							[4, 8]
						]
					}
				]
			}
		};
		const none = { type: 'Feature', properties: {}, geometry: null } as unknown as Feature;
		expect(extentOf([collection, none])).toEqual([-3, -5, 10, 8]);
		expect(extentOf([])).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
	});
});
