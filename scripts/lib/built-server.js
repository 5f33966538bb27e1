// Starts the production build (scripts/start.js) on a port for the scripts that
// drive Chromium against it (screenshots, snapshots, bench), waits until it
// answers, and gives a way to stop it.
import { spawn } from 'node:child_process';

/** @returns {Promise<{ base: string, stop: () => void }>} */
export async function startBuiltServer(port, env = {}) {
	const base = `http://localhost:${port}`;
	const child = spawn(process.execPath, ['scripts/start.js'], { env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(base + '/')).ok) break;
		} catch {
			/* not up yet */
		}
		if (i > 150) {
			child.kill();
			throw new Error(`the server did not answer on ${base}: run \`npm run build\` first`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return { base, stop: () => child.kill() };
}

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
