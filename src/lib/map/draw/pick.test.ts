import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { partsOf } from '$lib/geo/parts';
import { partAt, screenDistance } from './pick';

// a projection of one pixel per degree, y down as on screen
const project = (p: Position) => ({ x: p[0]!, y: -p[1]! });
const at = (lng: number, lat: number) => ({ x: lng, y: -lat });
const square = (x: number, y: number, s: number): Position[] => [
	[x, y],
	[x + s, y],
	[x + s, y + s],
	[x, y + s],
	[x, y]
];

describe('screenDistance', () => {
	const cases = [
		{ name: 'to a point', path: [[3, 4]], at: at(0, 0), expected: 5 },
		{
			name: 'to a segment, beside its middle',
			path: [
				[0, 0],
				[10, 0]
			],
			at: at(5, 3),
			expected: 3
		},
		{
			name: 'to a segment, past its end',
			path: [
				[0, 0],
				[10, 0]
			],
			at: at(13, 4),
			expected: 5
		},
		{
			name: 'to the nearest of two segments',
			path: [
				[0, 0],
				[10, 0],
				[10, 10]
			],
			at: at(12, 6),
			expected: 2
		},
		{
			name: 'a segment of length zero is a point',
			path: [
				[1, 1],
				[1, 1]
			],
			at: at(4, 5),
			expected: 5
		}
	];
	for (const c of cases) it(c.name, () => expect(screenDistance(c.path, c.at, project)).toBeCloseTo(c.expected));
});

describe('partAt', () => {
	// a multi-polygon: a big square with a hole, and a small island far away
	const parts = partsOf('k', { type: 'MultiPolygon', coordinates: [[square(0, 0, 40), square(10, 10, 10)], [square(100, 0, 5)]] })!;

	it('inside the hole picks the hole, not the polygon around it', () => expect(partAt(parts, at(15, 15), [15, 15], project)).toBe('k~0.1'));
	it('inside the outer ring (not the hole) picks the outer ring', () => expect(partAt(parts, at(5, 30), [5, 30], project)).toBe('k~0.0'));
	it('inside the island picks the island', () => expect(partAt(parts, at(102, 2), [102, 2], project)).toBe('k~1.0'));
	it('outside every ring but within 10 px of one picks the nearest', () => expect(partAt(parts, at(108, 2), [108, 2], project)).toBe('k~1.0'));
	it('far from everything picks nothing', () => expect(partAt(parts, at(70, 70), [70, 70], project)).toBeNull());

	it('members of a multi-line: the one nearest the pointer', () => {
		const lines = partsOf('m', {
			type: 'MultiLineString',
			coordinates: [
				[
					[0, 0],
					[50, 0]
				],
				[
					[0, 8],
					[50, 8]
				]
			]
		})!;
		expect(partAt(lines, at(20, 6), [20, 6], project)).toBe('m~1');
		expect(partAt(lines, at(20, 1), [20, 1], project)).toBe('m~0');
	});
});
