import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoJSONSourceDiff } from 'maplibre-gl';
import { indexedDiff, withIndexIds } from './source-diff';

const pt = (x: number, size = 16): Feature<Point> => ({ type: 'Feature', properties: { size }, geometry: { type: 'Point', coordinates: [x, 0] } });
const fc = (...f: Feature<Point>[]): FeatureCollection<Point> => withIndexIds({ type: 'FeatureCollection', features: f });
/** what a source holds after the diff, as MapLibre applies one (applySourceDiff: remove, then add by id, replacing) */
function apply(before: FeatureCollection<Point>, diff: GeoJSONSourceDiff): Feature[] {
	const byId = new Map<unknown, Feature>(before.features.map((f) => [f.id, f]));
	for (const id of diff.remove ?? []) byId.delete(id);
	for (const f of diff.add ?? []) byId.set(f.id, f);
	return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id));
}
const differs = (a: FeatureCollection<Point>, b: FeatureCollection<Point>) => (i: number) => JSON.stringify(a.features[i]) !== JSON.stringify(b.features[i]);

describe('indexedDiff: only the features that changed are sent to MapLibre', () => {
	const a = fc(pt(0), pt(100), pt(50, 20));
	it('nothing when no feature changed', () => {
		expect(indexedDiff(3, a.features, () => false)).toBeNull();
	});
	it('a changed feature under its index, and nothing else', () => {
		const next = fc(pt(0), pt(140), pt(50, 24));
		const diff = indexedDiff(3, next.features, differs(a, next))!;
		expect(diff.add!.map((f) => f.id)).toEqual([1, 2]);
		expect(diff.remove).toBeUndefined();
		expect(apply(a, diff)).toEqual(next.features);
	});
	it('features gone are removed, new ones added', () => {
		const fewer = fc(pt(0));
		const d1 = indexedDiff(3, fewer.features, differs(a, fewer))!;
		expect(d1).toEqual({ remove: [1, 2] });
		expect(apply(a, d1)).toEqual(fewer.features);
		const d2 = indexedDiff(1, a.features, differs(fewer, a))!;
		expect(d2.add!.map((f) => f.id)).toEqual([1, 2]);
		expect(apply(fewer, d2)).toEqual(a.features);
	});
	it('onto an empty source, every feature is added; to none, every one removed', () => {
		expect(
			apply(
				fc(),
				indexedDiff(0, a.features, () => true)!
			)
		).toEqual(a.features);
		expect(
			apply(
				a,
				indexedDiff(3, [], () => true)!
			)
		).toEqual([]);
	});
});
