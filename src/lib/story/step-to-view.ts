/**
 * step -> map view. Pure: what the map should show for a step (camera, layer
 * opacities, highlighted features, measured distances), computed from the step's data and the
 * features it names. The map adapter applies it; tests check it.
 */
import { bbox, featureCollection } from '@turf/turf';
import type { Feature, Point } from 'geojson';

const inBounds = ([w, s, e, n]: [number, number, number, number], p: Point) => {
	const [x, y] = p.coordinates as [number, number];
	return x >= w && x <= e && y >= s && y <= n;
};
import type { StepView } from '$lib/schema/story';
import { measureDistances, type Measured } from './measure';
import { awayFromNeighbours, labelAnchors, type Anchor } from './label-anchors';

export type ViewCamera =
	| { type: 'bounds'; bounds: [number, number, number, number]; maxZoom: number; bearing: number; pitch: number }
	| { type: 'center'; center: [number, number]; zoom: number; bearing: number; pitch: number };

export interface MapView {
	camera: ViewCamera;
	/** opacity factor per story layer: 0 hidden, 1 shown, DIMMED when shown but not emphasised */
	layers: Record<string, number>;
	highlight: string[];
	/** the distances the step's text gives, measured between its features */
	distances: Measured[];
	/** per point feature of the layers shown: where its label goes, in order of preference */
	labelAnchors: Record<string, Anchor[]>;
	/**
	 * per point feature: the order its label is placed in (lower first, MapLibre's symbol-sort-key):
	 * the dots nearest the frame's sides (top and bottom too) first, they have the fewest places left (the text can only go inward)
	 */
	labelOrder: Record<string, number>;
	/**
	 * the point features inside the framed bounds: only they are labelled (highlighted ones always
	 * are); a dot beyond the frame stays unlabelled, its name would be cut by the map's edge.
	 * Undefined for a centre-and-zoom camera: every feature is labelled.
	 */
	labelled?: string[];
}

export const DIMMED = 0.45;
export const DEFAULT_FIT_MAX_ZOOM = 12;

export function stepToView(step: StepView, features: ReadonlyMap<string, Feature>, layerIds: readonly string[]): MapView {
	const c = step.camera;
	let camera: ViewCamera;
	if (c.fit) {
		const fs = c.fit.map((id) => {
			const f = features.get(id);
			if (!f) throw new Error(`step "${step.id}" › camera.fit: unknown feature "${id}"`);
			return f;
		});
		const [w, s, e, n] = bbox(featureCollection(fs));
		camera = { type: 'bounds', bounds: [w, s, e, n], maxZoom: c.maxZoom ?? DEFAULT_FIT_MAX_ZOOM, bearing: c.bearing ?? 0, pitch: c.pitch ?? 0 };
	} else {
		camera = { type: 'center', center: c.center!, zoom: c.zoom!, bearing: c.bearing ?? 0, pitch: c.pitch ?? 0 };
	}
	const emphasised = step.layers.emphasise;
	const layers: Record<string, number> = {};
	for (const id of layerIds) {
		if (!step.layers.show.includes(id)) layers[id] = 0;
		else layers[id] = !emphasised?.length || emphasised.includes(id) ? 1 : DIMMED;
	}
	const anchors: Record<string, Anchor[]> = {};
	const bounds = camera.type === 'bounds' ? camera.bounds : undefined;
	const highlighted = step.highlight.flatMap((id) => {
		const g = features.get(id)?.geometry;
		return g?.type === 'Point' ? [g.coordinates as [number, number]] : [];
	});
	for (const [id, f] of features)
		if (f.geometry.type === 'Point') {
			const at = f.geometry.coordinates as [number, number];
			anchors[id] = awayFromNeighbours(labelAnchors(bounds, at), at, highlighted);
		}
	const labelOrder: Record<string, number> = {};
	if (bounds)
		for (const id of Object.keys(anchors)) {
			const [lon, lat] = (features.get(id)!.geometry as Point).coordinates as [number, number];
			const fx = bounds[2] > bounds[0] ? (lon - bounds[0]) / (bounds[2] - bounds[0]) : 0.5;
			const fy = bounds[3] > bounds[1] ? (lat - bounds[1]) / (bounds[3] - bounds[1]) : 0.5;
			// the nearest side, top and bottom included: the north-most airfield (Ivanovo) before its neighbour near Moscow
			labelOrder[id] = Math.round(Math.min(Math.abs(fx), Math.abs(1 - fx), Math.abs(fy), Math.abs(1 - fy)) * 100);
		}
	const labelled = bounds ? Object.keys(anchors).filter((id) => inBounds(bounds, features.get(id)!.geometry as Point)) : undefined;
	return { camera, layers, highlight: [...step.highlight], distances: measureDistances(step, features), labelAnchors: anchors, labelOrder, labelled };
}
