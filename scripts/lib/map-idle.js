// Waiting for the Qantar map (window.qantar.map) to be drawn: one condition for
// the browser tests (tests/e2e/helpers.ts) and the scripts that drive Chromium
// against the built server (screenshots, snapshots).

/**
 * Resolves once the map exists, its style and tiles are loaded, its labels placed and it is not
 * moving: at the first 'idle' event where the map is loaded (never before a frame has been drawn).
 * @param {import('@playwright/test').Page} page
 * @param {{ timeout?: number }} [options] how long to wait for the map to exist (ms)
 */
export async function waitForMapIdle(page, { timeout = 30_000 } = {}) {
	// window.qantar is the app's test hook
	await page.waitForFunction(() => !!(/** @type {any} */ (window).qantar?.map), null, { timeout });
	await page.evaluate(
		() =>
			new Promise((resolve) => {
				const map = /** @type {any} */ (window).qantar.map;
				const done = () => map.loaded() && map.isStyleLoaded() && !map.isMoving();
				// always an 'idle' event, never only loaded(): the sources may be loaded while the labels of
				// their new tiles are not placed yet (MapLibre places them at the next frame, then fades);
				// 'idle' fires once a frame has nothing left to load, place or fade
				const check = () => {
					if (!done()) return;
					map.off('idle', check);
					resolve(undefined);
				};
				map.on('idle', check);
				map.triggerRepaint();
			})
	);
}
