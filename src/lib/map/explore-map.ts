/**
 * The explore dashboard's (/explore) map, besides its view (explore-view.ts):
 * the story layers restyled for it (uncertain features drawn hollow or
 * dashed), the camera (the region framed, flights to a feature, the camera
 * read back for the address), clicks on features, and waiting for idle.
 */
import type { Map as MapLibreMap, ExpressionSpecification, FilterSpecification, MapLayerMouseEvent } from 'maplibre-gl';
import type { Feature } from 'geojson';
import { bbox } from '@turf/turf';
import type { StoryLayer } from '$lib/geo/layers';
import type { Padding } from '$lib/story/padding';
import { frameBounds } from './frame';
import { drawsStoryLayer } from './layer-index';

const hl: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];
/** set on each feature's properties by the page (see $lib/explore/dates isUncertain) */
const uncertain: ExpressionSpecification = ['boolean', ['get', 'uncertain'], false];

/** Restyles the story layers for the dashboard: uncertain points hollow, uncertain lines dashed. */
export function prepareExploreStyle(map: MapLibreMap, layers: readonly StoryLayer[], dark: boolean): void {
	const set = map.setPaintProperty.bind(map) as (layer: string, name: string, value: unknown) => void;
	for (const layer of layers) {
		if (layer.shape === 'point' && map.getLayer(`story-${layer.id}-circle`)) {
			const id = `story-${layer.id}-circle`;
			set(id, 'circle-color', ['case', hl, dark ? '#ff7a59' : '#e4572e', uncertain, dark ? '#14181c' : '#ffffff', layer.color]);
			set(id, 'circle-stroke-color', ['case', hl, dark ? '#14181c' : '#ffffff', uncertain, layer.color, dark ? '#14181c' : '#ffffff']);
			set(id, 'circle-stroke-width', ['case', hl, 2.5, uncertain, 2.2, 1.5]);
		}
		if (layer.shape === 'line') {
			if (map.getLayer(`story-${layer.id}-line`)) map.setFilter(`story-${layer.id}-line`, ['!', uncertain] as FilterSpecification);
			if (map.getLayer(`story-${layer.id}-line-inferred`)) map.setFilter(`story-${layer.id}-line-inferred`, uncertain as FilterSpecification);
		}
	}
}

const CLOSE_KINDS = new Set(['building', 'square', 'airport']);

/** Flies (or, with reduced motion, jumps) to a feature: close on a site, wider on a city, the whole line or country otherwise. */
export function flyToFeature(map: MapLibreMap, feature: Feature, opts: { padding: Padding; reduced: boolean }): void {
	const g = feature.geometry;
	const kind = String(feature.properties?.kind ?? '');
	let camera: { center: [number, number]; zoom: number } | undefined;
	if (g.type === 'Point') {
		camera = { center: g.coordinates as [number, number], zoom: CLOSE_KINDS.has(kind) ? 12.5 : kind === 'base' ? 6 : 6.5 };
	} else {
		const [w, s, e, n] = bbox(feature);
		const c = frameBounds(map, [w, s, e, n], { padding: opts.padding, maxZoom: 6 });
		if (c?.center && c.zoom !== undefined) {
			const ll = c.center as { lng: number; lat: number } | [number, number];
			camera = { center: Array.isArray(ll) ? ll : [ll.lng, ll.lat], zoom: c.zoom };
		}
	}
	if (!camera) return;
	map.stop();
	const target = { ...camera, padding: opts.padding, bearing: 0, pitch: 0 };
	if (opts.reduced) map.jumpTo(target);
	else map.flyTo({ ...target, duration: 1400, essential: true });
}

/** Frames a region [west, south, east, north] at once. */
export function frameRegion(map: MapLibreMap, bounds: [number, number, number, number], padding: Padding): void {
	const camera = frameBounds(map, bounds, { padding });
	if (camera) map.jumpTo(camera);
}

export function cameraOf(map: MapLibreMap): { center: [number, number]; zoom: number } {
	const c = map.getCenter();
	return { center: [c.lng, c.lat], zoom: map.getZoom() };
}

export function jumpTo(map: MapLibreMap, center: [number, number], zoom: number): void {
	map.jumpTo({ center, zoom });
}

/** Calls `onpick` with the id of a story feature clicked on the map; the pointer shows what is clickable. Returns the unsubscriber. */
export function onFeaturePick(map: MapLibreMap, layerIds: readonly string[], onpick: (id: string) => void): () => void {
	const styleIds = () =>
		map
			.getStyle()
			.layers.filter((l) => layerIds.some((id) => drawsStoryLayer(l.id, id)) && (l.type === 'circle' || l.type === 'line'))
			.map((l) => l.id);
	const ids = styleIds();
	const click = (e: MapLayerMouseEvent) => {
		const id = e.features?.[0]?.properties?.id;
		if (typeof id === 'string') onpick(id);
	};
	const enter = () => (map.getCanvas().style.cursor = 'pointer');
	const leave = () => (map.getCanvas().style.cursor = '');
	for (const id of ids) {
		map.on('click', id, click);
		map.on('mouseenter', id, enter);
		map.on('mouseleave', id, leave);
	}
	return () => {
		for (const id of ids) {
			map.off('click', id, click);
			map.off('mouseenter', id, enter);
			map.off('mouseleave', id, leave);
		}
	};
}

/** Resolves once the map has drawn everything asked so far (sources loaded, not moving). */
export function whenIdle(map: MapLibreMap, cb: () => void): () => void {
	const check = () => {
		if (map.loaded() && !map.isMoving()) {
			map.off('idle', check);
			cb();
		}
	};
	map.on('idle', check);
	map.triggerRepaint();
	return () => map.off('idle', check);
}
