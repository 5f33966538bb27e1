/**
 * The explore timeline: which dated features the map shows on a given day, and
 * which it draws as uncertain. Pure. Dates are ISO days (YYYY-MM-DD), compared
 * as strings after widening each feature's start and end by its precision:
 * a "month" date may be any day of that month, a "year" date any day of that
 * year, an "approximate" date a few days either side.
 */
import type { FeatureProperties } from '$lib/schema/feature';
import type { Lang } from '$lib/i18n/lang';

/** the timeline's range: the twenty days of the unrest and its aftermath */
export const TIMELINE = { start: '2022-01-01', end: '2022-01-20' } as const;
/** the day the AFP dispatch was written: where the timeline opens */
export const DEFAULT_DATE = '2022-01-10';
/** how far either side an "approximate" date may lie */
export const APPROXIMATE_DAYS = 3;

export type Precision = NonNullable<FeatureProperties['date_precision']>;
type Dated = Pick<FeatureProperties, 'start' | 'end' | 'date_precision' | 'confidence'>;

const DAY_MS = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
	return fromMs(toMs(day) + n * DAY_MS);
}

/** every day of the timeline, in order */
export function timelineDays(start: string = TIMELINE.start, end: string = TIMELINE.end): string[] {
	const out: string[] = [];
	for (let d = start; d <= end; d = addDays(d, 1)) out.push(d);
	return out;
}

export function isIsoDay(s: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(toMs(s)) && fromMs(toMs(s)) === s;
}

/** The earliest and latest days a date written `day` with `precision` may stand for. */
export function widen(day: string, precision: Precision): { earliest: string; latest: string } {
	switch (precision) {
		case 'day':
			return { earliest: day, latest: day };
		case 'month': {
			const [y, m] = day.split('-').map(Number) as [number, number];
			const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
			return { earliest: `${day.slice(0, 7)}-01`, latest: last };
		}
		case 'year':
			return { earliest: `${day.slice(0, 4)}-01-01`, latest: `${day.slice(0, 4)}-12-31` };
		case 'approximate':
			return { earliest: addDays(day, -APPROXIMATE_DAYS), latest: addDays(day, APPROXIMATE_DAYS) };
	}
}

export type DateStatus =
	/** no date: always shown (countries, capitals) */
	| 'undated'
	/** not yet begun on that day */
	| 'before'
	/** shown: certainly begun (and not ended) */
	| 'shown'
	/** shown, but the day falls inside the uncertainty of its start or end */
	| 'maybe'
	/** over by that day */
	| 'after';

/** Where a feature stands on `day`: a feature is shown from the earliest day its start may be to the latest day its end may be. */
export function dateStatus(p: Dated, day: string): DateStatus {
	if (!p.start) return 'undated';
	const precision = p.date_precision ?? 'day';
	const s = widen(p.start, precision);
	const e = p.end ? widen(p.end, precision) : undefined;
	if (day < s.earliest) return 'before';
	if (e && day > e.latest) return 'after';
	if (day < s.latest || (e && day > e.earliest)) return 'maybe';
	return 'shown';
}

export function isShown(p: Dated, day: string): boolean {
	const s = dateStatus(p, day);
	return s === 'undated' || s === 'shown' || s === 'maybe';
}

/** Drawn as uncertain (hollow, dashed): an imprecise date, a confidence below high, or a day inside a date's uncertainty. */
export function isUncertain(p: Dated, day?: string): boolean {
	if (p.confidence !== 'high') return true;
	if (p.start && (p.date_precision ?? 'day') !== 'day') return true;
	return day !== undefined && dateStatus(p, day) === 'maybe';
}

/** Dated features sorted by start (then end, then the given tie-breaker, e.g. name). */
export function sortByDate<T extends { properties: Dated }>(items: T[], tie: (a: T, b: T) => number = () => 0): T[] {
	return items
		.filter((f) => !!f.properties.start)
		.sort((a, b) => {
			const sa = a.properties.start!;
			const sb = b.properties.start!;
			if (sa !== sb) return sa < sb ? -1 : 1;
			const ea = a.properties.end ?? sa;
			const eb = b.properties.end ?? sb;
			if (ea !== eb) return ea < eb ? -1 : 1;
			return tie(a, b);
		});
}

/** the day a reader should see a feature on: its start, within the timeline */
export function dayToShow(p: Dated): string {
	if (!p.start) return DEFAULT_DATE;
	const d = widen(p.start, p.date_precision ?? 'day').latest;
	return d < TIMELINE.start ? TIMELINE.start : d > TIMELINE.end ? TIMELINE.end : d;
}

const MONTHS = {
	fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
} as const;

/** "4 janvier 2022" / "4 January 2022" (no Intl: the same on server and client) */
export function formatDay(day: string, lang: Lang, withYear = true): string {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const dd = lang === 'fr' && d === 1 ? '1er' : String(d);
	return `${dd} ${MONTHS[lang][m - 1]}${withYear ? ` ${y}` : ''}`;
}

/** A feature's date as written for readers, with its precision: "vers le 5 janvier 2022", "January 2022", "6–19 January 2022". */
export function formatFeatureDate(p: Dated, lang: Lang): string {
	if (!p.start) return '';
	const precision = p.date_precision ?? 'day';
	const one = (day: string) => {
		const [y, m] = day.split('-').map(Number) as [number, number];
		if (precision === 'year') return String(y);
		if (precision === 'month') return `${MONTHS[lang][m - 1]} ${y}`;
		const f = formatDay(day, lang);
		return precision === 'approximate' ? (lang === 'fr' ? `vers le ${f}` : `around ${f}`) : f;
	};
	if (!p.end || p.end === p.start) return one(p.start);
	if (precision === 'day' && p.start.slice(0, 7) === p.end.slice(0, 7)) {
		const a = formatDay(p.start, lang, false).split(' ')[0];
		return lang === 'fr' ? `du ${a} au ${formatDay(p.end, lang)}` : `${a}–${formatDay(p.end, lang)}`;
	}
	return lang === 'fr' ? `du ${one(p.start)} au ${one(p.end)}` : `${one(p.start)} – ${one(p.end)}`;
}
