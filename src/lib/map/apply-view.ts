/**
 * applyView(map, view): the only code that moves the story camera or changes
 * story layers. It changes only what differs from what it applied last:
 * layer opacities fade (then hidden layers stop rendering), highlights go
 * through feature-state and label filters, the camera flies — or, with
 * reduced motion, cross-fades and cuts. CSTO lines draw in when they appear.
 * The distances the step's text gives are drawn, measured (`measure` source).
 *
 * A label layer's filter, anchors and placing order are layout: each change lays out its source's
 * tiles again, in MapLibre's worker and then on the main thread (issue 22: the long tasks of the
 * story's steps). So each label layer is given only what concerns the features it can draw (its
 * own layer's, labelled or highlighted), and only while its layer is shown: a layer whose own
 * labels are the same at the next step, or that stays hidden, is not touched.
 */
import type { Map as MapLibreMap, ExpressionSpecification, FilterSpecification, StyleSpecification, LayerSpecification } from 'maplibre-gl';
import type { LineString, FeatureCollection } from 'geojson';
import type { MapView } from '$lib/story/step-to-view';
import type { Padding } from '$lib/story/padding';
import { anchorExpression, sortKeyExpression, baseOpacity, isStoryLabel, labelFilterFor, MEASURE_SOURCE, OPACITY_PROPS, sourceId } from './story-style';
import { distanceLabel, roundedMetres, type Measured } from '$lib/story/measure';
import { setFeatureHighlight } from './highlight';
import { frameBounds } from './frame';
import { guardsAhead } from './label-guards';
import { drawsStoryLayer, styleLayersOf, type LayerLookup } from './layer-index';
import { hidePlaces, seedHiddenPlaces, type HiddenPlaces } from './basemap-places';
import { TRUSTED } from './trusted';

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
	/** per label style layer and property ("<layer> filter", "<layer> text-variable-anchor-offset"…): the value set, as JSON (none: the style's own) */
	labels: Record<string, string>;
	/** per layer: bumped at each change, so a stale hide does not win */
	tokens: Record<string, number>;
	/** the measured distances drawn (their key), '' for none */
	measure?: string;
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

/** what a label style layer is given for a view: its filter and layout */
interface LabelSpec {
	filter: FilterSpecification;
	'text-variable-anchor-offset': ExpressionSpecification;
	'symbol-sort-key': ExpressionSpecification | number;
}

/** The story layer a label style layer draws ("story-<id>-label", "story-<id>-label-highlight"). */
const labelledLayer = (styleLayerId: string) => styleLayerId.replace(/^story-/, '').replace(/-label(-highlight)?$/, '');

/**
 * What a label style layer (`styleLayerId`, see isStoryLabel) draws for a view: its filter (the
 * highlighted features in big labels, the others in normal ones, only those in the frame when the
 * view says which), and the anchors and placing order of the features it can draw — of its own
 * layer (`layerOf`: feature id -> story layer id), labelled by it at this view. What other layers
 * or unlabelled features do cannot change it, so it changes only when its own labels do. Pure.
 */
export function labelSpec(styleLayerId: string, view: MapView, layerOf: ReadonlyMap<string, string>): LabelSpec {
	const layer = labelledLayer(styleLayerId);
	const own = (id: string) => layerOf.get(id) === layer;
	const highlight = view.highlight.filter(own);
	const labelled = view.labelled?.filter(own);
	const drawn = styleLayerId.endsWith('-label-highlight')
		? highlight
		: (labelled ?? Object.keys(view.labelAnchors).filter(own)).filter((id) => !highlight.includes(id));
	const pick = <T>(r: Record<string, T>) => Object.fromEntries(drawn.filter((id) => id in r).map((id) => [id, r[id]!]));
	return {
		filter: labelFilterFor(styleLayerId, highlight, labelled)!,
		'text-variable-anchor-offset': anchorExpression(pick(view.labelAnchors)),
		'symbol-sort-key': sortKeyExpression(pick(view.labelOrder))
	};
}

/**
 * Gives the label layers of the story layers shown in `state.layers` what `view` asks of them
 * (labelSpec), through `set`, for each property whose value differs from the one in
 * `state.labels`. Hidden layers keep theirs until they are shown.
 */
