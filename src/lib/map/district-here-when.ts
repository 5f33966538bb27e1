/**
 * When the district-here label (district-here.ts) has work to do, and that module loaded only then:
 * it places the name with turf's point-in-polygon over the districts' polygons, which only a view
 * at city zoom with highlighted sites needs. The opening views of the story and of most embeds are
 * below that zoom, so their first load carries none of it (issue 22).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { SRC } from './basemap-sources';

/** The one rule: a name to place when the map draws the districts (the label layer's own minzoom) and the step highlights sites. */
export function districtHereWanted(map: MapLibreMap, highlight: readonly unknown[]): boolean {
	return highlight.length > 0 && map.getZoom() >= (map.getLayer(SRC.almatyDistrictHere)?.minzoom ?? 0);
}

let loaded: Promise<typeof import('./district-here')> | undefined;

/**
 * showDistrictHere (district-here.ts), loading it the first time a view wants a name; until then
 * the label's source is empty as the style made it, and nothing is to be cleared.
 */
export async function showDistrictHereWhenWanted(...args: Parameters<(typeof import('./district-here'))['showDistrictHere']>): Promise<void> {
	const [map, highlight] = args;
	if (!loaded && !(map.getSource(SRC.almatyDistrictHere) && districtHereWanted(map, highlight))) return;
	loaded ??= import('./district-here');
	await (await loaded).showDistrictHere(...args);
}
