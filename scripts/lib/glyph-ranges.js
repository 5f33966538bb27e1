// Which glyph ranges the basemap's label fonts need, read from the data the map labels
// (scripts/geo-glyphs.js). Pure: no files, no fonts.

/** A glyph PBF holds 256 codepoints: range k is k*256 .. k*256+255 (MapLibre's `{range}`). */
export const RANGE_SIZE = 256;

/**
 * Codepoints written whatever the data holds, so that a name an editor types later in French,
 * English, Kazakh or Russian is drawn from the build's glyphs too: printable ASCII, French letters
 * and quotes, Russian Cyrillic (0400–045F), Kazakh's own letters (Ғ Қ Ң Ү Ұ Һ Ә Ө), the usual
 * punctuation.
 * Not every letter of each block: a range's file is downloaded whole by every reader whose map
 * shows one of its letters, and all of Cyrillic (0400–04FF) is 73 KB gzip per font.
 */
export const ALWAYS = [
	...span(0x20, 0x7e),
	...[...'\u00a0«»°·ÀÂÆÇÈÉÊËÎÏÔÙÛÜàâæçèéêëîïôùûüÿŒœŸ'].map((c) => /** @type {number} */ (c.codePointAt(0))),
	...span(0x400, 0x45f),
	...[0x492, 0x493, 0x49a, 0x49b, 0x4a2, 0x4a3, 0x4ae, 0x4af, 0x4b0, 0x4b1, 0x4ba, 0x4bb, 0x4d8, 0x4d9, 0x4e8, 0x4e9],
	...span(0x2010, 0x2027),
	...span(0x2030, 0x203a)
];

/**
 * Letters Noto Sans lacks, drawn with one it has: the narrow no-break space of French
 * typography ("environ 260 m", src/lib/story/measure.ts) as a thin space. Without it the label
 * would lose its space (a missing glyph takes no room).
 * @type {Record<number, number>}
 */
export const ALIASES = { 0x202f: 0x2009 };

/** @param {number} a @param {number} b */
function span(a, b) {
	return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/**
 * Codepoints MapLibre never asks the glyphs URL for (src/render/glyph_manager.ts): those it draws
 * with the reader's own fonts (CJK and other ideographs, Hangul, kana) and scripts that need
 * shaping (Arabic, Indic...). A range only they use is not written.
 */
export const drawnLocally = (cp) =>
	(cp >= 0x0590 && cp <= 0x08ff) || // Hebrew, Arabic, Syriac, Thaana, N'Ko...
	(cp >= 0x0900 && cp <= 0x0dff) || // Indic scripts
	(cp >= 0x1100 && cp <= 0x11ff) || // Hangul Jamo
	(cp >= 0x2e80 && cp <= 0x9fff) || // CJK radicals, kana, CJK ideographs
	(cp >= 0xa960 && cp <= 0xd7ff) || // Hangul
	(cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
	(cp >= 0xfb50 && cp <= 0xfdff) || // Arabic presentation forms A
	(cp >= 0xfe70 && cp <= 0xfeff && cp !== 0xfeff) || // Arabic presentation forms B
	cp >= 0x20000; // CJK extensions

/**
 * Every codepoint of the label text in `values`: strings, and strings nested in arrays and
 * objects (GeoJSON properties, YAML tables), keys left out.
 * @param {unknown[]} values
 * @returns {Set<number>}
 */
export function codepointsOf(values) {
	const out = new Set();
	/** @param {unknown} v */
	const walk = (v) => {
		if (typeof v === 'string') for (const ch of v) out.add(/** @type {number} */ (ch.codePointAt(0)));
		else if (Array.isArray(v)) v.forEach(walk);
		else if (v && typeof v === 'object') Object.values(v).forEach(walk);
	};
	values.forEach(walk);
	return out;
}

/**
 * The glyphs to write, by range: ALWAYS plus every codepoint the labels use that MapLibre fetches
 * (not drawn locally), each as runs of consecutive codepoints `[first, last]`, ranges sorted.
 * @param {Iterable<number>} codepoints
 * @returns {Map<number, [number, number][]>}
 */
export function glyphRanges(codepoints) {
	const wanted = [...new Set([...ALWAYS, ...Object.keys(ALIASES).map(Number), ...[...codepoints].filter((cp) => cp > 0x1f && !drawnLocally(cp))])].sort(
		(a, b) => a - b
	);
	/** @type {Map<number, [number, number][]>} */
	const out = new Map();
	for (const cp of wanted) {
		const k = Math.floor(cp / RANGE_SIZE);
		const runs = out.get(k) ?? out.set(k, []).get(k);
		const last = runs?.at(-1);
		if (last && last[1] === cp - 1) last[1] = cp;
		else runs?.push([cp, cp]);
	}
	return out;
}

/** MapLibre's file name of range k: "0-255", "1024-1279"... */
export const rangeName = (k) => `${k * RANGE_SIZE}-${k * RANGE_SIZE + RANGE_SIZE - 1}`;

/**
 * A one-glyph PBF of fontnik (glyphs > fontstack > glyph) with its glyph's id changed from `from`
 * to `to`, for ALIASES. Both ids must take as many varint bytes (the message lengths stay).
 * @param {Uint8Array} pbf @param {number} from @param {number} to
 */
export function renameGlyph(pbf, from, to) {
	const out = Uint8Array.from(pbf);
	const varint = (/** @type {number} */ p) => {
		let v = 0;
		let shift = 0;
		let b;
		do {
			b = /** @type {number} */ (out[p++]);
			v += (b & 0x7f) * 2 ** shift;
			shift += 7;
		} while (b & 0x80);
		return { v, end: p };
	};
	const encode = (/** @type {number} */ v) => {
		const bytes = [];
		do {
			bytes.push((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
			v = Math.floor(v / 128);
		} while (v);
		return bytes;
	};
	// fields of a message from p to end: [field, wire type, payload start, payload end]
	const fields = (/** @type {number} */ p, /** @type {number} */ end) => {
		const list = [];
		while (p < end) {
			const key = varint(p);
			const field = Math.floor(key.v / 8);
			const wire = key.v & 7;
			if (wire === 2) {
				const len = varint(key.end);
				list.push([field, wire, len.end, len.end + len.v]);
				p = len.end + len.v;
			} else if (wire === 0) {
				const val = varint(key.end);
				list.push([field, wire, key.end, val.end]);
				p = val.end;
			} else throw new Error(`glyph PBF: wire type ${wire} not expected at byte ${p}`);
		}
		return list;
	};
	let renamed = 0;
	for (const [f1, , s1, e1] of fields(0, out.length))
		if (f1 === 1)
			for (const [f2, , s2, e2] of fields(s1, e1))
				if (f2 === 3)
					for (const [f3, w3, s3, e3] of fields(s2, e2))
						if (f3 === 1 && w3 === 0 && varint(s3).v === from) {
							const bytes = encode(to);
							if (bytes.length !== e3 - s3) throw new Error(`glyph PBF: U+${to.toString(16)} does not fit where U+${from.toString(16)} was`);
							out.set(bytes, s3);
							renamed++;
						}
	if (renamed !== 1) throw new Error(`glyph PBF: ${renamed} glyphs U+${from.toString(16)} found, expected one`);
	return out;
}
