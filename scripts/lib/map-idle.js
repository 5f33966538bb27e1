// For the scripts that drive Chromium against the built server (screenshots,
// snapshots; the server itself: server/start-built.js).

/** Resolves in the page once the Qantar map is loaded and not moving. */
export async function waitForMapIdle(page) {
	await page.waitForFunction(() => !!window.qantar?.map, null, { timeout: 60_000 });
	await page.evaluate(
		() =>
			new Promise((resolve) => {
				const map = window.qantar.map;
				const check = () => map.loaded() && !map.isMoving() && resolve(undefined);
				map.on('idle', check);
				map.triggerRepaint();
				check();
			})
	);
}
