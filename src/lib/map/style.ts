/**
 * Builds the complete MapLibre style in code: the embedded basemap
 * (basemap-style.ts) with the story layers on top. Pure: no maplibre-gl runtime
 * import, so it is unit-tested with the style-spec validator.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { BASEMAP_BACKGROUND, basemapFontFaces, basemapGlyphs, basemapLayers, basemapSources, type Lang, type Theme } from './basemap-style';
import { storyLayers, storySources, type StoryLayerData } from './story-style';

export interface StyleOptions {
	/** absolute origin the app is served from, e.g. "http://localhost:4173" */
	origin: string;
	lang: Lang;
	theme: Theme;
	layers: StoryLayerData[];
}

export function buildStyle({ origin, lang, theme, layers }: StyleOptions): StyleSpecification {
	const style = {
		version: 8 as const,
		name: `Qantar ${theme}`,
		glyphs: basemapGlyphs(origin),
		sources: { ...basemapSources(origin), ...storySources(layers, origin) },
		layers: [
			{ id: 'background', type: 'background' as const, paint: { 'background-color': BASEMAP_BACKGROUND[theme] } },
			...basemapLayers({ lang, theme }),
			...storyLayers(layers, lang, theme)
		]
	};
	return style as StyleSpecification;
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
