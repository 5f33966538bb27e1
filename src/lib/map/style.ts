/**
 * Builds the complete MapLibre style in code: the embedded basemap
 * (basemap-style.ts) with the story layers on top. Pure: no maplibre-gl runtime
 * import, so it is unit-tested with the style-spec validator.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { BASEMAP_BACKGROUND, basemapGlyphs, basemapLayers, basemapSources, type Lang, type Theme } from './basemap-style';
import { storyLayers, storySources, type StoryLayerData } from './story-style';
// a deployment's own basemap with the story on top: story-on-basemap.ts (fetched only when one is set)

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
