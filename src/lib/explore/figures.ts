/**
 * Figures for the dashboard's charts: numbers written the reader's way, and
 * the geometry of a horizontal bar chart. Pure. A figure without a value gets
 * no bar (never a made-up one), only its words.
 */
import type { Figure, FigureGroup } from '$lib/schema/figures';
import { formatDay } from './dates';
import type { Lang } from '$lib/i18n/lang';
import { thousands } from '$lib/i18n/punctuation';

export type { Lang };

export function formatNumber(n: number, lang: Lang): string {
	const [int, dec] = String(n).split('.');
	const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, thousands(lang));
	return dec ? `${grouped}${lang === 'fr' ? ',' : '.'}${dec}` : grouped;
}

const QUALIFIER_WORDS: Record<Lang, Record<Figure['qualifier'], string>> = {
	fr: { exact: '', about: 'environ ', 'more-than': 'plus de ', nearly: 'près de ' },
	en: { exact: '', about: 'about ', 'more-than': 'more than ', nearly: 'nearly ' }
};

/** the figure as a short value: "environ 2 500", "more than 3,000", or its words when it has no number */
export function formatValue(f: Figure, lang: Lang): string {
	if (f.value === null) return f.text?.[lang] ?? '';
	return `${QUALIFIER_WORDS[lang][f.qualifier]}${formatNumber(f.value, lang)}`;
}

/** when the figure was given, in words */
export function formatWhen(f: Figure, lang: Lang): string {
	if (f.when) return f.when[lang];
	return f.date ? formatDay(f.date, lang) : '';
}

/** the words of a figure without a number, without their parenthesis: "not published" */
export function shortText(f: Figure, lang: Lang): string {
	return (f.text?.[lang] ?? '').split(' (')[0]!.trim();
}

export interface BarRow {
	figure: Figure;
	/** y of the row's top */
	y: number;
	/** bar length, 0 when there is no value */
	width: number;
	value: string;
}

export interface BarLayout {
	rows: BarRow[];
	height: number;
	/** x where bars start (after the labels) */
	x0: number;
	/** longest possible bar */
	span: number;
	max: number;
}

/** Rows of a horizontal bar chart `width` wide: labels on the left, bars scaled to the largest value. */
export function barLayout(group: FigureGroup, lang: Lang, width = 300, rowHeight = 26, labelWidth = 104, valueRoom = 72): BarLayout {
	const max = Math.max(0, ...group.figures.map((f) => f.value ?? 0));
	const span = Math.max(20, width - labelWidth - valueRoom);
	const rows = group.figures.map((figure, i) => ({
		figure,
		y: i * rowHeight,
		width: figure.value === null || max === 0 ? 0 : Math.max(1, (figure.value / max) * span),
		value: figure.value === null ? shortText(figure, lang) : formatValue(figure, lang)
	}));
	return { rows, height: rows.length * rowHeight, x0: labelWidth, span, max };
}
