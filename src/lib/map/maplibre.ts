/**
 * The only runtime import of maplibre-gl. Creates maps with the same-origin
 * worker (the default worker URL 404s under Vite) and re-exports what the rest
 * of the adapter needs.
 */
import { Map as MapLibreMap, AttributionControl, NavigationControl, ScaleControl, prewarm, setWorkerUrl } from 'maplibre-gl';
import type { ControlPosition, GeoJSONSource, MapOptions, StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { frameBounds, type FramePadding } from './frame';
import { deferSources, drawnAt, type DeferredSource } from './deferred-sources';
import { SCALE_MAX_WIDTH, watchLabelGuards, withLabelGuards, type Cover } from './label-guards';

let workerSet = false;

/**
 * MapLibre's worker, with the same-origin script, started now rather than by the first map. Called
 * as soon as the map's code has loaded (load.ts), while the page hydrates: the worker fetches and
 * evaluates its own code on its thread meanwhile. Started by the map instead, its start waited for
 * the main thread, which was then busy with the map's first frame (WebGL programs compiled), and
 * every source's file came later (desktop loads, 6 December: its script asked for at ~0.3 s instead
 * of ~0.5 s, medians of 8; the start hook's turn before hydration lets it begin). Kept after
 * a map is removed, for the next one (MapLibre's `prewarm`).
 */
export function startWorker(): void {
	if (workerSet) return;
	setWorkerUrl(workerUrl);
	workerSet = true;
	prewarm();
}

/**
 * MapLibre's scale bar, redrawn when the map comes to rest instead of at every frame of a move:
 * its width and text changing at each frame made the browser lay out and paint the page at each
 * frame of every flight (a phone's trace of the story: ~150 times over the walk). It shows the
 * scale of the view the reader stops on. MapLibre's own handler (`_onMove`, not in its types) is
 * moved from 'move' to 'moveend'; were it ever renamed, the bar would stay live as before.
 */
export class RestingScaleControl extends ScaleControl {
	override onAdd(map: MapLibreMap): HTMLElement {
		const el = super.onAdd(map);
		const redraw = (this as unknown as { _onMove?: unknown })._onMove;
		if (typeof redraw === 'function') {
			map.off('move', redraw as () => void);
			map.on('moveend', redraw as () => void);
		}
		return el;
	}
	override onRemove(): void {
		const redraw = (this as unknown as { _onMove?: unknown })._onMove;
		if (typeof redraw === 'function') this._map?.off('moveend', redraw as () => void);
		super.onRemove();
	}
}

export interface CreateMapOptions {
	container: HTMLElement;
	style: StyleSpecification | string;
	transformStyle?: MapOptions['transformStyle'];
	center?: [number, number];
	zoom?: number;
	bearing?: number;
	pitch?: number;
	/** start framed on these bounds (the opening step), so the first tiles loaded are the ones shown */
	bounds?: [number, number, number, number];
	fitBoundsOptions?: MapOptions['fitBoundsOptions'];
	/** the part of the map the page leaves free: kept on the map, and bounds framed inside it (see frame.ts) */
	padding?: FramePadding;
	interactive?: boolean;
	/** inside another page (an embed): wheel zooms only with Ctrl, one-finger drag scrolls the page */
	cooperativeGestures?: boolean;
	/** keep the drawing buffer so tests can read pixels */
	preserveDrawingBuffer?: boolean;
	locale?: Record<string, string>;
	/**
	 * Where the metric scale bar goes (every map has one; its text is numbers and m/km, the same in
	 * every language). Placed by each page where it covers nothing the map is about: bottom-right sits
	 * left of the credits button.
	 */
	scale?: ControlPosition;
	/** the page's elements over the map that no label may go under (label-guards.ts: CSS selectors, some from a zoom; the map's own controls always count) */
	covers?: Cover[];
}

export function createMap(opts: CreateMapOptions): MapLibreMap {
	startWorker();
	/**
	 * GeoJSON files the first view does not draw (deferred-sources.ts): a zoom that draws one loads
	 * it at once, the rest come once the first view is shown. The map listens only while some wait.
	 */
	let deferred: DeferredSource[] = [];
	const loadDeferred = (all: boolean) => {
		const zoom = map.getZoom();
		deferred = deferred.filter((d) => {
			if (!all && !drawnAt(d, zoom)) return true;
			map.getSource<GeoJSONSource>(d.id)?.setData(d.url);
			return false;
		});
		if (!deferred.length) map.off('zoom', onZoom).off('idle', onIdle);
	};
	const onZoom = () => loadDeferred(false);
	const onIdle = () => loadDeferred(true);
	// runs when the style loads, a frame after the map is made: the opening camera is set by then
	const transformStyle: MapOptions['transformStyle'] = (prev, next) => {
		const r = deferSources(withLabelGuards(opts.transformStyle ? opts.transformStyle(prev, next) : next), map.getZoom());
		deferred = r.deferred;
		map.off('zoom', onZoom).off('idle', onIdle);
		if (deferred.length) {
			map.on('zoom', onZoom);
			map.once('idle', onIdle);
		}
		return r.style;
	};
	const map = new MapLibreMap({
		container: opts.container,
		style: opts.style,
		transformStyle,
		center: opts.center ?? [67, 47],
		zoom: opts.zoom ?? 3,
		bearing: opts.bearing ?? 0,
		pitch: opts.pitch ?? 0,
		bounds: opts.bounds,
		fitBoundsOptions: opts.fitBoundsOptions,
		interactive: opts.interactive ?? true,
		attributionControl: false,
		cooperativeGestures: opts.cooperativeGestures ?? false,
		dragRotate: false,
		pitchWithRotate: false,
		canvasContextAttributes: { preserveDrawingBuffer: opts.preserveDrawingBuffer ?? false },
		locale: opts.locale
	});
	// the opening camera exactly as applyView frames it: setting it again after load then changes nothing
	if (opts.padding && opts.bounds) {
		const framed = frameBounds(map, opts.bounds, { padding: opts.padding, maxZoom: opts.fitBoundsOptions?.maxZoom, bearing: opts.bearing });
		if (framed) map.jumpTo({ ...framed, pitch: opts.pitch ?? 0, padding: opts.padding });
	} else if (opts.padding) map.setPadding(opts.padding);
	watchLabelGuards(map, opts.covers);
	const scale = new RestingScaleControl({ unit: 'metric', maxWidth: SCALE_MAX_WIDTH });
	const scalePosition = opts.scale ?? 'bottom-left';
	// bottom-right: added before the credits, so that they stay in the corner and the scale sits left of them
	if (scalePosition === 'bottom-right') map.addControl(scale, scalePosition);
	map.addControl(new AttributionControl({ compact: true }), 'bottom-right');
	if (scalePosition !== 'bottom-right') map.addControl(scale, scalePosition);
	// start with the credits folded behind the (i) button: expanded they cover the map on phones
	map.once('load', () => map.getContainer().querySelector('.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show'));
	if (opts.interactive !== false) map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
	return map;
}

/** Where a map opens: a centre and zoom, or bounds to fit inside padding. */
export interface InitialCamera {
	center?: [number, number];
	zoom?: number;
	bearing?: number;
	pitch?: number;
	bounds?: [number, number, number, number];
	maxZoom?: number;
	padding?: FramePadding;
}

export type { MapLibreMap };
