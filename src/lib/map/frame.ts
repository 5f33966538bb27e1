/**
 * How the story frames bounds: inside the padding the text leaves free, with
 * that padding kept on the map (so the next camera change starts from it).
 * Shared by map creation (the opening step) and applyView (every step), so the
 * opening camera is exactly where the first applyView puts it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface FramePadding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export function frameBounds(map: MapLibreMap, bounds: [number, number, number, number], o: { padding: FramePadding; maxZoom?: number; bearing?: number }) {
	return map.cameraForBounds(bounds, { padding: o.padding, maxZoom: o.maxZoom, bearing: o.bearing, absolutePadding: true } as never);
}
