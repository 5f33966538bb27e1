import type { ClientInit } from '@sveltejs/kit';

/**
 * Runs once as the app starts, before hydration. A page rendered with a map
 * (MapView's container carries data-qantar-map) has MapLibre evaluated first:
 * hydration waits for it, so MapView creates the map as soon as hydration
 * reaches it, before the rest of the page (the steps, the sources) is
 * hydrated. The map is what the reader waits for; the server-rendered text is
 * already on screen. If the map's code cannot load, the page starts anyway
 * (MapView tries again). The loader is imported dynamically so that pages
 * without a map do not preload it (scripts/lib/preload-dynamic.js).
 */
export const init: ClientInit = async () => {
	if (!document.querySelector('[data-qantar-map]')) return;
	await import('$lib/map/load').then((m) => m.loadMapModules()).catch(() => {});
	// One turn of the event loop before hydration: the map's code has just started MapLibre's worker
	// (load.ts), and the worker needs the main thread once before it fetches its script. Held up by
	// hydration and the map's first frame, it started later, and every source's file with it (desktop
	// loads, 6 December: the worker's script asked for at ~0.3 s instead of ~0.5 s, medians of 8).
	await new Promise((resolve) => setTimeout(resolve, 0));
};
