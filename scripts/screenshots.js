// npm run docs:screenshots: serves the production build and saves screenshots
// of the map for the README under docs/ (real Chromium, the tests' browser).
//   node scripts/screenshots.js                  the README set
//   node scripts/screenshots.js URLPATH OUT.png [WIDTHxHEIGHT] [zoom,lon,lat]
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS, CHROMIUM_HELP } from './lib/chromium.js';
import { startBuiltServer } from '../server/start-built.js';
import { waitForMapIdle } from './lib/map-idle.js';

const PORT = Number(process.env.SHOT_PORT ?? 4391);
const found = await findChromium();
if (!found) {
	console.error(CHROMIUM_HELP);
	process.exit(1);
}

const server = await startBuiltServer({ port: PORT });
const base = server.base;
try {
	const browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
	const [, , path, out, size, cam] = process.argv;
	const shots = path
		? [{ path, out, size: size ?? '1280x800', cam }]
		: [
				{ path: '/?test#overview', out: 'docs/story-overview-1280.png', size: '1280x800' },
				{ path: '/?test#overview', out: 'docs/home-z3.png', size: '1280x800', cam: '3.2,64,48' },
				{ path: '/?test#residence', out: 'docs/home-z11.png', size: '1280x800', cam: '11,76.93,43.25' },
				...['spread', 'akimat', 'residence', 'airport', 'csto-airlift', 'toll'].flatMap((id) => [
					{ path: `/?test#${id}`, out: `docs/story-${id}-1280.png`, size: '1280x800' },
					{ path: `/en?test#${id}`, out: `docs/story-${id}-375-en.png`, size: '375x740' }
				]),
				// the city context in both languages (docs/city-context.md)
				{ path: '/en?test#residence', out: 'docs/story-residence-1280-en.png', size: '1280x800' },
				{ path: '/?test#residence', out: 'docs/story-residence-375.png', size: '375x740' }
			];
	mkdirSync('docs', { recursive: true });
	for (const s of shots) {
		const [width, height] = s.size.split('x').map(Number);
		const page = await browser.newPage({ viewport: { width, height } });
		await page.goto(base + s.path);
		await page.waitForFunction(() => !!window.qantar?.map, null, { timeout: 30000 });
		// story pages: wait until the camera has settled on the step
		if (await page.locator('[data-active-step]').count())
			await page.waitForFunction(
				() => {
					const el = document.querySelector('[data-active-step]');
					return el && el.getAttribute('data-map-step') === el.getAttribute('data-active-step');
				},
				null,
				{ timeout: 30000 }
			);
		if (s.cam) {
			const [zoom, lon, lat] = s.cam.split(',').map(Number);
			await page.evaluate(([zoom, lon, lat]) => window.qantar.map.jumpTo({ zoom, center: [lon, lat] }), [zoom, lon, lat]);
		}
		await waitForMapIdle(page, { timeout: 60_000 });
		await page.waitForTimeout(300); // let CSS transitions of the page chrome settle
		await page.screenshot({ path: s.out });
		console.log(`saved ${s.out}`);
		await page.close();
	}
	await browser.close();
} finally {
	server.stop();
}
