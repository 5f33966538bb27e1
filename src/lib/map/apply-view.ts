/**
 * applyView(map, view): the only code that moves the story camera or changes
 * story layers. It changes only what differs from what it applied last:
 * layer opacities fade (then hidden layers stop rendering), highlights go
 * through feature-state and label filters, the camera flies — or, with
 * reduced motion, cross-fades and cuts. CSTO lines draw in when they appear.
 * The distances the step's text gives are drawn, measured (`measure` source).
 */
import type { Map as MapLibreMap, FilterSpecification, StyleSpecification, LayerSpecification } from 'maplibre-gl';
import type { LineString, FeatureCollection } from 'geojson';
import type { MapView } from '$lib/story/step-to-view';
import type { Padding } from '$lib/story/padding';
import { anchorExpression, sortKeyExpression, baseOpacity, isStoryLabel, labelFilterFor, MEASURE_SOURCE, OPACITY_PROPS, sourceId } from './story-style';
import { distanceLabel, roundedMetres, type Measured } from '$lib/story/measure';
import { setFeatureHighlight, setLabelHighlight } from './highlight';
import { frameBounds } from './frame';
import { guardsAhead } from './label-guards';
import { drawsStoryLayer, styleLayersOf } from './layer-index';
import { hidePlaces, seedHiddenPlaces, type HiddenPlaces } from './basemap-places';

/** full: fly and fade; reduced: cross-fade and cut; none: cut, no fade (the map opening on its step) */
export type Motion = 'full' | 'reduced' | 'none';

export interface ApplyOptions {
	padding: Padding;
	motion: Motion;
	/** feature id -> story layer id (for feature-state highlights) */
	featureLayer: ReadonlyMap<string, string>;
	/** original data of line layers, for the draw-in animation */
	lineData?: Record<string, FeatureCollection>;
	/** flight duration in ms (full motion) */
	duration?: number;
	/** per story layer: the names its places carry in the basemap, hidden there while the layer shows them */
	basemapNames?: Record<string, string[]>;
}

export interface Applied extends HiddenPlaces {
	layers: Record<string, number>;
	/** ids highlighted through feature-state */
	highlight: string[];
	/** ids the label filters are set for (undefined: the style's own filters) */
	labelHighlight?: string[];
	/** per layer: bumped at each change, so a stale hide does not win */
	tokens: Record<string, number>;
	/** the measured distances drawn (their key), '' for none */
	measure?: string;
	/** the label anchors set (their key) */
	anchors?: string;
	/** the features given normal labels (their key; undefined: all) */
	labelled?: string;
}

const measureKey = (d: Measured[]) => d.map((m) => `${m.from}>${m.to}`).join();

/** The measured distances as the `measure` source draws them: each a line and a labelled point at its middle. */
export function measureFeatures(distances: Measured[]): FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: distances.flatMap((m) => {
			const props = {
				from: m.from,
				to: m.to,
				metres: roundedMetres(m.metres),
				label_fr: distanceLabel(m.metres, 'fr'),
				label_en: distanceLabel(m.metres, 'en')
			};
			const mid: [number, number] = [(m.a[0] + m.b[0]) / 2, (m.a[1] + m.b[1]) / 2];
			return [
				{ type: 'Feature' as const, properties: props, geometry: { type: 'LineString' as const, coordinates: [m.a, m.b] } },
				{ type: 'Feature' as const, properties: props, geometry: { type: 'Point' as const, coordinates: mid } }
			];
		})
	};
}
const applied = new WeakMap<MapLibreMap, Applied>();

const FADE_MS = { full: 600, reduced: 200, none: 0 } as const;

/**
 * A story style layer's opacities when its story layer is drawn at `factor` (1 emphasised, less
 * dimmed, 0 hidden): its base opacities times the factor. The names of the step's highlighted
 * features are never dimmed with their layer: they are what the step is about.
 */
function opacities(layer: LayerSpecification, factor: number): Record<string, unknown> {
	const base = baseOpacity(layer);
	const f = factor > 0 && layer.id.endsWith('-label-highlight') ? 1 : factor;
	const out: Record<string, unknown> = {};
	for (const prop of OPACITY_PROPS[layer.type] ?? []) {
		const b = base[prop] ?? 1;
		out[prop] = typeof b === 'number' ? b * f : f === 1 ? b : ['*', f, b];
	}
	return out;
}

