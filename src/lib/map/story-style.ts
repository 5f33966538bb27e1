/**
 * MapLibre sources and layers for the story's own data (drawn on top of any
 * basemap). Each story layer becomes one GeoJSON source "story-<id>" (feature
 * ids promoted from properties.id, so feature-state can highlight them) and a
 * few style layers whose ids start with "story-<id>". Opacity is animated by
 * the adapter through the paint properties listed in OPACITY_PROPS.
 */
import type { LayerSpecification, SourceSpecification, ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { StoryLayer } from '$lib/geo/layers';
import { BASEMAP_FONT_BOLD, type Lang, type Theme } from './basemap-style';
import { anchorOffsets, DEFAULT_ANCHORS, type Anchor } from '$lib/story/label-anchors';
import { GUARD_IMAGE, GUARD_IMAGE_PX } from './label-guards';

/** The labels' text-variable-anchor-offset for a view: each feature's anchors (label-anchors.ts), the default for the rest. */
export function anchorExpression(anchors: Record<string, Anchor[]>): ExpressionSpecification {
	const byId = Object.entries(anchors);
	if (!byId.length) return ['literal', anchorOffsets(DEFAULT_ANCHORS)] as unknown as ExpressionSpecification;
	return [
		'match',
		['get', 'id'],
		...byId.flatMap(([id, a]) => [id, ['literal', anchorOffsets(a)]]),
		['literal', anchorOffsets(DEFAULT_ANCHORS)]
	] as unknown as ExpressionSpecification;
}

/** The labels' symbol-sort-key for a view: each feature's placing order (lower first), 0 for the rest. */
export function sortKeyExpression(order: Record<string, number>): ExpressionSpecification | number {
	const byId = Object.entries(order);
	if (!byId.length) return 0;
	return ['match', ['get', 'id'], ...byId.flatMap(([id, k]) => [id, k]), 0] as unknown as ExpressionSpecification;
}

/** Whether a style layer is a story label (normal or highlighted). */
export const isStoryLabel = (id: string) => id.startsWith('story-') && (id.endsWith('-label') || id.endsWith('-label-highlight'));

export interface StoryLayerData {
	layer: StoryLayer;
	data: FeatureCollection | string;
	/** the address of the full data, when `data` is only what the page needs of it (polygons as bounding boxes) */
	src?: string;
}

export const sourceId = (layerId: string) => `story-${layerId}`;

/** The source of the distances a step's text gives (drawn over everything; applyView sets its data). */
export const MEASURE_SOURCE = 'measure';
const EMPTY = { type: 'FeatureCollection', features: [] } as const;

const hl: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];

/** A #rrggbb colour with an alpha, as CSS rgba(). */
export function withAlpha(hex: string, alpha: number): string {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!m) throw new Error(`story layer colour "${hex}": expected #rrggbb`);
	const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16));
	return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
const lowConfidence: ExpressionSpecification = ['!=', ['get', 'confidence'], 'high'];

/** paint properties that carry a layer's opacity, per style-layer type */
export const OPACITY_PROPS: Record<string, string[]> = {
	fill: ['fill-opacity'],
	line: ['line-opacity'],
	circle: ['circle-opacity', 'circle-stroke-opacity'],
	symbol: ['text-opacity']
};

/** base opacity of each style layer when shown (the adapter multiplies 0/1) */
export function baseOpacity(layer: LayerSpecification): Record<string, number | ExpressionSpecification> {
	const m = (layer.metadata ?? {}) as { opacity?: Record<string, number | ExpressionSpecification> };
	return m.opacity ?? {};
}

/** One GeoJSON source per story layer: its data inline, or its `src` made absolute on `origin`. */
export function storySources(layers: StoryLayerData[], origin: string): Record<string, SourceSpecification> {
	const out: Record<string, SourceSpecification> = {};
	for (const { layer, data, src } of layers)
		out[sourceId(layer.id)] = { type: 'geojson', data: (src ? new URL(src, origin).href : data) as never, promoteId: 'id' };
	out[MEASURE_SOURCE] = { type: 'geojson', data: EMPTY as never };
	return out;
}

/** Filter matching the features the current view highlights (set by the adapter). */
export function highlightFilter(ids: readonly string[]): ExpressionSpecification {
	return ['in', ['get', 'id'], ['literal', [...ids]]];
}

/**
 * The label filters of a highlight: highlighted features get the big labels, the others the normal
 * ones (only those in `labelled`, when given: the features inside the step's frame).
 */
