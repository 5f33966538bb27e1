import type { ClientInit } from '@sveltejs/kit';

/**
 * Runs once as the app starts, before hydration. A page rendered with a map
 * (MapView's container carries data-qantar-map) starts evaluating MapLibre
 * now, so it is ready when the map component mounts instead of being asked for
 * then. Not awaited: hydration does not wait for it. The loader is imported
 * dynamically so that pages without a map do not preload it (scripts/lib/preload-dynamic.js).
 */
export const init: ClientInit = () => {
	if (document.querySelector('[data-qantar-map]')) void import('$lib/map/load').then((m) => m.loadMapModules());
};
