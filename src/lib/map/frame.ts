/**
 * The one way bounds are framed, on the story, embed and explore maps: inside
 * the padding that the page's panels and text leave free, with that padding
 * kept on the map (so the next camera change starts from it). Shared by map
 * creation (the opening step) and applyView (every step), so the opening
 * camera is exactly where the first applyView puts it.
 */
import type { Map as MapLibreMap, CameraForBoundsOptions, JumpToOptions } from 'maplibre-gl';

export interface FramePadding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** The camera that fits `bounds` [west, south, east, north] inside `padding`, or undefined when MapLibre cannot fit them. */
export function frameBounds(
	map: Pick<MapLibreMap, 'cameraForBounds'>,
	bounds: [number, number, number, number],
	o: { padding: FramePadding; maxZoom?: number; bearing?: number }
): JumpToOptions | undefined {
	const options: CameraForBoundsOptions = { padding: o.padding, absolutePadding: true };
	// an undefined maxZoom would override the map's own and make the zoom NaN
	if (o.maxZoom !== undefined) options.maxZoom = o.maxZoom;
	if (o.bearing !== undefined) options.bearing = o.bearing;
	return map.cameraForBounds(bounds, options);
}
