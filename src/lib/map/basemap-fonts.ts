/**
 * The basemap's label fonts: Noto Sans, as SDF glyph PBFs made at build time
 * (scripts/geo-glyphs.js) under /geo/fonts/<font name>/, the style's `glyphs`
 * URL on the app's own origin (no glyph server). The WOFF2 files beside them
 * serve a deployment's basemap that brings its own glyphs
 * (PUBLIC_BASEMAP_STYLE): there `font-faces` draw the story's labels.
 */
/** Font names for `text-font`. Use one name per stack: each is a folder of glyph PBFs and a set of `font-faces`. */
export const BASEMAP_FONT = 'Noto Sans Regular';
export const BASEMAP_FONT_BOLD = 'Noto Sans SemiBold';

/** Unicode ranges of the @fontsource/noto-sans subsets (its unicode.json). */
const RANGES: Record<'latin' | 'cyrillic' | 'cyrillic-ext', string[]> = {
	latin: [
		'U+0000-00FF',
		'U+0131',
		'U+0152-0153',
		'U+02BB-02BC',
		'U+02C6',
		'U+02DA',
		'U+02DC',
		'U+0304',
		'U+0308',
		'U+0329',
		'U+2000-206F',
		'U+20AC',
		'U+2122',
		'U+2191',
		'U+2193',
		'U+2212',
		'U+2215',
		'U+FEFF',
		'U+FFFD'
	],
	cyrillic: ['U+0301', 'U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116'],
	// Kazakh letters (Қ Ә Ғ Ң Ө Ұ Ү Һ І...) and Tajik ones are in this subset.
	'cyrillic-ext': ['U+0460-052F', 'U+1C80-1C8A', 'U+20B4', 'U+2DE0-2DFF', 'U+A640-A69F', 'U+FE2E-FE2F']
};

/** An origin without its trailing slashes. */
export const trimSlash = (origin: string) => origin.replace(/\/+$/, '');

/**
 * The style's `glyphs` URL: the PBFs of `npm run geo:build` (only the ranges
 * the labels use: a label letter outside them is drawn by the browser, with a
 * warning in the console).
 */
export const basemapGlyphs = (origin: string) => `${trimSlash(origin)}/geo/fonts/{fontstack}/{range}.pbf`;

/**
 * The style's `font-faces`, for a basemap with its own `glyphs` URL: for each font name, the WOFF2 files (absolute
 * URLs) with the codepoints each covers. MapLibre picks, per character, the
 * first file whose unicode-range covers it, and downloads a file only when a
 * label needs it.
 */
export function basemapFontFaces(origin: string): Record<string, { url: string; 'unicode-range'?: string[] }[]> {
	const base = `${trimSlash(origin)}/geo/fonts`;
	const files = (weight: 400 | 600) =>
		(['latin', 'cyrillic', 'cyrillic-ext'] as const).map((subset) => ({
			url: `${base}/noto-sans-${subset}-${weight}-normal.woff2`,
			'unicode-range': RANGES[subset]
		}));
	return { [BASEMAP_FONT]: files(400), [BASEMAP_FONT_BOLD]: files(600) };
}
