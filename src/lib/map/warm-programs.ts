/**
 * The map's WebGL programs compiled before the story's flights need them (issue 22). MapLibre
 * compiles a layer's shader program the first time it draws that layer; without a GPU (SwiftShader,
 * the benches' Chromium) a dashed line's program takes ~0.35 s to link: the map froze that long in
 * the first flight that showed the airlift's inferred routes, and again for the 1:50m borders.
 *
 * Once the opening view is idle, each line, fill and circle layer that view does not draw is drawn
 * once as a copy — the same paint and layout, its opacity a thousandth (nothing shows), on a
 * one-place source at the map's centre, no filter, no zoom range, under the map's layers — and the
 * copies are removed once drawn. MapLibre keeps programs by how a layer's paint is given (a
 * constant, by zoom, by feature), which a copy keeps, so the real layer finds its program compiled. A layer whose opacity is an
 * expression is not copied: made faint, its copy would compile another program.
 */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSourceSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { OPACITY_PROPS } from './story-style';
import { drawnAt } from './deferred-sources';

export const WARM_SOURCE = 'warm-programs';
const FAINT = 0.001;
/** the layer types copied (labels are not: their programs follow each step's label settings) */
const TYPES = ['fill', 'line', 'circle'];
const OPACITY = (type: string) => OPACITY_PROPS[type] ?? [];
/** the properties the style's paint reads, given so that none of its expressions fails on the copies' places */
const PROPS = { iso: '', country: '', capital: false, population: 0 };

type Drawable = LayerSpecification & { type: 'fill' | 'line' | 'circle'; paint?: Record<string, unknown>; layout?: Record<string, unknown> };

const isDrawable = (l: LayerSpecification): l is Drawable => TYPES.includes(l.type);

/** Whether the map draws a layer at `zoom`: shown, inside its zoom range, not wholly transparent. */
export function drawsAt(layer: Drawable, zoom: number): boolean {
	if (layer.layout?.visibility === 'none') return false;
	if (!drawnAt({ min: layer.minzoom ?? 0, max: layer.maxzoom ?? 24 }, zoom)) return false;
	return !OPACITY(layer.type).every((p) => layer.paint?.[p] === 0);
}

/** A point, a short line and a small square at `center`, a few pixels across at `zoom`. */
function places(center: [number, number], zoom: number): FeatureCollection {
	const [x, y] = center;
	const d = 360 / 2 ** zoom / 100;
	const geometries = [
		{ type: 'Point' as const, coordinates: [x, y] },
		{
			type: 'LineString' as const,
			coordinates: [
				[x, y],
				[x + d, y + d]
			]
		},
		{
			type: 'Polygon' as const,
			coordinates: [
				[
					[x, y],
					[x + d, y],
					[x + d, y + d],
					[x, y + d],
					[x, y]
				]
			]
		}
	];
	return { type: 'FeatureCollection', features: geometries.map((geometry) => ({ type: 'Feature', properties: PROPS, geometry })) };
}

/**
 * The faint copies of the layers the view at `zoom` does not draw, and their source. Pure: `layers`
 * as the map has them now (its style's, with the visibility and opacities applyView set).
 */
export function warmup(
	layers: LayerSpecification[],
	zoom: number,
	center: [number, number]
): { source: GeoJSONSourceSpecification; layers: LayerSpecification[] } {
	const copies: LayerSpecification[] = [];
	for (const layer of layers) {
		if (!isDrawable(layer) || drawsAt(layer, zoom)) continue;
		const paint: Record<string, unknown> = { ...layer.paint };
		const opacities = OPACITY(layer.type);
		if (opacities.some((p) => paint[p] !== undefined && typeof paint[p] !== 'number')) continue;
		for (const p of opacities) paint[p] = FAINT;
		copies.push({
			id: `${WARM_SOURCE} ${layer.id}`,
			type: layer.type,
			source: WARM_SOURCE,
			layout: { ...layer.layout, visibility: 'visible' },
			paint
		} as LayerSpecification);
	}
	return { source: { type: 'geojson', data: places(center, zoom) }, layers: copies };
}

/**
 * Draws the faint copies once, in the browser's next idle time (`requestIdleCallback`, else a
 * timer), and removes them when the map is idle again. Resolves when they are gone.
 */
export function warmPrograms(map: MapLibreMap): Promise<void> {
	return new Promise((resolve) => {
		const run = () => {
			try {
				if (map.getSource(WARM_SOURCE)) return resolve();
				// each layer's own specification (not getStyle(), which copies the whole style: layer-index.ts)
				const now = map.getLayersOrder().flatMap((id) => map.getLayer(id)?.serialize() ?? []);
				const { source, layers } = warmup(now, map.getZoom(), map.getCenter().toArray() as [number, number]);
				if (!layers.length) return resolve();
				map.addSource(WARM_SOURCE, source);
				// under every layer but the background: MapLibre creates a program where it first draws its
				// layer, and there waits for the GPU to finish what the frame has asked of it so far; drawn
				// first, the copies wait for less of the frame (findings 2026-12-07, sixteenth round)
				const under = now.find((l) => l.type !== 'background')?.id;
				for (const l of layers) map.addLayer(l, under);
				map.once('idle', () => {
					for (const l of layers) if (map.getLayer(l.id)) map.removeLayer(l.id);
					if (map.getSource(WARM_SOURCE)) map.removeSource(WARM_SOURCE);
					resolve();
				});
			} catch {
				resolve(); // the map was removed meanwhile (the reader left the page): nothing to warm
			}
		};
		if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 1000 });
		else setTimeout(run, 200);
	});
}
