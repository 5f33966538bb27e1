import { describe, expect, it } from 'vitest';
import { latestUpdates, type CorrectionEntry } from './entry';
import { almatyTime, updatedLine } from './almaty-time';
import { fieldLabel } from './field-labels';

const entry = (over: Partial<CorrectionEntry>): CorrectionEntry => ({
	id: 'x',
	date: '2026-01-10T12:00:00.000Z',
	rev: 'r',
	note: 'n',
	minor: false,
	story: [],
	steps: [],
	figures: [],
	sources: [],
	features: [],
	...over
});

describe('Almaty time', () => {
	it('is UTC+6 before 1 March 2024 and UTC+5 since (from the time-zone database)', () => {
		expect(almatyTime('2022-01-05T12:00:00Z', 'en')).toBe('5 January 2022 at 18:00');
		expect(almatyTime('2026-12-06T00:42:00Z', 'en')).toBe('6 December 2026 at 05:42');
		expect(almatyTime('2026-12-06T00:42:00Z', 'fr')).toBe('6 décembre 2026 à 05:42');
	});
	it('writes the reader’s line', () => {
		expect(updatedLine({ date: '2026-12-06T00:42:00Z', note: 'Titre corrigé.' }, 'fr')).toBe(
			'Mis à jour le 6 décembre 2026 à 05:42 (heure d’Almaty) — Titre corrigé.'
		);
		expect(updatedLine({ date: '2026-12-06T00:42:00Z', note: 'Title fixed.' }, 'en')).toBe('Updated 6 December 2026 at 05:42 (Almaty time) — Title fixed.');
	});
});

describe('latestUpdates', () => {
	it('gives each step and feature its newest non-minor entry', () => {
		const entries = [
			entry({ id: 'new-minor', date: '2026-03-01T00:00:00Z', minor: true, note: '', steps: [{ id: 'akimat', fields: ['kicker (en)'] }] }),
			entry({
				id: 'old',
				date: '2026-01-01T00:00:00Z',
				note: 'first',
				steps: [{ id: 'akimat', fields: ['title (fr)'] }],
				features: [{ id: 'f', layer: 'l', fields: ['name_en'] }]
			}),
			entry({
				id: 'mid',
				date: '2026-02-01T00:00:00Z',
				note: 'second',
				steps: [
					{ id: 'akimat', fields: ['body (fr)'] },
					{ id: 'gone', fields: ['removed'] }
				]
			})
		];
		const u = latestUpdates(entries, 'en');
		expect(u.steps).toEqual({
			akimat: { date: '2026-02-01T00:00:00Z', note: 'second', entry: 'mid', line: 'Updated 1 February 2026 at 05:00 (Almaty time) — second' }
		});
		expect(u.features).toEqual({
			f: { date: '2026-01-01T00:00:00Z', note: 'first', entry: 'old', line: 'Updated 1 January 2026 at 05:00 (Almaty time) — first' }
		});
		expect(latestUpdates(entries, 'fr').steps.akimat!.line).toBe('Mis à jour le 1 février 2026 à 05:00 (heure d’Almaty) — second');
	});
});

describe('fieldLabel', () => {
	it.each([
		['title (fr)', 'fr', 'titre (français)'],
		['title (fr)', 'en', 'title (French)'],
		['description_en', 'fr', 'description (anglais)'],
		['order of steps', 'en', 'order of the steps'],
		['value', 'fr', 'value']
	] as const)('%s in %s: %s', (field, lang, label) => {
		expect(fieldLabel(field, lang)).toBe(label);
	});
});
