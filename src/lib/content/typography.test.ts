import type { Lang } from '$lib/i18n/lang';
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, isPair, isScalar, parseDocument, visit } from 'yaml';
import * as realStrings from './../i18n/strings';
import * as realPeriodLabels from './../i18n/period-labels';
import { checkEnglish, checkFrench } from './typography';

const N = '\u202F';
const NB = '\u00A0';

describe('checkFrench', () => {
	it('accepts text set with U+202F, curly apostrophes, « » quotes, grouped numbers, years, times, URLs', () => {
		for (const good of [
			`Total de la force${N}: 2${N}030 militaires${N}; où est-il${N}? Partez${N}!`,
			`Il parle de «${N}coup d’État${N}» en 2022, de 1991 à 1994, vers 16 h 37, à l’échelle 1:50 millions.`,
			`Environ 2,5 millions, 1${N}600 blessés, le 2022-01-05, l’Il-76, 250 unités.`,
			`Voir https://example.org/a:b?x=1234&y='z' pour 12${N}345${N}! Vraiment${N}?!`
		]) {
			expect(checkFrench(good), good).toEqual([]);
		}
	});
	it.each([
		['plain space before ":"', 'Total de la force : 2 030', /before ":" \(found a plain space\) in "… de la force : 2 030"$/],
		['U+00A0 before ";"', `accepte${NB}; des soldats`, /before ";" \(found a no-break space U\+00A0\)/],
		['no space before "?"', 'Où est Nazarbaïev?', /before "\?" \(found no space\)/],
		['plain space before "!"', 'Partez !', /before "!"/],
		['U+00A0 before "»"', `«${N}bientôt${NB}»`, /before "»"/],
		['U+00A0 after "«"', `«${NB}bientôt${N}»`, /after "«" \(found a no-break space U\+00A0\)/],
		['no space after "«"', `«bientôt${N}»`, /after "«" \(found no space\)/],
		['straight apostrophe', "l'akimat", /straight apostrophe/],
		['straight double quote', `un${N}"coup"${N}`, /straight double quote/],
		['ungrouped number', 'environ 2500 hommes', /number "2500" must group thousands with U\+202F \("2\u202F500"\)/],
		['ungrouped 5-digit number', '20000 bandits', /number "20000"/],
		['a count that looks like a year', '2030 militaires', /number "2030" must group thousands/],
		['number grouped with a plain space', 'plus de 1 600 blessés', /thousands in "1 600"/],
		['number grouped with U+00A0', `20${NB}000 bandits`, /thousands in "20\u00A0000"/],
		['time with a colon', 'vers 16:37 selon', /time "16:37" must be written "16 h 37"/],
		['time with a glued h', 'vers 16h37 selon', /time "16h37" must be written "16 h 37"/]
	])('flags %s', (_, text, message) => {
		const problems = checkFrench(text);
		expect(problems.length).toBeGreaterThan(0);
		expect(problems.some((p) => message.test(p)), problems.join('\n')).toBe(true);
	});
	it('quotes the context of each problem', () => {
		expect(checkFrench('Le 10 janvier, Tokaïev chiffre la force : 2 030 militaires et 250 unités')).toEqual([
			'missing narrow no-break space (U+202F) before ":" (found a plain space) in "…fre la force : 2 030 milit…"',
			'thousands in "2 030" must be separated by U+202F, not a plain or U+00A0 space in "… la force : 2 030 militaires …"'
		]);
	});
});

describe('checkEnglish', () => {
	it('accepts curly double quotes, single quotes inside them, curly apostrophes, URLs', () => {
		for (const good of [
			'Tokayev spoke of a “coup”; the country’s largest city.',
			'He said “they called it ‘terrorism’ at once”, in 2,030 words.',
			"See https://example.org/it's?q=\"x\" for 1990s data."
		]) {
			expect(checkEnglish(good), good).toEqual([]);
		}
	});
	it.each([
		['straight double quote', 'a "coup"', /straight double quote/],
		['straight apostrophe', "Almaty's main square", /^straight apostrophe or quote "'" .* in "Almaty's main squar…"$/],
		['‘ ’ as primary quotes', 'from fuel protests to a ‘coup’', /single quote "‘" outside a “…” quote/],
		['‘ after a closed “…” pair', '“a” and ‘b’', /single quote "‘" outside/]
	])('flags %s', (_, text, message) => {
		const problems = checkEnglish(text);
		expect(problems.length).toBeGreaterThan(0);
		expect(problems.some((p) => message.test(p)), problems.join('\n')).toBe(true);
	});
});

// ---- corpus: every string a reader sees ----

type Item = { file: string; line: number; lang: Lang; text: string };

/** QANTAR_TYPO_ROOT points the corpus at another copy of the project (to try a fixer on copies). */
const ROOT = process.env.QANTAR_TYPO_ROOT ?? fileURLToPath(new URL('../../..', import.meta.url));
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');

