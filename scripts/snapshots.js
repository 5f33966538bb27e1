// npm run snapshots: a picture of every story step, rendered from the real map
// in Chromium (the embed page's card layout): static/snapshots/<lang>/<id>.png
// (1200x630, og:image / social card / no-JS fallback) and <id>-small.png
// (600x315, oEmbed thumbnail). Needs a production build (npm run build).
//   node scripts/snapshots.js [--out DIR] [--lang fr|en] [--base http://host:port] [--only id,id]
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS, CHROMIUM_HELP } from './lib/chromium.js';
import { startBuiltServer } from '../server/start-built.js';
import { waitForMapIdle } from './lib/map-idle.js';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const out = arg('out', 'static/snapshots');
const langs = arg('lang', 'fr,en').split(',');
const only = arg('only', '')?.split(',').filter(Boolean);
let base = arg('base', null);
const steps = parse(readFileSync('content/steps.yaml', 'utf8'))
	.steps.map((s) => s.id)
	.filter((id) => !only?.length || only.includes(id));

const found = await findChromium();
if (!found) {
	console.error(CHROMIUM_HELP);
	process.exit(1);
}
let server;
if (!base) {
	server = await startBuiltServer({ port: Number(process.env.SNAPSHOT_PORT ?? 4393) });
	base = server.base;
}
const browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
try {
	for (const lang of langs) {
		mkdirSync(join(out, lang), { recursive: true });
		for (const id of steps) {
			for (const [w, h, suffix] of [
				[1200, 630, ''],
				[600, 315, '-small']
			]) {
				const page = await browser.newPage({ viewport: { width: w, height: h } });
				await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
				await page.goto(`${base}${lang === 'en' ? '/en' : ''}/embed/step/${id}?card=1&theme=light&test`);
				await page.waitForFunction((id) => document.querySelector('[data-active-step]')?.getAttribute('data-map-step') === id, id, { timeout: 60_000 });
				await waitForMapIdle(page, { timeout: 60_000 });
				await page.waitForTimeout(250); // the cut's cross-fade
				const file = join(out, lang, `${id}${suffix}.png`);
				await page.screenshot({ path: file });
				console.log(`saved ${file}`);
				await page.close();
			}
		}
	}
} finally {
	await browser.close();
	server?.stop();
}
