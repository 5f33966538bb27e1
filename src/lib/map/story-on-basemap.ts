/**
 * The story on a deployment's own basemap (PUBLIC_BASEMAP_STYLE): its sources
 * and layers added to any MapLibre style, and the label fonts for a style that
 * brings its own glyphs. Fetched by load.ts only when such a basemap is set:
 * the embedded basemap's readers do not carry it (issue 22: the map pages'
 * JavaScript budget). Pure.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { BASEMAP_FONT, BASEMAP_FONT_BOLD, basemapGlyphs, trimSlash } from './basemap-fonts';
import { storyLayers, storySources } from './story-style';
import type { StyleOptions } from './style';

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

/**
 * The style's `font-faces`, for a basemap with its own `glyphs` URL: for each font name, the WOFF2 files (absolute
 * URLs) with the codepoints each covers. MapLibre picks, per character, the
 * first file whose unicode-range covers it, and downloads a file only when a
 * label needs it.
 */
function basemapFontFaces(origin: string): Record<string, { url: string; 'unicode-range'?: string[] }[]> {
	const base = `${trimSlash(origin)}/geo/fonts`;
	const files = (weight: 400 | 600) =>
		(['latin', 'cyrillic', 'cyrillic-ext'] as const).map((subset) => ({
			url: `${base}/noto-sans-${subset}-${weight}-normal.woff2`,
			'unicode-range': RANGES[subset]
		}));
	return { [BASEMAP_FONT]: files(400), [BASEMAP_FONT_BOLD]: files(600) };
}

/**
 * Adds the story's sources and layers on top of any other style (a deployment's
 * OpenStreetMap basemap, see PUBLIC_BASEMAP_STYLE), for MapLibre's
 * `transformStyle`. A style has one `glyphs` URL: one that brings its own keeps
 * it, and the story's labels are drawn from the WOFF2 `font-faces` (its own
 * `font-faces` win); one without gets the app's glyphs.
 */
export function withStoryLayers(base: StyleSpecification, opts: Omit<StyleOptions, 'origin'> & { origin: string }): StyleSpecification {
	const fonts = base.glyphs
		? { 'font-faces': { ...basemapFontFaces(opts.origin), ...((base as { 'font-faces'?: object })['font-faces'] ?? {}) } }
		: { glyphs: basemapGlyphs(opts.origin) };
	return {
		...base,
		...fonts,
		sources: { ...base.sources, ...storySources(opts.layers, opts.origin) },
		layers: [...base.layers, ...storyLayers(opts.layers, opts.lang, opts.theme)]
	} as StyleSpecification;
}
