import { describe, expect, it } from 'vitest';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { boundsOf, featureKeyOf, mainPart, partLabel, partRef, partsOf, removePart, replacePart, type PartGeometry } from './parts';

const sq = (x: number, y: number, s = 1): Position[] => [
	[x, y],
	[x + s, y],
	[x + s, y + s],
	[x, y + s],
	[x, y]
];

describe('partsOf', () => {
	const cases: { name: string; g: Geometry; ids: string[] | null }[] = [
		{ name: 'a point is drawn whole', g: { type: 'Point', coordinates: [1, 2] }, ids: null },
		{
			name: 'a line is drawn whole',
			g: {
				type: 'LineString',
				coordinates: [
					[0, 0],
					[1, 1]
				]
			},
			ids: null
		},
		{ name: 'a polygon without holes is drawn whole', g: { type: 'Polygon', coordinates: [sq(0, 0)] }, ids: null },
		{ name: 'a polygon with a hole: one part per ring', g: { type: 'Polygon', coordinates: [sq(0, 0, 4), sq(1, 1)] }, ids: ['k~0', 'k~1'] },
		{
			name: 'multi-point: one part per point',
			g: {
				type: 'MultiPoint',
				coordinates: [
					[0, 0],
					[1, 1],
					[2, 2]
				]
			},
			ids: ['k~0', 'k~1', 'k~2']
		},
		{
			name: 'multi-line: one part per line',
			g: {
				type: 'MultiLineString',
				coordinates: [
					[
						[0, 0],
						[1, 1]
					],
					[
						[2, 2],
						[3, 3]
					]
				]
			},
			ids: ['k~0', 'k~1']
		},
		{
			name: 'multi-polygon: one part per ring of each polygon',
			g: { type: 'MultiPolygon', coordinates: [[sq(0, 0, 4), sq(1, 1)], [sq(10, 10)]] },
			ids: ['k~0.0', 'k~0.1', 'k~1.0']
		},
		{ name: 'a geometry collection is not split', g: { type: 'GeometryCollection', geometries: [] }, ids: null }
	];
	for (const c of cases) it(c.name, () => expect(partsOf('k', c.g)?.map((p) => p.id) ?? null).toEqual(c.ids));

	it('parts are single geometries the drawing tools take', () => {
		const parts = partsOf('k', { type: 'MultiPolygon', coordinates: [[sq(0, 0, 4), sq(1, 1)], [sq(10, 10)]] })!;
		expect(parts.map((p) => p.geometry.type)).toEqual(['Polygon', 'Polygon', 'Polygon']);
		expect(parts[1]!.geometry).toEqual({ type: 'Polygon', coordinates: [sq(1, 1)] });
		expect(parts.map((p) => p.path)).toEqual([
			[0, 0],
			[0, 1],
			[1, 0]
		]);
	});
	it('null or malformed geometry is not split', () => {
		expect(partsOf('k', null)).toBeNull();
		expect(partsOf('k', { type: 'MultiPoint', coordinates: 'x' } as unknown as Geometry)).toBeNull();
	});
});

describe('replacePart', () => {
	it('puts a moved ring back into its polygon, other members keep their arrays', () => {
		const g: MultiPolygon = { type: 'MultiPolygon', coordinates: [[sq(0, 0, 4), sq(1, 1)], [sq(10, 10)]] };
		const moved: Polygon = { type: 'Polygon', coordinates: [sq(20, 20)] };
		const next = replacePart(g, [1, 0], moved) as MultiPolygon;
		expect(next.coordinates[1]![0]).toBe(moved.coordinates[0]);
		expect(next.coordinates[0]).toBe(g.coordinates[0]);
		expect(g.coordinates[1]![0]).toEqual(sq(10, 10)); // the input is not changed
		// splitting again: only the moved part has a new identity
		const before = partsOf('k', g)!;
		const after = partsOf('k', next)!;
		expect(after.map((p, i) => p.ref === before[i]!.ref)).toEqual([true, true, false]);
		expect(after[2]!.ref).toBe(partRef(moved));
	});
	const cases: { name: string; g: Geometry; path: number[]; part: PartGeometry; expected: Geometry }[] = [
		{
			name: 'a hole of a polygon',
			g: { type: 'Polygon', coordinates: [sq(0, 0, 4), sq(1, 1)] },
			path: [1],
			part: { type: 'Polygon', coordinates: [sq(2, 2)] },
			expected: { type: 'Polygon', coordinates: [sq(0, 0, 4), sq(2, 2)] }
		},
		{
			name: 'a point of a multi-point',
			g: {
				type: 'MultiPoint',
				coordinates: [
					[0, 0],
					[1, 1]
				]
			},
			path: [0],
			part: { type: 'Point', coordinates: [5, 5] },
			expected: {
				type: 'MultiPoint',
				coordinates: [
					[5, 5],
					[1, 1]
				]
			}
		},
		{
			name: 'a line of a multi-line',
			g: {
				type: 'MultiLineString',
				coordinates: [
					[
						[0, 0],
						[1, 1]
					],
					[
						[2, 2],
						[3, 3]
					]
				]
			},
			path: [1],
			part: {
				type: 'LineString',
				coordinates: [
					[2, 2],
					[3, 3],
					[4, 3]
				]
			},
			expected: {
				type: 'MultiLineString',
				coordinates: [
					[
						[0, 0],
						[1, 1]
					],
					[
						[2, 2],
						[3, 3],
						[4, 3]
					]
				]
			}
		}
	];
	for (const c of cases) it(c.name, () => expect(replacePart(c.g, c.path, c.part)).toEqual(c.expected));
	it('refuses a part of the wrong kind', () => {
		expect(() => replacePart({ type: 'MultiPoint', coordinates: [[0, 0]] }, [0], { type: 'Polygon', coordinates: [sq(0, 0)] })).toThrow(/cannot replace/);
	});
});