function setLayerOpacity(map: MapLibreMap, storyLayerId: string, factor: number, motion: Motion, state: Applied) {
	const token = (state.tokens[storyLayerId] = (state.tokens[storyLayerId] ?? 0) + 1);
	for (const layer of styleLayersOf(map, storyLayerId)) {
		if (factor > 0) map.setLayoutProperty(layer.id, 'visibility', 'visible');
		for (const [prop, value] of Object.entries(opacities(layer, factor))) {
			const set = map.setPaintProperty.bind(map) as (layer: string, name: string, value: unknown) => void;
			set(layer.id, `${prop}-transition`, { duration: FADE_MS[motion], delay: 0 });
			set(layer.id, prop, value);
		}
	}
	if (factor === 0)
		setTimeout(() => {
			if (state.tokens[storyLayerId] !== token) return; // a later change won
			for (const layer of styleLayersOf(map, storyLayerId)) map.setLayoutProperty(layer.id, 'visibility', 'none');
		}, FADE_MS[motion] + 30);
}

/**
 * How many cuts a line is drawn in with: each new cut is a setData, which MapLibre's worker
 * re-parses and re-tiles and the main thread then takes in (deserialised buckets, placement); one
 * per animation frame made every frame of the flight a long task on a phone (issue 22).
 */
export const DRAW_IN_STAGES = 10;

/** The points of each line shown at `eased` (0–1) of the draw-in, in DRAW_IN_STAGES cuts. */
export function drawInCuts(lengths: number[], eased: number): number[] {
	const stage = Math.ceil(eased * DRAW_IN_STAGES) / DRAW_IN_STAGES;
	return lengths.map((n) => Math.min(n, Math.max(2, Math.ceil(stage * n))));
}

