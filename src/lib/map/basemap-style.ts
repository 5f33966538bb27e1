/**
 * The embedded offline basemap: MapLibre sources and layers drawn from the
 * GeoJSON files that scripts/geo-basemap.js builds under static/geo/basemap/,
 * with labels in Noto Sans from glyph PBFs made at build time on the app's
 * own origin (basemap-fonts.ts; no glyph server). Pure data: only types are imported from maplibre-gl.
 *
 * Layer ids all start with "base-"; source ids too. The caller adds the
 * background layer (colour in BASEMAP_BACKGROUND: it is the sea colour).
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

export type Theme = 'light' | 'dark';
export type { Lang } from '$lib/i18n/lang';
import type { Lang } from '$lib/i18n/lang';

export { BASEMAP_FONT, BASEMAP_FONT_BOLD, basemapGlyphs } from './basemap-fonts';
import { BASEMAP_FONT, BASEMAP_FONT_BOLD } from './basemap-fonts';
export { basemapSources } from './basemap-sources';
import { SRC } from './basemap-sources';
export { BASEMAP_BACKGROUND } from './basemap-palette';
import { PALETTES, type Palette } from './basemap-palette';

const SWITCH_ZOOM = 3.5;

/**
 * City tiers, 1 = shown first. Capitals and Kazakh cities get in earlier than
 * foreign towns of the same size: this is a map about Kazakhstan.
 */
const KZ: ExpressionSpecification = ['==', ['get', 'country'], 'KZ'];
const POP: ExpressionSpecification = ['get', 'population'];
const CAPITAL: ExpressionSpecification = ['==', ['get', 'capital'], true];
/** Countries whose capitals show from the widest zoom (Caucasus capitals wait for z4: too crowded). */
const CORE_COUNTRIES = ['KZ', 'RU', 'CN', 'KG', 'UZ', 'TJ', 'TM', 'BY', 'MN', 'UA', 'IR', 'AF', 'TR'];
const CITY_TIER: ExpressionSpecification = [
	'case',
	['any', ['all', CAPITAL, ['in', ['get', 'country'], ['literal', CORE_COUNTRIES]]], ['all', KZ, ['>=', POP, 1000000]]],
	1,
	['any', CAPITAL, ['>=', POP, 3000000], ['all', KZ, ['>=', POP, 250000]]],
	2,
	['any', ['>=', POP, 1000000], ['all', KZ, ['>=', POP, 100000]]],
	3,
	['any', ['>=', POP, 300000], ['all', KZ, ['>=', POP, 40000]]],
	4,
	5
];
/** Highest tier shown at each zoom (evaluated per integer tile zoom). */
const MAX_TIER: ExpressionSpecification = ['step', ['zoom'], 1, 4, 2, 5, 3, 6, 4, 7, 5];
/** Label priority: lower first. Capitals, then Kazakh cities, then by population rank. */
const CITY_SORT: ExpressionSpecification = ['+', ['*', CITY_TIER, 10000], ['case', KZ, 0, 2000], ['get', 'rank']];

const AREA_RANK: ExpressionSpecification = ['get', 'area_rank'];
/** Countries up to this area rank (Kyrgyzstan 86, Tajikistan 95) have label priority over cities below z6. */
const MAJOR_RANK = 100;

/** Country label first line, in the page language, upper case. */
function countryName(lang: Lang): ExpressionSpecification {
	return ['upcase', ['get', `name_${lang}`]];
}

/** Zoom from which Almaty's limit is drawn, with its OSM credit (credits.ts: the captions' credit line follows it). */
export { CITY_ZOOM } from './credits';
import { CITY_ZOOM } from './credits';
export const DISTRICT_LABEL_ZOOM = 10;
/** district names' text size (px): from `min` at z10 to `max` at z14, linear (district-here.ts sizes its name with it) */
export const DISTRICT_TEXT_SIZE = { fromZoom: 10, min: 11, toZoom: 14, max: 13.5 } as const;
const { fromZoom, min, toZoom, max } = DISTRICT_TEXT_SIZE;

/**
 * Almaty's limit and districts (OpenStreetMap): a faint fill inside the limit, the limit, dashed
 * district boundaries, and the district names in the page language with the local (Kazakh, else
 * Russian) name under it. One label per district up to z13 (its label point), then labels along the
 * inside of each district's edge (scripts/lib/city-context.js), so that a close-up view (the akimat
 * steps) names the districts on either side of the boundary it shows, where the story's labels
 * leave room.
 */
