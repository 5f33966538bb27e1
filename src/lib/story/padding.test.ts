import { describe, expect, it } from 'vitest';
import { paddingFor } from './padding';

const desktopMap = { left: 0, top: 0, right: 1280, bottom: 800 };
describe('paddingFor', () => {
	it.each([
		{ name: 'nothing covers the map: only the margin', map: desktopMap, covers: [], expected: { top: 40, right: 40, bottom: 40, left: 40 } },
		{
			name: 'a text column on the left pads the left past it',
			map: desktopMap,
			covers: [{ left: 16, top: 0, right: 432, bottom: 800 }],
			expected: { top: 40, right: 40, bottom: 40, left: 472 }
		},
		{
			name: 'a bar along the bottom pads the bottom',
			map: { left: 0, top: 0, right: 375, bottom: 370 },
			covers: [{ left: 40, top: 336, right: 335, bottom: 362 }],
			expected: { top: 40, right: 40, bottom: 74, left: 40 }
		},
		{
			name: 'a cover outside the map changes nothing',
			map: { left: 0, top: 0, right: 375, bottom: 370 },
			covers: [{ left: 0, top: 400, right: 375, bottom: 800 }],
			expected: { top: 40, right: 40, bottom: 40, left: 40 }
		}
	])('$name', ({ map, covers, expected }) => {
		expect(paddingFor(map, covers)).toEqual(expected);
	});
	it('always leaves some map free, however wide the cover', () => {
		const p = paddingFor({ left: 0, top: 0, right: 400, bottom: 400 }, [{ left: 0, top: 0, right: 390, bottom: 400 }]);
		expect(400 - p.left - p.right).toBeGreaterThanOrEqual(79);
	});
});