export function labelFilterFor(styleLayerId: string, ids: readonly string[], labelled?: readonly string[]): FilterSpecification | undefined {
	if (styleLayerId.endsWith('-label-highlight')) return highlightFilter(ids) as FilterSpecification;
	if (styleLayerId.startsWith('story-') && styleLayerId.endsWith('-label'))
		return (labelled ? ['all', ['!', highlightFilter(ids)], highlightFilter(labelled)] : ['!', highlightFilter(ids)]) as FilterSpecification;
	return undefined;
}

function labels(lang: Lang, theme: Theme, source: string, layerId: string, color: string): LayerSpecification[] {
	const dark = theme === 'dark';
	const base = {
		type: 'symbol' as const,
		source,
		layout: {
			'text-field': ['get', `name_${lang}`] as ExpressionSpecification,
			'text-font': [BASEMAP_FONT_BOLD],
			// where the label goes: applyView sets it per step and feature (label-anchors.ts), toward the middle of the view
			'text-variable-anchor-offset': ['literal', anchorOffsets(DEFAULT_ANCHORS)] as unknown as ExpressionSpecification,
			'text-justify': 'auto' as const,
			'text-max-width': 9,
			'text-optional': true
		},
		paint: {
			'text-halo-color': dark ? 'rgba(20,24,28,0.92)' : 'rgba(255,255,255,0.94)',
			'text-halo-width': 1.6,
			'text-opacity': 1
		},
		metadata: { opacity: { 'text-opacity': 1 } }
	};
	return [
		{
			...base,
			id: `story-${layerId}-label`,
			filter: ['!', highlightFilter([])],
			// a little smaller at continental zooms, where six names share a phone's width (the airlift steps)
			layout: { ...base.layout, 'text-size': ['interpolate', ['linear'], ['zoom'], 2, 11, 4, 12.5] as ExpressionSpecification },
			paint: { ...base.paint, 'text-color': color }
		},
		// highlighted features: always labelled, bigger, drawn last
		{
			...base,
			id: `story-${layerId}-label-highlight`,
			filter: highlightFilter([]),
			layout: { ...base.layout, 'text-size': ['interpolate', ['linear'], ['zoom'], 2, 11.5, 4, 15] as ExpressionSpecification },
			paint: { ...base.paint, 'text-color': dark ? '#ffd9cc' : '#5c0f0b', 'text-halo-width': 2 }
		}
	];
}

export function storyLayers(layers: StoryLayerData[], lang: Lang, theme: Theme): LayerSpecification[] {
	const out: LayerSpecification[] = [];
	const dark = theme === 'dark';
	const polygons = layers.filter((l) => l.layer.shape === 'polygon');
	const lines = layers.filter((l) => l.layer.shape === 'line');
	const points = layers.filter((l) => l.layer.shape === 'point');
	const highlightLabels: LayerSpecification[] = [];
	for (const { layer } of polygons) {
		const source = sourceId(layer.id);
		out.push({
			id: `story-${layer.id}-fill`,
			type: 'fill',
			source,
			metadata: { opacity: { 'fill-opacity': 1 } },
			paint: {
				// the highlight's ink in the colour's alpha, so that the layer's opacity stays one number: a fade
				// is a paint change, where an opacity read from feature-state would lay the polygons' tiles out
				// again at each step and jump instead of fading (MapLibre does not interpolate data-driven values)
				'fill-color': ['case', hl, withAlpha(layer.color, 0.32), withAlpha(layer.color, 0.14)],
				'fill-opacity': 1,
				// no antialiased edge pass (a second draw of every fill and a second WebGL program): the outline below covers the edge
				'fill-antialias': false
			}
		});
		out.push({
			id: `story-${layer.id}-outline`,
			type: 'line',
			source,
			metadata: { opacity: { 'line-opacity': 0.9 } },
			layout: { 'line-join': 'round' },
			paint: { 'line-color': layer.color, 'line-width': ['case', hl, 2.4, 1.4], 'line-opacity': 0.9 }
		});
	}
	for (const { layer } of lines) {
		const source = sourceId(layer.id);
		const casing: LayerSpecification = {
			id: `story-${layer.id}-casing`,
			type: 'line',
			source,
			metadata: { opacity: { 'line-opacity': 0.85 } },
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': dark ? '#1c2024' : '#ffffff', 'line-width': ['case', hl, 6, 4.5], 'line-opacity': 0.85 }
		};
		out.push(casing);
		// sourced routes solid, inferred ones dashed (provenance on the map)
		out.push({
			id: `story-${layer.id}-line`,
			type: 'line',
			source,
			filter: ['!', lowConfidence],
			metadata: { opacity: { 'line-opacity': 1 } },
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': layer.color, 'line-width': ['case', hl, 3.2, 2.2], 'line-opacity': 1 }
		});
		out.push({
			id: `story-${layer.id}-line-inferred`,
			type: 'line',
			source,
			filter: lowConfidence,
			metadata: { opacity: { 'line-opacity': 1 } },
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': layer.color,
				'line-width': ['case', hl, 3.2, 2.2],
				'line-dasharray': [2, 1.5],
				'line-opacity': 1
			}
		});
	}
	for (const { layer } of points) {
		const source = sourceId(layer.id);
		out.push({
			id: `story-${layer.id}-circle`,
			type: 'circle',
			source,
			metadata: { opacity: { 'circle-opacity': 1, 'circle-stroke-opacity': 1 } },
			paint: {
				'circle-color': ['case', hl, dark ? '#ff7a59' : '#e4572e', layer.color],
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, ['case', hl, 7, 4], 10, ['case', hl, 9, 6]],
				'circle-stroke-color': dark ? '#14181c' : '#ffffff',
				'circle-stroke-width': ['case', hl, 2.5, 1.5],
				'circle-opacity': 1,
				'circle-stroke-opacity': 1
			}
		});
		const [normal, highlighted] = labels(lang, theme, source, layer.id, dark ? '#f1d6cf' : '#3b1f1a');
		out.push(normal!);
		highlightLabels.push(highlighted!);
	}
	// highlighted labels on top of everything, so they are placed first; the measured distances above them
	return [...out, ...highlightLabels, ...measureLayers(lang, theme)];
}