/** Draws line layers in from their start over `ms` (skipped with reduced motion); the source is set only when a cut changes. */
function drawIn(map: MapLibreMap, layerId: string, data: FeatureCollection, ms: number) {
	const source = map.getSource(sourceId(layerId)) as { setData?: (d: FeatureCollection) => void } | undefined;
	if (!source?.setData) return;
	const t0 = performance.now();
	const lengths = data.features.map((f) => (f.geometry.type === 'LineString' ? (f.geometry as LineString).coordinates.length : 0));
	let last = '';
	const frame = (now: number) => {
		const t = Math.min(1, (now - t0) / ms);
		const eased = 1 - (1 - t) ** 3;
		const cuts = drawInCuts(lengths, eased);
		const key = cuts.join();
		if (key === last) {
			if (t < 1) requestAnimationFrame(frame);
			return;
		}
		last = key;
		source.setData!({
			...data,
			features: data.features.map((f, i) => {
				if (f.geometry.type !== 'LineString') return f;
				const coords = (f.geometry as LineString).coordinates;
				return { ...f, geometry: { type: 'LineString', coordinates: coords.slice(0, cuts[i]) } };
			})
		});
		if (t < 1) requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
}

/** the basemap names of the places drawn by the layers shown */
const hiddenNamesOf = (layers: Record<string, number>, names: Record<string, string[]>) =>
	Object.entries(layers)
		.filter(([, f]) => f > 0)
		.flatMap(([id]) => names[id] ?? []);

/**
 * Bakes a view's layers, label filters and basemap de-duplication into a style
 * before the map is created, and returns what it applied: handed to `adopt`,
 * the first applyView of that view then changes nothing (no fade, no new
 * tile layout) and the map is idle as soon as it has loaded.
 */
export function seedStyle(style: StyleSpecification, view: MapView, basemapNames?: Record<string, string[]>): Applied {
	const state: Applied = { layers: { ...view.layers }, highlight: [], tokens: {}, labelHighlight: [...view.highlight], labelled: view.labelled?.join() };
	const factorOf = (layer: LayerSpecification) => {
		if (!layer.id.startsWith('story-')) return undefined;
		const id = Object.keys(view.layers).find((k) => drawsStoryLayer(layer.id, k));
		return id === undefined ? 0 : view.layers[id];
	};
	for (const layer of style.layers) {
		const factor = factorOf(layer);
		if (factor !== undefined) {
			layer.layout = { ...layer.layout, visibility: factor > 0 ? 'visible' : 'none' } as never;
			(layer as { paint?: Record<string, unknown> }).paint = { ...(layer as { paint?: Record<string, unknown> }).paint, ...opacities(layer, factor) };
			const filter = labelFilterFor(layer.id, view.highlight, view.labelled);
			if (filter) (layer as { filter?: FilterSpecification }).filter = filter;
			if (isStoryLabel(layer.id))
				(layer as { layout?: object }).layout = {
					...(layer as { layout?: object }).layout,
					'text-variable-anchor-offset': anchorExpression(view.labelAnchors),
					'symbol-sort-key': sortKeyExpression(view.labelOrder)
				} as never;
		}
	}
	state.anchors = JSON.stringify([view.labelAnchors, view.labelOrder]);
	if (basemapNames) seedHiddenPlaces(style, state, hiddenNamesOf(state.layers, basemapNames));
	const measure = style.sources[MEASURE_SOURCE];
	if (measure?.type === 'geojson' && view.distances.length) {
		style.sources[MEASURE_SOURCE] = { ...measure, data: measureFeatures(view.distances) as never };
		state.measure = measureKey(view.distances);
	}
	return state;
}

/** Takes over what seedStyle baked into the map's style. */
export function adopt(map: MapLibreMap, state: Applied): void {
	applied.set(map, state);
}

function moveCamera(map: MapLibreMap, view: MapView, opts: ApplyOptions) {
	const c = view.camera;
	const target =
		c.type === 'bounds'
			? frameBounds(map, c.bounds, { padding: opts.padding, maxZoom: c.maxZoom, bearing: c.bearing })
			: { center: c.center, zoom: c.zoom, bearing: c.bearing, padding: opts.padding };
	if (!target) return;
	const camera = { ...target, pitch: c.pitch };
	map.stop();
	// the labels' obstacles laid for where the camera lands: placed right from its first frame there
	guardsAhead(map, camera);
	if (opts.motion === 'none') map.jumpTo(camera);
	else if (opts.motion === 'reduced') {
		const canvas = map.getCanvasContainer();
		canvas.style.transition = `opacity ${FADE_MS.reduced / 2}ms linear`;
		canvas.style.opacity = '0.15';
		setTimeout(() => {
			map.jumpTo(camera);
			canvas.style.opacity = '1';
		}, FADE_MS.reduced / 2);
	} else {
		// essential: the page already honours reduced motion (and the reader's switch) itself
		map.flyTo({ ...camera, duration: opts.duration ?? 1800, essential: true, curve: 1.3 });
	}
}

export function applyView(map: MapLibreMap, view: MapView, opts: ApplyOptions): void {
	let state = applied.get(map);
	if (!state) {
		state = { layers: {}, highlight: [], tokens: {} };
		applied.set(map, state);
	}
	for (const [id, factor] of Object.entries(view.layers)) {
		const before = state.layers[id];
		if (before === factor) continue;
		setLayerOpacity(map, id, factor, opts.motion, state);
		const data = opts.lineData?.[id];
		if (data && factor > 0 && !before && opts.motion === 'full') drawIn(map, id, data, 1400);
		state.layers[id] = factor;
	}
	if (opts.basemapNames) hidePlaces(map, state, hiddenNamesOf(state.layers, opts.basemapNames));
	if (view.highlight.join() !== state.highlight.join()) {
		setFeatureHighlight(map, view.highlight, state.highlight, opts.featureLayer);
		state.highlight = [...view.highlight];
	}
	if (view.highlight.join() !== state.labelHighlight?.join() || view.labelled?.join() !== state.labelled) {
		setLabelHighlight(map, view.highlight, view.labelled);
		state.labelHighlight = [...view.highlight];
		state.labelled = view.labelled?.join();
	}
	const anchors = JSON.stringify([view.labelAnchors, view.labelOrder]);
	if (anchors !== state.anchors) {
		const expr = anchorExpression(view.labelAnchors);
		const order = sortKeyExpression(view.labelOrder);
		for (const layer of map.getStyle().layers)
			if (isStoryLabel(layer.id)) {
				map.setLayoutProperty(layer.id, 'text-variable-anchor-offset', expr);
				map.setLayoutProperty(layer.id, 'symbol-sort-key', order);
			}
		state.anchors = anchors;
	}
	const key = measureKey(view.distances);
	if (key !== (state.measure ?? '')) {
		(map.getSource(MEASURE_SOURCE) as { setData?: (d: FeatureCollection) => void } | undefined)?.setData?.(measureFeatures(view.distances));
		state.measure = key;
	}
	moveCamera(map, view, opts);
}