describe('featureKeyOf and mainPart', () => {
	it('a part id names its feature', () => {
		expect(featureKeyOf('f3~2.0')).toBe('f3');
		expect(featureKeyOf('n-imp1-2')).toBe('n-imp1-2');
	});
	it('the main part is the one with the most positions', () => {
		const parts = partsOf('k', {
			type: 'MultiPolygon',
			coordinates: [
				[sq(0, 0)],
				[
					[
						[0, 0],
						[2, 0],
						[3, 1],
						[2, 2],
						[0, 2],
						[0, 0]
					]
				]
			]
		})!;
		expect(mainPart(parts)?.id).toBe('k~1.0');
		expect(mainPart([])).toBeUndefined();
	});
});

describe('partLabel and removePart', () => {
	const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[sq(0, 0, 4), sq(1, 1)], [sq(10, 10)]] };
	const labels: { g: Geometry; path: number[]; expected: string }[] = [
		{ g: multi, path: [1, 0], expected: 'polygon 2 of 2' },
		{ g: multi, path: [0, 1], expected: 'polygon 1 of 2, hole 1' },
		{ g: { type: 'Polygon', coordinates: [sq(0, 0, 4), sq(1, 1)] }, path: [0], expected: 'outer ring' },
		{ g: { type: 'Polygon', coordinates: [sq(0, 0, 4), sq(1, 1)] }, path: [1], expected: 'hole 1 of 1' },
		{
			g: {
				type: 'MultiLineString',
				coordinates: [
					[
						[0, 0],
						[1, 1]
					],
					[
						[2, 2],
						[3, 3]
					]
				]
			},
			path: [1],
			expected: 'line 2 of 2'
		},
		{
			g: {
				type: 'MultiPoint',
				coordinates: [
					[0, 0],
					[1, 1],
					[2, 2]
				]
			},
			path: [2],
			expected: 'point 3 of 3'
		}
	];
	for (const c of labels) it(`labels ${c.expected}`, () => expect(partLabel(c.g, c.path)).toBe(c.expected));

	it('removes a polygon with its holes, or a hole alone', () => {
		expect(removePart(multi, [0, 0])).toEqual({ type: 'MultiPolygon', coordinates: [[sq(10, 10)]] });
		expect(removePart(multi, [0, 1])).toEqual({ type: 'MultiPolygon', coordinates: [[sq(0, 0, 4)], [sq(10, 10)]] });
		expect(removePart({ type: 'Polygon', coordinates: [sq(0, 0, 4), sq(1, 1)] }, [1])).toEqual({ type: 'Polygon', coordinates: [sq(0, 0, 4)] });
	});
	it('never removes the last part or an outer ring alone (that is deleting the feature)', () => {
		expect(removePart({ type: 'MultiPolygon', coordinates: [[sq(0, 0)]] }, [0, 0])).toBeNull();
		expect(removePart({ type: 'Polygon', coordinates: [sq(0, 0, 4), sq(1, 1)] }, [0])).toBeNull();
		expect(removePart({ type: 'MultiPoint', coordinates: [[0, 0]] }, [0])).toBeNull();
		expect(
			removePart(
				{
					type: 'MultiPoint',
					coordinates: [
						[0, 0],
						[1, 1]
					]
				},
				[0]
			)
		).toEqual({ type: 'MultiPoint', coordinates: [[1, 1]] });
	});
});

describe('boundsOf', () => {
	it('spans every position', () => {
		expect(boundsOf({ type: 'MultiPolygon', coordinates: [[sq(0, 0, 4)], [sq(10, -3)]] })).toEqual([0, -3, 11, 4]);
		expect(boundsOf({ type: 'Point', coordinates: [5, 6] })).toEqual([5, 6, 5, 6]);
		expect(boundsOf(null)).toBeNull();
	});
});
