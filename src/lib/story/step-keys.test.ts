import { describe, expect, it } from 'vitest';
import { stepForKey } from './step-keys';

const press = (key: string, more: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; defaultPrevented: boolean; inField: boolean }> = {}) => ({
	key,
	altKey: false,
	ctrlKey: false,
	metaKey: false,
	defaultPrevented: false,
	inField: false,
	...more
});

describe('stepForKey (steps 0..9)', () => {
	it.each([
		{ key: 'ArrowDown', index: 3, expected: 4 },
		{ key: 'ArrowRight', index: 3, expected: 4 },
		{ key: 'PageDown', index: 3, expected: 4 },
		{ key: 'ArrowUp', index: 3, expected: 2 },
		{ key: 'ArrowLeft', index: 3, expected: 2 },
		{ key: 'PageUp', index: 3, expected: 2 },
		{ key: 'Home', index: 7, expected: 0 },
		{ key: 'End', index: 2, expected: 9 },
		{ key: 'ArrowDown', index: 9, expected: undefined }, // past the last: the page scrolls on to the sources
		{ key: 'PageUp', index: 0, expected: undefined }, // before the first: the page scrolls up to the title
		{ key: 'a', index: 3, expected: undefined },
		{ key: ' ', index: 3, expected: undefined }
	])('$key on step $index -> $expected', ({ key, index, expected }) => {
		expect(stepForKey(press(key), index, 9)).toBe(expected);
	});

	it('leaves a key with a modifier, or already handled, to the browser', () => {
		for (const more of [{ altKey: true }, { ctrlKey: true }, { metaKey: true }, { defaultPrevented: true }])
			expect(stepForKey(press('End', more), 2, 9)).toBeUndefined();
	});

	it('leaves arrows in a form field to the field, but Page and Home keys still move the story', () => {
		expect(stepForKey(press('ArrowDown', { inField: true }), 3, 9)).toBeUndefined();
		expect(stepForKey(press('PageDown', { inField: true }), 3, 9)).toBe(4);
	});
});