function applyLabels(
	layers: LayerLookup,
	view: MapView,
	layerOf: ReadonlyMap<string, string>,
	state: Applied,
	set: (styleLayerId: string, prop: keyof LabelSpec, value: LabelSpec[keyof LabelSpec]) => void
) {
	for (const id of layers.getLayersOrder()) {
		if (!isStoryLabel(id) || !(state.layers[labelledLayer(id)]! > 0)) continue;
		for (const [prop, value] of Object.entries(labelSpec(id, view, layerOf)) as [keyof LabelSpec, LabelSpec[keyof LabelSpec]][]) {
			const key = JSON.stringify(value);
			if (state.labels[`${id} ${prop}`] === key) continue;
			state.labels[`${id} ${prop}`] = key;
			set(id, prop, value);
		}
	}
}

const applied = new WeakMap<MapLibreMap, Applied>();

const FADE_MS = { full: 600, reduced: 200, none: 0 } as const;
/**
 * A layer leaving the map fades out faster than one arriving fades in: gone before the flight has
 * moved far. While it fades its source is still drawn, and MapLibre made its tiles at each zoom the
 * flight crossed, for a layer about to vanish (the Almaty sites leaving for the regions: 14 tile
 * jobs, issue 22).
 */
export const FADE_OUT_MS = { full: 250, reduced: 200, none: 0 } as const;

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
	const fade = (factor === 0 ? FADE_OUT_MS : FADE_MS)[motion];
	for (const layer of styleLayersOf(map, storyLayerId)) {
		if (factor > 0) map.setLayoutProperty(layer.id, 'visibility', 'visible', TRUSTED);
		for (const [prop, value] of Object.entries(opacities(layer, factor))) {
			const set = map.setPaintProperty.bind(map) as (layer: string, name: string, value: unknown, options: typeof TRUSTED) => void;
			set(layer.id, `${prop}-transition`, { duration: fade, delay: 0 }, TRUSTED);
			set(layer.id, prop, value, TRUSTED);
		}
	}
	if (factor === 0)
		setTimeout(() => {
			if (state.tokens[storyLayerId] !== token) return; // a later change won
			for (const layer of styleLayersOf(map, storyLayerId)) map.setLayoutProperty(layer.id, 'visibility', 'none', TRUSTED);
		}, fade + 30);
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
export function seedStyle(
	style: StyleSpecification,
	view: MapView,
	featureLayer: ReadonlyMap<string, string>,
	basemapNames?: Record<string, string[]>
): Applied {
	const state: Applied = { layers: { ...view.layers }, highlight: [], tokens: {}, labels: {} };
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
		}
	}
	const byId = new Map(style.layers.map((l) => [l.id, l as { filter?: unknown; layout?: Record<string, unknown> }]));
	applyLabels({ getLayersOrder: () => [...byId.keys()], getLayer: (id) => byId.get(id) }, view, featureLayer, state, (id, prop, value) => {
		const layer = byId.get(id)!;
		if (prop === 'filter') layer.filter = value;
		else layer.layout = { ...layer.layout, [prop]: value };
	});
	if (basemapNames) seedHiddenPlaces(style, state, hiddenNamesOf(state.layers, basemapNames));
	const measure = style.sources[MEASURE_SOURCE];
	if (measure?.type === 'geojson' && view.distances.length) {
		style.sources[MEASURE_SOURCE] = { ...measure, data: measureFeatures(view.distances) as never };
		state.measure = measureKey(view.distances);
		for (const layer of style.layers)
			if ((layer as { source?: string }).source === MEASURE_SOURCE) layer.layout = { ...layer.layout, visibility: 'visible' } as never;
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
		state = { layers: {}, highlight: [], tokens: {}, labels: {} };
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
	applyLabels(map, view, opts.featureLayer, state, (id, prop, value) => {
		if (prop === 'filter') map.setFilter(id, value as FilterSpecification, TRUSTED);
		else map.setLayoutProperty(id, prop, value as ExpressionSpecification | number, TRUSTED);
	});
	const key = measureKey(view.distances);
	if (key !== (state.measure ?? '')) {
		(map.getSource(MEASURE_SOURCE) as { setData?: (d: FeatureCollection) => void } | undefined)?.setData?.(measureFeatures(view.distances));
		state.measure = key;
		// drawn only while there is something to measure (story-style.ts: measureLayers)
		for (const id of map.getLayersOrder())
			if (map.getLayer(id)?.source === MEASURE_SOURCE) map.setLayoutProperty(id, 'visibility', key ? 'visible' : 'none', TRUSTED);
	}
	moveCamera(map, view, opts);
}
