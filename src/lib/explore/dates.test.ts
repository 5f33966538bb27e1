import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { addDays, dateStatus, dayToShow, formatFeatureDate, isShown, isUncertain, sortByDate, timelineDays, widen } from './dates';

const day = (start: string, extra: object = {}) => ({ start, date_precision: 'day' as const, confidence: 'high' as const, ...extra });

describe('timeline days', () => {
	it('runs from 1 to 20 January 2022, one step a day', () => {
		const days = timelineDays();
		expect(days).toHaveLength(20);
		expect(days[0]).toBe('2022-01-01');
		expect(days.at(-1)).toBe('2022-01-20');
		expect(addDays('2022-01-31', 1)).toBe('2022-02-01');
	});
});

describe('date filtering', () => {
	it('shows an undated feature on every day', () => {
		expect(dateStatus({ confidence: 'high' }, '2022-01-01')).toBe('undated');
		expect(isShown({ confidence: 'high' }, '2022-01-20')).toBe(true);
	});
	it('shows a day-precise feature from its start on, not before', () => {
		const f = day('2022-01-05');
		expect(isShown(f, '2022-01-04')).toBe(false);
		expect(dateStatus(f, '2022-01-04')).toBe('before');
		expect(isShown(f, '2022-01-05')).toBe(true);
		expect(isShown(f, '2022-01-20')).toBe(true);
		expect(isUncertain(f, '2022-01-05')).toBe(false);
	});
	it('hides a ranged feature after its end, ends included', () => {
		const f = day('2022-01-06', { end: '2022-01-14' });
		expect(isShown(f, '2022-01-05')).toBe(false);
		expect(isShown(f, '2022-01-06')).toBe(true);
		expect(isShown(f, '2022-01-14')).toBe(true);
		expect(dateStatus(f, '2022-01-15')).toBe('after');
	});
	it('widens a month-precise date to the whole month and draws it as uncertain', () => {
		expect(widen('2022-01-15', 'month')).toEqual({ earliest: '2022-01-01', latest: '2022-01-31' });
		expect(widen('2022-02-03', 'month').latest).toBe('2022-02-28');
		const f = day('2022-01-15', { date_precision: 'month' });
		expect(isShown(f, '2022-01-01')).toBe(true);
		expect(dateStatus(f, '2022-01-10')).toBe('maybe');
		expect(isUncertain(f)).toBe(true);
		expect(isShown(f, '2021-12-31')).toBe(false);
	});
	it('widens an approximate date by a few days either side', () => {
		const f = day('2022-01-10', { date_precision: 'approximate' });
		expect(isShown(f, '2022-01-06')).toBe(false);
		expect(dateStatus(f, '2022-01-07')).toBe('maybe');
		expect(dateStatus(f, '2022-01-13')).toBe('shown');
	});
	it('widens a ranged feature’s end by its precision too', () => {
		const f = day('2022-01-02', { end: '2022-01-10', date_precision: 'approximate' });
		expect(isShown(f, '2022-01-13')).toBe(true);
		expect(dateStatus(f, '2022-01-12')).toBe('maybe');
		expect(isShown(f, '2022-01-14')).toBe(false);
	});
	it('a year-precise date covers the year', () => {
		expect(widen('2022-06-01', 'year')).toEqual({ earliest: '2022-01-01', latest: '2022-12-31' });
	});
	it('draws a feature below high confidence as uncertain, dated or not', () => {
		expect(isUncertain(day('2022-01-05', { confidence: 'medium' }))).toBe(true);
		expect(isUncertain({ confidence: 'low' })).toBe(true);
		expect(isUncertain({ confidence: 'high' })).toBe(false);
	});
	it('the day to show a feature on is the latest its start may be, within the timeline', () => {
		expect(dayToShow(day('2022-01-05'))).toBe('2022-01-05');
		expect(dayToShow(day('2022-01-15', { date_precision: 'month' }))).toBe('2022-01-20');
		expect(dayToShow(day('2021-12-20'))).toBe('2022-01-01');
	});
	it('sorts dated features by start, then end, and leaves the undated out', () => {
		const fs = [
			{ id: 'c', properties: day('2022-01-05') },
			{ id: 'u', properties: { confidence: 'high' as const } },
			{ id: 'a', properties: day('2022-01-02', { end: '2022-01-09' }) },
			{ id: 'b', properties: day('2022-01-02') }
		];
		expect(sortByDate(fs).map((f) => f.id)).toEqual(['b', 'a', 'c']);
	});
	it('writes dates with their precision', () => {
		expect(formatFeatureDate(day('2022-01-05'), 'fr')).toBe('5 janvier 2022');
		expect(formatFeatureDate(day('2022-01-01'), 'fr')).toBe('1er janvier 2022');
		expect(formatFeatureDate(day('2022-01-06', { end: '2022-01-14' }), 'en')).toBe('6–14 January 2022');
		expect(formatFeatureDate(day('2022-01-06', { end: '2022-01-14' }), 'fr')).toBe('du 6 au 14 janvier 2022');
		expect(formatFeatureDate(day('2022-01-10', { date_precision: 'approximate' }), 'en')).toBe('around 10 January 2022');
		expect(formatFeatureDate(day('2022-01-10', { date_precision: 'month' }), 'fr')).toBe('janvier 2022');
	});
});

describe('the story layers on 4 January', () => {
	it('show the cities that rose by then and none of the later ones', () => {
		const fc = JSON.parse(readFileSync('static/geo/protest-cities.geojson', 'utf8'));
		const on = fc.features
			.filter((f: { properties: Parameters<typeof isShown>[0] }) => isShown(f.properties, '2022-01-04'))
			.map((f: { properties: { id: string } }) => f.properties.id);
		// the story's "spread" step (4 January) names these cities: the timeline must not hide them that day (audit D6-D7)
		expect(on).toEqual(expect.arrayContaining(['zhanaozen', 'aktau', 'atyrau', 'uralsk', 'aktobe', 'kyzylorda', 'shymkent', 'taraz', 'nur-sultan']));
		expect(on).not.toContain('taldykorgan');
		const almaty = JSON.parse(readFileSync('static/geo/almaty-sites.geojson', 'utf8')).features.find(
			(f: { properties: { id: string } }) => f.properties.id === 'almaty'
		);
		expect(isShown(almaty.properties, '2022-01-04')).toBe(true);
	});
});
