import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { codepointsOf, glyphRanges, rangeName, renameGlyph } from './glyph-ranges.js';

const cp = (s: string) => [...s].map((c) => c.codePointAt(0)!);

describe('glyph ranges for the labels', () => {
	it('reads the letters of every string, nested ones included, keys left out', () => {
		const got = codepointsOf([{ name_fr: 'Almaty', extra: ['Қ'] }, 'ё']);
		expect([...got].sort((a, b) => a - b)).toEqual(
			cp('Almaty')
				.concat(cp('ёҚ'))
				.filter((v, i, a) => a.indexOf(v) === i)
				.sort((a, b) => a - b)
		);
	});

	it('always writes Latin, Russian and Kazakh letters, and adds what the data uses in runs', () => {
		const ranges = glyphRanges(cp('Ŋ'));
		expect([...ranges.keys()].map(rangeName)).toEqual(['0-255', '256-511', '1024-1279', '8192-8447']);
		const cyr = ranges.get(4)!;
		const has = (c: string) => cyr.some(([a, b]) => a <= c.codePointAt(0)! && c.codePointAt(0)! <= b);
		for (const letter of 'АяЁёҚқҒғҢңӘәӨөҰұҮүҺһІі') expect(has(letter), letter).toBe(true);
		expect(ranges.get(1)).toContainEqual([0x14a, 0x14a]);
		expect(ranges.get(0)).toContainEqual([0x20, 0x7e]);
	});

	it('leaves out scripts MapLibre draws itself (CJK, Arabic), so no file is written for them', () => {
		const ranges = glyphRanges(cp('東京 دوشنبه'));
		expect([...ranges.keys()].map(rangeName)).toEqual(['0-255', '256-511', '1024-1279', '8192-8447']);
	});
});

describe('the glyph PBFs of npm run geo:build', () => {
	it('draw the narrow no-break space of French measures ("environ 260 m") and Kazakh letters, in both fonts', () => {
		for (const font of ['Noto Sans Regular', 'Noto Sans SemiBold']) {
			const punctuation = readFileSync(`static/geo/fonts/${font}/8192-8447.pbf`);
			// renaming a glyph to itself throws unless the file holds exactly one glyph with that id
			expect(() => renameGlyph(punctuation, 0x202f, 0x202f)).not.toThrow();
			const cyrillic = readFileSync(`static/geo/fonts/${font}/1024-1279.pbf`);
			for (const letter of 'ҚқӘәҰұ') expect(() => renameGlyph(cyrillic, letter.codePointAt(0)!, letter.codePointAt(0)!)).not.toThrow();
			expect(() => renameGlyph(cyrillic, 0x4fc, 0x4fc)).toThrow(/0 glyphs/);
		}
	});
});
