// npm run snapshots: a picture of every story step, rendered from the real map
// in Chromium (the embed page's card layout): static/snapshots/<lang>/<id>.png
// (1200x630, og:image / social card / no-JS fallback) and <id>-small.png
// (600x315, oEmbed thumbnail). Needs a production build (npm run build).
// The drawing itself (the page, the sizes, the atomic writes) is the server's
// too, after a publish: src/lib/server/pictures/render-step-picture.js.
//   node scripts/snapshots.js [--out DIR] [--lang fr|en] [--base http://host:port] [--only id,id]
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS, CHROMIUM_HELP } from './lib/chromium.js';
import { startBuiltServer } from '../server/start-built.js';
import { renderStepPicture } from '../src/lib/server/pictures/render-step-picture.js';

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
	for (const lang of langs)
		for (const id of steps) for (const file of await renderStepPicture({ browser, base, id, lang, outDir: out })) console.log(`saved ${file}`);
} finally {
	await browser.close();
	server?.stop();
}
