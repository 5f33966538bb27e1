import type { ClientInit } from '@sveltejs/kit';

/**
 * Runs once as the app starts, before hydration. A page rendered with a map
 * (MapView's container carries data-qantar-map) has MapLibre evaluated first:
 * hydration waits for it, so MapView creates the map as soon as hydration
 * reaches it, before the rest of the page (the steps, the sources) is
 * hydrated. The map is what the reader waits for; the server-rendered text is
 * already on screen: the map's code is fetched once it has painted
 * (src/lib/map/after-paint.ts). If the map's code cannot load, the page starts
 * anyway (MapView tries again). The loader is imported dynamically so that
 * pages without a map never fetch it.
 */
export const init: ClientInit = async () => {
	if (!document.querySelector('[data-qantar-map]')) return;
	await import('$lib/map/load').then((m) => m.loadMapModules()).catch(() => {});
	// One turn of the event loop before hydration: the map's code has just started MapLibre's worker
	// (startWorker, maplibre.ts), which needs the main thread once before it fetches its script.
	await new Promise((resolve) => setTimeout(resolve, 0));
};