function cityContextLayers(lang: Lang, p: Palette): LayerSpecification[] {
	const name: ExpressionSpecification = ['get', `name_${lang}`];
	const text: ExpressionSpecification = [
		'case',
		['!=', name, ['get', 'name_local']],
		['format', name, {}, '\n', {}, ['get', 'name_local'], { 'font-scale': 0.8, 'text-color': p.countryLocal }],
		['format', name, {}]
	];
	const label = {
		type: 'symbol' as const,
		layout: {
			'text-field': text,
			'text-font': [BASEMAP_FONT],
			'text-size': ['interpolate', ['linear'], ['zoom'], fromZoom, min, toZoom, max] as ExpressionSpecification,
			'text-letter-spacing': 0.06,
			'text-max-width': 8,
			'text-line-height': 1.2,
			'text-padding': 6
		},
		paint: { 'text-color': p.districtText, 'text-halo-color': p.halo, 'text-halo-width': 1.4, 'text-halo-blur': 0.4 }
	};
	return [
		{ id: 'base-almaty-land', type: 'fill', source: SRC.almatyLimit, minzoom: CITY_ZOOM, paint: { 'fill-color': p.cityLand } },
		{
			id: 'base-almaty-districts',
			type: 'line',
			source: SRC.almatyDistricts,
			minzoom: DISTRICT_LABEL_ZOOM,
			layout: { 'line-join': 'round' },
			paint: { 'line-color': p.district, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.8, 15, 1.6], 'line-dasharray': [3, 2] }
		},
		{
			id: 'base-almaty-limit',
			type: 'line',
			source: SRC.almatyLimit,
			minzoom: CITY_ZOOM,
			layout: { 'line-join': 'round' },
			paint: { 'line-color': p.cityLimit, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1, 15, 2.4] }
		},
		{ ...label, id: 'base-almaty-district-labels', source: SRC.almatyDistrictLabels, minzoom: DISTRICT_LABEL_ZOOM, maxzoom: 13 },
		// the sparse grid (rank 4): placed after the edge labels, kept well apart from every other label
		{
			...label,
			id: 'base-almaty-district-labels-grid',
			source: SRC.almatyDistrictEdges,
			minzoom: 15,
			filter: ['==', ['get', 'rank'], 4],
			layout: { ...label.layout, 'text-padding': 40 }
		},
		{
			...label,
			id: 'base-almaty-district-labels-near',
			source: SRC.almatyDistrictEdges,
			minzoom: 13,
			filter: ['step', ['zoom'], ['==', ['get', 'rank'], 0], 14, ['<=', ['get', 'rank'], 1], 15, ['<=', ['get', 'rank'], 2], 16, ['<=', ['get', 'rank'], 3]],
			layout: {
				...label.layout,
				'symbol-sort-key': ['get', 'rank'],
				'text-anchor': ['get', 'anchor'] as ExpressionSpecification,
				'text-justify': 'auto'
			}
		},
		// the district of the step's sites, named inside the view where the story leaves room (district-here.ts): placed
		// before the other district names
		{
			...label,
			id: 'base-almaty-district-here',
			source: SRC.almatyDistrictHere,
			minzoom: DISTRICT_LABEL_ZOOM,
			layout: {
				...label.layout,
				'text-padding': 4,
				'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right', 'top-left', 'top-right', 'bottom-left', 'bottom-right'],
				'text-radial-offset': 0.6,
				'text-justify': 'auto'
			}
		}
	];
}

