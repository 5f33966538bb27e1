import { describe, expect, it } from 'vitest';
import { awayFromNeighbours, DEFAULT_ANCHORS, labelAnchors } from './label-anchors';

const B: [number, number, number, number] = [0, 0, 10, 10];
describe('labelAnchors: the label goes toward the middle of the framed area', () => {
	it.each([
		['east edge, middle: text to the west first, centred only after', [10, 5], ['top-right', 'right', 'bottom-right', 'top', 'bottom']],
		['west edge, south: text to the east and above', [0, 0], ['bottom-left', 'left', 'top-left', 'bottom', 'top']],
		['middle: below first, as before', [5, 5], ['top']]
	] as const)('%s', (_, p, first) => {
		expect(labelAnchors(B, [p[0], p[1]]).slice(0, first.length)).toEqual(first);
	});
	it('at the east edge tries the text further east only after every other place, and tries every anchor', () => {
		const a = labelAnchors(B, [10, 5]);
		expect(a.slice(0, 5).some((x) => x.endsWith('left'))).toBe(false);
		expect([...a].sort()).toEqual([...DEFAULT_ANCHORS].sort());
	});
	it('without bounds (a centre-and-zoom camera): the default order', () => {
		expect(labelAnchors(undefined, [1, 1])).toEqual(DEFAULT_ANCHORS);
	});
});

describe('awayFromNeighbours: the text away from the close highlighted points', () => {
	it('a neighbour close to the south: the text above first, below last', () => {
		const a = awayFromNeighbours(DEFAULT_ANCHORS, [40, 57], [[40.5, 54]]);
		expect(a[0]).toBe('bottom');
		expect(a.indexOf('top')).toBeGreaterThan(4);
		expect([...a].sort()).toEqual([...DEFAULT_ANCHORS].sort());
	});
	it('no neighbour (or only itself): the order is kept', () => {
		expect(awayFromNeighbours(DEFAULT_ANCHORS, [40, 57], [[40, 57]])).toEqual(DEFAULT_ANCHORS);
	});
});
