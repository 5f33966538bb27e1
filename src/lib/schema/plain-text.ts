/**
 * Characters a short label must not hold: what a reader cannot see but that
 * changes what a text is or how it reads. One rule for feature names, embed
 * titles and anything else shown as a one-line label. Pure, browser-safe.
 *
 * - C0 and C1 controls (NUL, escape, line feed…), and the line and paragraph
 *   separators U+2028/U+2029;
 * - bidirectional formatting: embeddings and overrides U+202A–U+202E, isolates
 *   U+2066–U+2069, and the marks LRM/RLM (U+200E/F) and ALM (U+061C), which can
 *   make "txt.exe" read "exe.txt";
 * - invisible characters: zero-width space, non-joiner and joiner
 *   (U+200B–U+200D), word joiner and invisible operators (U+2060–U+2064), the
 *   byte order mark U+FEFF, soft hyphen U+00AD, and the tag characters
 *   U+E0000–U+E007F, with which two different ids or names look the same.
 */
/* eslint-disable no-control-regex -- control characters are what these rules find */
export const LABEL_FORBIDDEN =
	/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]/u;

/** For longer texts (descriptions): the same, but line breaks and tabs are allowed, and joiners (some scripts need them). */
export const TEXT_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]/u;
/* eslint-enable no-control-regex */

/** The first forbidden character of a label, written as U+XXXX with its position, or null. */
export function forbiddenInLabel(text: string, rule: RegExp = LABEL_FORBIDDEN): string | null {
	const m = rule.exec(text);
	if (!m) return null;
	const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
	return `U+${code} at character ${[...text.slice(0, m.index)].length + 1}`;
}
