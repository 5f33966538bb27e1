import { describe, expect, it } from 'vitest';
import { activeStep } from './active-step';

// three steps of 600 px starting at 100, 700, 1300 (viewport coordinates)
const at = (scroll: number) => ({ tops: [100, 700, 1300].map((t) => t - scroll), bottoms: [700, 1300, 1900].map((b) => b - scroll) });

describe('activeStep', () => {
	it.each([
		{ scroll: 0, trigger: 400, expected: 0 },
		{ scroll: 299, trigger: 400, expected: 0 },
		{ scroll: 301, trigger: 400, expected: 1 },
		{ scroll: 5000, trigger: 400, expected: 2 }, // far past the end: the last step, not none
		{ scroll: -500, trigger: 400, expected: 0 } // before the first: the first step
	])('scroll $scroll -> step $expected', ({ scroll, trigger, expected }) => {
		const { tops, bottoms } = at(scroll);
		expect(activeStep(tops, bottoms, trigger).index).toBe(expected);
	});

	it('is the same whatever the path: a jump straight from the first to the last step lands on the last', () => {
		const { tops, bottoms } = at(1200);
		expect(activeStep(tops, bottoms, 400)).toEqual({ index: 2, progress: 0 / 600 + (400 - (1300 - 1200)) / 600 });
	});

	it('reports progress within the active step', () => {
		const { tops, bottoms } = at(600);
		expect(activeStep(tops, bottoms, 400).progress).toBeCloseTo(0.5);
	});
});