export function basemapLayers(opts: { lang: Lang; theme: Theme }): LayerSpecification[] {
	const { lang, theme } = opts;
	const p = PALETTES[theme];
	const dark = theme === 'dark';
	const landColor: ExpressionSpecification = ['match', ['get', 'iso'], 'KAZ', p.landKaz, p.land];
	const borderWidth: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 2, 0.6, 5, 1, 8, 1.5, 11, 2];

	const countryLabelCommon = {
		type: 'symbol' as const,
		source: SRC.countryLabels,
		layout: {
			'text-font': [BASEMAP_FONT_BOLD],
			'text-letter-spacing': 0.16,
			'text-max-width': 8,
			'text-line-height': 1.25,
			'text-padding': 4,
			'symbol-sort-key': AREA_RANK as ExpressionSpecification,
			'text-field': [
				'case',
				['has', 'name_local'],
				[
					'format',
					countryName(lang),
					{},
					'\n',
					{},
					['get', 'name_local'],
					{ 'font-scale': 0.78, 'text-font': ['literal', [BASEMAP_FONT]], 'text-color': p.countryLocal }
				],
				['format', countryName(lang), {}]
			] as ExpressionSpecification
		},
		paint: {
			'text-color': ['case', ['==', ['get', 'iso'], 'KAZ'], p.countryTextKaz, p.countryText] as ExpressionSpecification,
			'text-halo-color': p.halo,
			'text-halo-width': 1.2,
			'text-halo-blur': 0.5
		}
	};

	const countryLabelSize: ExpressionSpecification = [
		'interpolate',
		['linear'],
		['zoom'],
		2,
		['case', ['<=', AREA_RANK, 10], 11, 9.5],
		5,
		['case', ['<=', AREA_RANK, 30], 15, 12],
		8,
		['case', ['<=', AREA_RANK, 30], 18, 14]
	];

	const layers: LayerSpecification[] = [
		// ---- land
		{
			id: 'base-land-110m',
			type: 'fill',
			source: SRC.countries110,
			maxzoom: SWITCH_ZOOM,
			paint: { 'fill-color': landColor, 'fill-antialias': true }
		},
		{
			id: 'base-land-50m',
			type: 'fill',
			source: SRC.countries50,
			minzoom: SWITCH_ZOOM,
			paint: { 'fill-color': landColor, 'fill-antialias': true }
		},
		// ---- water
		{
			id: 'base-lakes',
			type: 'fill',
			source: SRC.lakes,
			minzoom: 2,
			paint: { 'fill-color': p.water }
		},
		{
			id: 'base-rivers',
			type: 'line',
			source: SRC.rivers,
			minzoom: 4,
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: {
				'line-color': p.river,
				'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.5, 7, 1.1, 11, 2.2],
				'line-opacity': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 6, 1]
			}
		},
		// ---- borders
		{
			id: 'base-borders-110m',
			type: 'line',
			source: SRC.borders110,
			maxzoom: SWITCH_ZOOM,
			layout: { 'line-join': 'round' },
			paint: { 'line-color': p.borderLow, 'line-width': borderWidth }
		},
		{
			id: 'base-borders-50m',
			type: 'line',
			source: SRC.borders50,
			minzoom: SWITCH_ZOOM,
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': p.border,
				'line-width': borderWidth,
				'line-dasharray': ['step', ['zoom'], ['literal', [1, 0]], 5, ['literal', [4, 1.5]]]
			}
		},
		...cityContextLayers(lang, p),
		// ---- country labels, minor: small countries, and every country from z6. Below the
		// city layers, so city labels are placed first. Filters see the integer tile zoom.
		{
			...countryLabelCommon,
			id: 'base-country-labels',
			minzoom: 3,
			maxzoom: 9,
			filter: [
				'step',
				['zoom'],
				['all', ['>', AREA_RANK, MAJOR_RANK], ['<=', AREA_RANK, 130]],
				4,
				['all', ['>', AREA_RANK, MAJOR_RANK], ['<=', AREA_RANK, 170]],
				5,
				['>', AREA_RANK, MAJOR_RANK],
				6,
				true
			],
			layout: { ...countryLabelCommon.layout, 'text-size': countryLabelSize }
		},
		// ---- cities
		{
			id: 'base-city-dots',
			type: 'circle',
			source: SRC.cities,
			minzoom: 2,
			filter: ['<=', CITY_TIER, MAX_TIER],
			layout: { 'circle-sort-key': ['-', 0, ['get', 'rank']] },
			paint: {
				'circle-color': ['case', CAPITAL, p.dotStroke, p.dot],
				'circle-radius': [
					'interpolate',
					['linear'],
					['zoom'],
					2,
					['case', CAPITAL, 2.6, 1.6],
					6,
					['case', CAPITAL, 3.8, ['<=', CITY_TIER, 2], 3, 2.3],
					11,
					['case', CAPITAL, 5.5, 4.5]
				],
				'circle-stroke-color': ['case', CAPITAL, p.capitalRing, p.dotStroke],
				'circle-stroke-width': ['case', CAPITAL, 1.4, 0.8]
			}
		},
		{
			id: 'base-capital-centre',
			type: 'circle',
			source: SRC.cities,
			minzoom: 2,
			filter: ['all', CAPITAL, ['<=', CITY_TIER, MAX_TIER]],
			paint: {
				'circle-color': p.capitalRing,
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 2, 0.9, 6, 1.4, 11, 2.2]
			}
		},
		{
			id: 'base-city-labels',
			type: 'symbol',
			source: SRC.cities,
			minzoom: 2,
			filter: ['<=', CITY_TIER, MAX_TIER],
			layout: {
				'symbol-sort-key': CITY_SORT,
				'text-field': ['get', 'name'],
				'text-font': ['case', ['<=', CITY_TIER, 2], ['literal', [BASEMAP_FONT_BOLD]], ['literal', [BASEMAP_FONT]]],
				'text-size': [
					'interpolate',
					['linear'],
					['zoom'],
					2,
					['case', ['<=', CITY_TIER, 1], 10.5, 9.5],
					6,
					['case', ['<=', CITY_TIER, 2], 12.5, ['<=', CITY_TIER, 3], 11.5, 11],
					10,
					['case', ['<=', CITY_TIER, 2], 16, ['<=', CITY_TIER, 3], 14, 13]
				],
				'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
				'text-radial-offset': 0.55,
				'text-justify': 'auto',
				'text-max-width': 12,
				'text-padding': 3
			},
			paint: {
				'text-color': ['case', ['<=', CITY_TIER, 3], p.cityText, p.cityTextMinor],
				'text-halo-color': p.halo,
				'text-halo-width': dark ? 1.3 : 1.5,
				'text-halo-blur': 0.4
			}
		},
		// ---- country labels, major (large and mid-sized countries, up to z6): drawn last so
		// they are placed first and win collisions against city labels.
		{
			...countryLabelCommon,
			id: 'base-country-labels-major',
			maxzoom: 6,
			filter: ['step', ['zoom'], ['<=', AREA_RANK, 70], 3, ['<=', AREA_RANK, MAJOR_RANK]],
			layout: { ...countryLabelCommon.layout, 'text-size': countryLabelSize }
		}
	];
	return layers;
}