function yamlItems(rel: string, langOf: (pairKey: unknown) => Lang | null): Item[] {
	const lineCounter = new LineCounter();
	const doc = parseDocument(read(rel), { lineCounter });
	const items: Item[] = [];
	visit(doc, {
		Scalar(key, node, path) {
			if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
			const parent = path[path.length - 1];
			const lang = langOf(isPair(parent) && isScalar(parent.key) ? parent.key.value : undefined);
			if (lang) items.push({ file: rel, line: lineCounter.linePos(node.range[0]).line, lang, text: node.value });
		}
	});
	return items;
}

function geojsonItems(rel: string): Item[] {
	return read(rel)
		.split('\n')
		.flatMap((line, i) => {
			if (!line.startsWith('{"type":"Feature"')) return [];
			const properties: Record<string, unknown> = JSON.parse(line.replace(/,$/, '')).properties ?? {};
			return Object.entries(properties).flatMap(([key, text]) => {
				const lang = key.endsWith('_fr') ? 'fr' : key.endsWith('_en') ? 'en' : null;
				return lang && typeof text === 'string' ? [{ file: rel, line: i + 1, lang, text }] : [];
			});
		});
}

const SAMPLE_DATE: Record<Lang, string> = { fr: '5 janvier 2022', en: '5 January 2022' };

/** the strings of the objects in `rel`, each with its language and the declaration it starts at (for its line) */
function stringsItems(rel: string, objects: [unknown, Lang, string][]): Item[] {
	const source = read(rel);
	const lineOf = (text: string, from: number, sample: string[]) => {
		const pieces = sample.reduce((parts, s) => parts.flatMap((p) => p.split(s)), [text]);
		for (const piece of pieces.sort((a, b) => b.length - a.length)) {
			for (const len of [piece.length, 30, 15, 8]) {
				for (const sub of [piece.slice(0, len), piece.slice(-len)]) {
					const at = sub.trim().length >= 4 ? source.indexOf(sub, from) : -1;
					if (at >= 0) return source.slice(0, at).split('\n').length;
				}
			}
		}
		return 1;
	};
	return objects.flatMap(([object, lang, declaration]) => {
		const from = Math.max(0, source.indexOf(declaration));
		const texts: string[] = [];
		const walk = (value: unknown): void => {
			if (typeof value === 'string') texts.push(value);
			else if (typeof value === 'function') texts.push(value.length === 1 ? value(3) : value(SAMPLE_DATE[lang], 3));
			else if (value && typeof value === 'object') Object.values(value).forEach(walk);
		};
		walk(object);
		return texts.map((text) => ({ file: rel, line: lineOf(text, from, [SAMPLE_DATE[lang], '3']), lang, text }));
	});
}

const strings: typeof realStrings = process.env.QANTAR_TYPO_ROOT
	? await import(/* @vite-ignore */ join(ROOT, 'src/lib/i18n/strings.ts'))
	: realStrings;
const periodLabels: typeof realPeriodLabels = process.env.QANTAR_TYPO_ROOT
	? await import(/* @vite-ignore */ join(ROOT, 'src/lib/i18n/period-labels.ts'))
	: realPeriodLabels;

function corpus(): Item[] {
	const geo = readdirSync(join(ROOT, 'static/geo')).filter((f) => f.endsWith('.geojson'));
	// content/sources.yaml, if it exists, is skipped: titles are quoted as published.
	return [
		...yamlItems('content/story.fr.yaml', () => 'fr'),
		...yamlItems('content/story.en.yaml', () => 'en'),
		...yamlItems('content/figures.yaml', (k) => (k === 'fr' || k === 'en' ? k : null)),
		...geo.flatMap((f) => geojsonItems(`static/geo/${f}`)),
		...stringsItems('src/lib/i18n/strings.ts', [
			[strings.STRINGS.fr, 'fr', 'const fr '],
			[strings.STRINGS.en, 'en', 'const en'],
			[strings.EXPLORE_STRINGS.fr, 'fr', 'const exploreFr'],
			[strings.EXPLORE_STRINGS.en, 'en', 'const exploreEn']
		]),
		...stringsItems('src/lib/i18n/period-labels.ts', [
			[periodLabels.PERIOD_LABELS.fr, 'fr', 'PERIOD_LABELS'],
			[periodLabels.PERIOD_LABELS.en, 'en', 'PERIOD_LABELS']
		])
	];
}

describe('corpus', () => {
	const items = corpus();
	it('reads every kind of copy (so the check below cannot pass on nothing)', () => {
		for (const file of ['content/story.fr.yaml', 'content/story.en.yaml', 'static/geo/csto-airlift.geojson', 'src/lib/i18n/strings.ts']) {
			expect(items.filter((i) => i.file === file).length, file).toBeGreaterThan(10);
		}
		expect(items.filter((i) => i.file === 'src/lib/i18n/period-labels.ts').length).toBe(6);
		expect(new Set(items.map((i) => i.lang))).toEqual(new Set(['fr', 'en']));
	});
	it('every string a reader sees follows the house typography', () => {
		const problems = items.flatMap((item) =>
			(item.lang === 'fr' ? checkFrench : checkEnglish)(item.text).map((message) => `${item.file}:${item.line}: ${message}`)
		);
		if (problems.length > 0) expect.fail(`${problems.length} typography problems:\n${problems.join('\n')}`);
	});
});
