/**
 * The basemap's label fonts: Noto Sans, as SDF glyph PBFs made at build time
 * (scripts/geo-glyphs.js) under /geo/fonts/<font name>/, the style's `glyphs`
 * URL on the app's own origin (no glyph server). The WOFF2 files beside them
 * serve a deployment's basemap that brings its own glyphs
 * (PUBLIC_BASEMAP_STYLE): there `font-faces` draw the story's labels
 * (story-on-basemap.ts).
 */
/** Font names for `text-font`. Use one name per stack: each is a folder of glyph PBFs and a set of `font-faces`. */
export const BASEMAP_FONT = 'Noto Sans Regular';
export const BASEMAP_FONT_BOLD = 'Noto Sans SemiBold';

/** An origin without its trailing slashes. */
export const trimSlash = (origin: string) => origin.replace(/\/+$/, '');

/**
 * The style's `glyphs` URL: the PBFs of `npm run geo:build` (only the ranges
 * the labels use: a label letter outside them is drawn by the browser, with a
 * warning in the console).
 */
export const basemapGlyphs = (origin: string) => `${trimSlash(origin)}/geo/fonts/{fontstack}/{range}.pbf`;
