import type { Map as MapLibreMap } from 'maplibre-gl';

const ready = new WeakMap<MapLibreMap, Promise<void>>();

/**
 * Resolves once the map's style is in: its sources and layers exist, so layer
 * properties, filters, feature state and the camera can be set. That is
 * MapLibre's `style.load`, seconds before `load`, which also waits for every
 * tile of the first view: a view set then has its tiles loaded (and drawn)
 * a second time. The first call should come right after the map is created
 * (MapView makes it), before `style.load` can have fired; later calls share
 * its answer. A first call after `style.load` waits for `load`.
 */
export function styleReady(map: MapLibreMap): Promise<void> {
	let p = ready.get(map);
	if (p) return p;
	p = map.isStyleLoaded()
		? Promise.resolve()
		: new Promise<void>((resolve) => {
				const done = () => {
					map.off('style.load', done);
					map.off('load', done);
					resolve();
				};
				map.on('style.load', done);
				map.on('load', done);
			});
	ready.set(map, p);
	return p;
}