/**
 * A measured distance: a dashed line between the two features and its label at the middle
 * ("environ 260 m"), placed before every other label so that it always shows.
 */
function measureLayers(lang: Lang, theme: Theme): LayerSpecification[] {
	const dark = theme === 'dark';
	const ink = dark ? '#ece6dc' : '#2f2a26';
	const halo = dark ? 'rgba(20,24,28,0.92)' : 'rgba(255,255,255,0.94)';
	const layers: LayerSpecification[] = [
		{
			id: 'measure-casing',
			type: 'line',
			source: MEASURE_SOURCE,
			filter: ['==', ['geometry-type'], 'LineString'],
			layout: { 'line-cap': 'round' },
			paint: { 'line-color': halo, 'line-width': 5 }
		},
		{
			id: 'measure-line',
			type: 'line',
			source: MEASURE_SOURCE,
			filter: ['==', ['geometry-type'], 'LineString'],
			paint: { 'line-color': ink, 'line-width': 1.8, 'line-dasharray': [2, 1.5] }
		},
		{
			id: 'measure-label',
			type: 'symbol',
			source: MEASURE_SOURCE,
			filter: ['==', ['geometry-type'], 'Point'],
			layout: {
				'text-field': ['get', `label_${lang}`],
				'text-font': [BASEMAP_FONT_BOLD],
				'text-size': 13,
				// beside the line, never on it (measure-guard): the corners for a slanting line
				'text-variable-anchor': ['left', 'right', 'top', 'bottom', 'bottom-left', 'top-right', 'top-left', 'bottom-right'],
				'text-radial-offset': 0.7,
				'text-justify': 'auto'
			},
			paint: { 'text-color': ink, 'text-halo-color': halo, 'text-halo-width': 2 }
		},
		// the line as an obstacle for every label (its own too), placed before them: no label crosses it
		{
			id: 'measure-guard',
			type: 'symbol',
			source: MEASURE_SOURCE,
			filter: ['==', ['geometry-type'], 'LineString'],
			layout: {
				'symbol-placement': 'line',
				'symbol-spacing': 4,
				'icon-image': GUARD_IMAGE,
				'icon-size': 6 / GUARD_IMAGE_PX,
				'icon-allow-overlap': true,
				'icon-ignore-placement': false,
				'icon-padding': 0,
				'icon-rotation-alignment': 'viewport'
			},
			// an obstacle, never drawn (as the label guards: label-guards.ts)
			paint: { 'icon-opacity': 0 }
		}
	];
	// hidden until a step measures (applyView): a shown layer on an empty source still has its tiles made at every zoom a flight crosses
	return layers.map((l) => ({ ...l, layout: { ...(l as { layout?: object }).layout, visibility: 'none' } }) as LayerSpecification);
}
