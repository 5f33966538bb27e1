import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { FiguresError, parseFigures } from './figures';
import { barLayout, formatValue } from '$lib/explore/figures';

const raw = () => parse(readFileSync('content/figures.yaml', 'utf8'));

describe('content/figures.yaml', () => {
	it('validates against its schema', () => {
		expect(() => parseFigures(raw())).not.toThrow();
	});
	it('holds the figures of the fact sheet, each with who, when and what it rests on', () => {
		const f = parseFigures(raw());
		const all = new Map(f.groups.flatMap((g) => g.figures.map((x) => [x.id, x])));
		expect(all.get('contingent-armenia')?.value).toBe(100);
		expect(all.get('contingent-tajikistan')?.value).toBe(200);
		expect(all.get('contingent-kyrgyzstan')?.value).toBe(150);
		expect(all.get('contingent-russia')?.value).toBeNull();
		expect(all.get('contingent-belarus')?.value).toBeNull();
		expect(all.get('total-tokayev')?.value).toBe(2030);
		expect(['detained-7', 'detained-9', 'detained-10', 'detained-11'].map((id) => all.get(id)?.value)).toEqual([3000, 5800, 7939, 10000]);
		for (const x of all.values()) {
			expect(x.who.fr && x.who.en, x.id).toBeTruthy();
			expect(x.date ?? x.when, x.id).toBeTruthy();
		}
	});
	it('keeps the security forces’ deaths apart from the total toll (two series, never one chart)', () => {
		const groups = new Map(parseFigures(raw()).groups.map((g) => [g.id, g]));
		expect(groups.get('toll-security')!.figures.map((x) => [x.date, x.value])).toEqual([
			['2022-01-06', 18],
			['2022-01-10', 16],
			['2022-01-15', 19]
		]);
		const total = groups.get('toll-total')!.figures;
		expect(total.map((x) => x.value)).toEqual([null, null, 225, 230, 238]);
		// the disowned 164 is words, never a bar
		expect(total[0]!.text?.en).toMatch(/^164 \(.*disowned/);
		expect(total.filter((x) => x.period === 'dispatch').map((x) => x.id)).toEqual(['toll-dozens']);
	});
	it('rejects a figure without a source, naming the group and the figure', () => {
		const broken = raw();
		broken.groups[2].figures[2].sources = [];
		expect(() => parseFigures(broken)).toThrow(FiguresError);
		try {
			parseFigures(broken);
		} catch (e) {
			expect((e as FiguresError).problems).toEqual([
				'content/figures.yaml › group 3 ("toll-security") › figure 3 ("toll-security-19") › sources: needs at least one source id (from content/sources.yaml)'
			]);
		}
	});
	it('rejects a figure with no number and no words for it', () => {
		const broken = raw();
		delete broken.groups[0].figures[0].text;
		expect(() => parseFigures(broken)).toThrow(/figure 1 \("contingent-russia"\) › text: is required when value is null/);
	});
	it('rejects an id used twice', () => {
		const broken = raw();
		broken.groups[1].figures[0].id = 'contingent-armenia';
		expect(() => parseFigures(broken)).toThrow(/the id is used twice/);
	});
});

describe('bar charts', () => {
	it('scale bars to the largest value and give none to an unpublished figure', () => {
		const group = parseFigures(raw()).groups[0]!;
		const l = barLayout(group, 'en', 300);
		const w = Object.fromEntries(l.rows.map((r) => [r.figure.id, r.width]));
		expect(w['contingent-russia']).toBe(0);
		expect(w['contingent-tajikistan']).toBeCloseTo(l.span);
		expect(w['contingent-armenia']).toBeCloseTo(l.span / 2);
		expect(l.rows[0]!.value).toBe('not published');
	});
	it('write numbers the reader’s way', () => {
		const f = parseFigures(raw()).groups.find((g) => g.id === 'detentions')!.figures;
		expect(formatValue(f[0]!, 'en')).toBe('more than 3,000');
		expect(formatValue(f[3]!, 'fr')).toBe('près de 10\u202f000');
		expect(formatValue(f[2]!, 'fr')).toBe('7\u202f939');
	});
});
