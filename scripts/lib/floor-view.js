// What the benches' floor page (scripts/bench/floor/) needs of a page's map to draw the same view,
// read once here for every script that compares a page with it (bench.js, trace-steps.js,
// bench-lighthouse.js): the camera with the story layers shown, the map's size, and the floor's address.

/**
 * The pause before each step of a walk, the story's and the floor's alike: the story's smooth scroll
 * is over by then (else the scroller may take the key back), and the floor does not fly on before its
 * landing tiles are in, doing less work than the story does.
 */
export const WALK_PAUSE_MS = 400;

/**
 * Resolves true once the story's map has settled on step `id` (its `data-map-step`), false after
 * `timeout` ms. Woken by the attribute's change (a MutationObserver), not polled: Playwright's
 * `waitForFunction` polls at every animation frame, and the walk's frames are what it measures (a
 * check in each frame of the story's flights that the floor's do not have).
 * @param {import('@playwright/test').Page} page
 * @param {string} id
 * @param {number} timeout
 * @returns {Promise<boolean>}
 */
export const mapSettledOn = (page, id, timeout) =>
	page.evaluate(
		({ id, timeout }) =>
			new Promise((resolve) => {
				const el = document.querySelector('[data-map-step]');
				if (!el) return resolve(false);
				const observer = new MutationObserver(() => check());
				const timer = setTimeout(() => done(false), timeout);
				const done = (/** @type {boolean} */ ok) => {
					observer.disconnect();
					clearTimeout(timer);
					resolve(ok);
				};
				const check = () => el.getAttribute('data-map-step') === id && done(true);
				observer.observe(el, { attributes: true, attributeFilter: ['data-map-step'] });
				check();
			}),
		{ id, timeout }
	);

/**
 * The map's camera and the story layers it draws. Runs in the page (`page.evaluate(camera)`).
 * @returns {{ center: number[], zoom: number, bearing: number, pitch: number, padding: object, visible: string[] }}
 */
export const camera = () => {
	const m = /** @type {any} */ (window).qantar.map;
	// the story layers drawn at this step: the floor shows the same ones
	const visible = m
		.getStyle()
		.layers.filter((/** @type {{ id: string }} */ l) => l.id.startsWith('story-') && m.getLayoutProperty(l.id, 'visibility') !== 'none')
		.map((/** @type {{ id: string }} */ l) => l.id);
	return { center: m.getCenter().toArray(), zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch(), padding: m.getPadding(), visible };
};

/**
 * The map's size on the page in CSS pixels: the floor draws a map of that size (a phone's story map is half the window).
 * @param {import('@playwright/test').Page} page
 */
export const mapSize = (page) =>
	page.evaluate(() => {
		const c = /** @type {any} */ (window).qantar.map.getContainer().getBoundingClientRect();
		return { w: Math.round(c.width), h: Math.round(c.height) };
	});

/**
 * The floor page at `base` opening on `cam`, its map of `size` (the page's map's), or the window's without one.
 * @param {string} base @param {object} cam @param {{ w: number, h: number } | null} [size]
 */
export function floorUrl(base, cam, size) {
	const q = new URLSearchParams({ cam: JSON.stringify(cam) });
	if (size) {
		q.set('w', String(size.w));
		q.set('h', String(size.h));
	}
	return `${base}/__floor/?${q}`;
}
