/**
 * When a page with a map may start fetching the map's code: once its server-rendered text is on
 * screen (the first contentful paint, presented), not with the page itself (issue 22).
 *
 * Asked for with the page, MapLibre (~230 KB) and its worker (~120 KB) shared a phone's bandwidth
 * with the HTML, styles and fonts the text needs, and they counted in Lighthouse's model of the
 * first paint: it takes every request finished before the paint seen in its unthrottled load as
 * one the paint waited for, and simulated the story's text on a slow 4G phone at 4.4 s (2.0 s
 * without them). Asked for after the paint, the map's code is what the page fetches next.
 */

/** If no paint is reported by then (a tab in the background paints nothing; a browser that does not report paints), the map's code is asked for anyway. */
export const PAINT_WAIT_MS = 3000;

/**
 * Resolves once the page's first contentful paint has been presented (at once if it already was), or
 * after PAINT_WAIT_MS. The observer is left on: a page reports its first contentful paint only once.
 */
export const afterFirstPaint = (): Promise<void> =>
	new Promise((resolve) => {
		setTimeout(resolve, PAINT_WAIT_MS);
		new PerformanceObserver((list) => {
			if (list.getEntriesByName('first-contentful-paint').length) resolve();
		}).observe({ type: 'paint', buffered: true });
	});
