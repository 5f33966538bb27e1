import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Geometry } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { STATIC } from './draw-layers';
import { StaticSource } from './static-source';

/** a map with one GeoJSON source that records what it was sent */
function fakeMap() {
	const sent: { whole: unknown[][]; patches: { remove: unknown[]; add: unknown[]; update: unknown[] }[] } = { whole: [], patches: [] };
	const source = {
		setData: (fc: { features: unknown[] }) => {
			sent.whole.push(fc.features);
			return Promise.resolve();
		},
		updateData: (diff: { remove: unknown[]; add: unknown[]; update: unknown[] }) => {
			sent.patches.push(diff);
			return Promise.resolve();
		}
	};
	const repaints = { count: 0 };
	const map = { getSource: (id: string) => (id === STATIC ? source : undefined), triggerRepaint: () => repaints.count++ } as unknown as MapLibreMap;
	return { map, sent, repaints };
}
const pt = (x: number): Geometry => ({ type: 'Point', coordinates: [x, 0] });

describe('StaticSource', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('sends the first load whole, in a task of its own, then only the differences', async () => {
		const { map, sent, repaints } = fakeMap();
		const s = new StaticSource(map);
		s.patch(
			[],
			[
				['a', pt(1)],
				['b', pt(2)]
			]
		);
		expect(sent.whole).toHaveLength(0);
		vi.runAllTimers();
		expect(sent.whole).toEqual([[expect.objectContaining({ properties: { key: 'a' } }), expect.objectContaining({ properties: { key: 'b' } })]]);
		// once the data is in, a frame is asked for (the editor opened on an empty map until a click)
		await Promise.resolve();
		expect(repaints.count).toBe(1);

		const moved = pt(5);
		s.patch(
			['a', 'zzz'],
			[
				['b', moved],
				['c', pt(3)]
			]
		);
		vi.runAllTimers();
		expect(sent.whole).toHaveLength(1);
		expect(sent.patches).toEqual([
			{ remove: ['a'], add: [{ type: 'Feature', geometry: pt(3), properties: { key: 'c' } }], update: [{ id: 'b', newGeometry: moved }] }
		]);
		expect([...s.keys()]).toEqual(['b', 'c']);
		expect(s.get('b')).toBe(moved);
	});

	it('replaces the whole collection when more than 500 features change at once (a big undo, a merge)', () => {
		const { map, sent } = fakeMap();
		const s = new StaticSource(map);
		s.patch([], [['a', pt(1)]]);
		vi.runAllTimers();
		s.patch(
			[],
			Array.from({ length: 501 }, (_, i) => [`n${i}`, pt(i)] as [string, Geometry])
		);
		vi.runAllTimers();
		expect(sent.patches).toHaveLength(0);
		expect(sent.whole).toHaveLength(2);
		expect(sent.whole[1]).toHaveLength(502);
	});

	it('changes made before a pending whole replacement go out with it; nothing goes out once destroyed', () => {
		const { map, sent } = fakeMap();
		const s = new StaticSource(map);
		s.patch([], [['a', pt(1)]]);
		s.patch([], [['b', pt(2)]]);
		vi.runAllTimers();
		expect(sent.whole).toEqual([[expect.anything(), expect.anything()]]);
		s.patch(
			[],
			Array.from({ length: 600 }, (_, i) => [`n${i}`, pt(i)] as [string, Geometry])
		);
		s.destroy();
		vi.runAllTimers();
		expect(sent.whole).toHaveLength(1);
	});
});
