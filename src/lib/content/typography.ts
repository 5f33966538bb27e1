/**
 * Typography checks for the reader's copy (story, figures, map layers, interface strings).
 * French: narrow no-break space U+202F before ; : ! ? » and after «, curly apostrophe, « » quotes,
 * thousands grouped with U+202F, times written "16 h 37". English: “ ” quotes, ‘ ’ only inside them,
 * curly apostrophe. Pure functions: each returns one human message per problem, quoting its context.
 */

const NNBSP = '\u202F';
const URL = /https?:\/\/\S+/g;
/** A digit run that is not part of an id, a date like 2022-01-02, a path or a decimal fraction. */
const NUMBER_BEFORE = String.raw`(?<![\p{L}\p{N}_\-/#]|\p{N}[.,])`;
const NUMBER_AFTER = String.raw`(?![\p{L}\p{N}_\-/])`;
const UNGROUPED = new RegExp(`${NUMBER_BEFORE}\\d{4,}${NUMBER_AFTER}`, 'gu');
const GROUPED = new RegExp(`${NUMBER_BEFORE}\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+(?![\\p{N}])`, 'gu');

/** The text with every URL blanked out (same length, so indices still point into the original). */
function maskUrls(text: string): string {
	return text.replace(URL, (url) => '_'.repeat(url.length));
}

/** About 12 characters either side of a problem, in quotes, with ellipses where the text goes on. */
export function context(text: string, index: number, length = 1): string {
	const start = Math.max(0, index - 12);
	const end = Math.min(text.length, index + length + 12);
	return `"${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}"`;
}

function describeSpace(space: string): string {
	if (space === ' ') return 'found a plain space';
	if (space === '\u00A0') return 'found a no-break space U+00A0';
	return 'found no space';
}

function group(digits: string): string {
	return digits.replace(/\B(?=(\d{3})+$)/g, NNBSP);
}

/** Years stand ungrouped: 1900–2029 (the story's span with room), so "2030 soldats" is still caught. */
function isYear(digits: string): boolean {
	return digits.length === 4 && Number(digits) >= 1900 && Number(digits) <= 2029;
}

export function checkFrench(text: string): string[] {
	const t = maskUrls(text);
	const found: { index: number; message: string }[] = [];
	const add = (index: number, length: number, problem: string) =>
		found.push({ index, message: `${problem} in ${context(text, index, length)}` });

	for (const m of t.matchAll(/([ \u00A0\u202F]?)([;:!?»])/g)) {
		const [whole, space = '', mark = ''] = m;
		const at = m.index + space.length;
		if (space === NNBSP) continue;
		if (mark === ':' && /\d/.test(t[at - 1] ?? '') && /\d/.test(t[at + 1] ?? '')) continue; // a time: see below
		if (space === '' && mark !== '»' && /[!?]/.test(t[at - 1] ?? '')) continue; // "?!"
		add(m.index, whole.length, `missing narrow no-break space (U+202F) before "${mark}" (${describeSpace(space)})`);
	}
	for (const m of t.matchAll(/«([ \u00A0\u202F]?)/g)) {
		const space = m[1] ?? '';
		if (space !== NNBSP) add(m.index, m[0].length, `missing narrow no-break space (U+202F) after "«" (${describeSpace(space)})`);
	}
	for (const m of t.matchAll(/'/g)) add(m.index, 1, `straight apostrophe "'" (use ’)`);
	for (const m of t.matchAll(/"/g)) add(m.index, 1, 'straight double quote \'"\' (use « » with U+202F inside)');
	for (const m of t.matchAll(UNGROUPED)) {
		if (!isYear(m[0])) add(m.index, m[0].length, `number "${m[0]}" must group thousands with U+202F ("${group(m[0])}")`);
	}
	for (const m of t.matchAll(GROUPED)) {
		if (/[ \u00A0]/.test(m[0])) add(m.index, m[0].length, `thousands in "${m[0]}" must be separated by U+202F, not a plain or U+00A0 space`);
	}
	for (const m of t.matchAll(/(?<![\p{N}\p{L}])(\d\d(?=:)|\d\d?(?=h))[:h](\d\d)(?!\p{N})/gu)) {
		add(m.index, m[0].length, `time "${m[0]}" must be written "${m[1]} h ${m[2]}"`);
	}
	return found.sort((a, b) => a.index - b.index).map((f) => f.message);
}

export function checkEnglish(text: string): string[] {
	const t = maskUrls(text);
	const found: { index: number; message: string }[] = [];
	const add = (index: number, problem: string) => found.push({ index, message: `${problem} in ${context(text, index)}` });

	let inDouble = false;
	for (let i = 0; i < t.length; i++) {
		const c = t[i];
		if (c === '“') inDouble = true;
		else if (c === '”') inDouble = false;
		else if (c === '"') add(i, 'straight double quote \'"\' (use “ ”)');
		else if (c === "'") add(i, `straight apostrophe or quote "'" (use ’, or “ ” for a quote)`);
		else if (c === '‘' && !inDouble) add(i, 'single quote "‘" outside a “…” quote (use “ ” for a quote; ‘ ’ only inside one)');
	}
	return found.map((f) => f.message);
}
