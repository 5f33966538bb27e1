// Lighthouse's figures for the story, a step embed and the bench's floor page (bare MapLibre, same
// style and data), with its default phone profile and its desktop preset, several runs each
// interleaved (page after page, preset after preset), medians printed; then Lighthouse's
// accessibility score of every reader route. Offline: Chromium resolves no host but this machine,
// and a run that requested anything off it fails the script.
//
//   node scripts/bench-lighthouse.js [--runs 3] [--no-build] [--step csto-airlift] [--out bench-results]
//   BENCH_LIGHTHOUSE_PORT=4521 (the built server's port)
//
// Builds the app and the floor into .tmp/bench/ as npm run bench does (--no-build reuses them),
// serves them with server/index.js. Lighthouse 12 (13 needs Node 22), the tests' Chromium
// (SwiftShader WebGL, as every bench here). Exits 1 when a reader route scores below 100 in
// accessibility or a request left the machine.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import lighthouse, { desktopConfig } from 'lighthouse';
import { precompressData } from '../server/precompress.js';
import { startBuiltServer } from '../server/start-built.js';
import { CHROMIUM_ARGS } from './lib/chromium.js';
import { buildAppAndFloor, cli, launchChromium, writeResults } from './lib/bench-harness.js';
import { waitForMapIdle } from './lib/map-idle.js';
import { camera, floorUrl } from './lib/floor-view.js';
import { median } from './lib/stats.js';

/** --runs 0: only the accessibility of the reader routes */
const RUNS = Math.max(0, Number(cli.arg('runs', 3)));
const PORT = Number(process.env.BENCH_LIGHTHOUSE_PORT ?? 4521);
const DEBUG_PORT = Number(process.env.BENCH_LIGHTHOUSE_DEBUG_PORT ?? PORT + 1000);
const BASE = `http://localhost:${PORT}`;
const BUILD = resolve('.tmp/bench/build');
const KIT = resolve('.tmp/bench/kit');
const STEP = cli.arg('step', 'csto-airlift');
const OUT_DIR = cli.arg('out', 'bench-results');
const log = (...a) => console.log(...a);

/** Lighthouse's two settings: its default (a phone, simulated slow 4G and 4× CPU) and its desktop preset. */
const PRESETS = { phone: undefined, desktop: desktopConfig };
/** The reader routes that must score 100 in accessibility. */
const READER_ROUTES = {
	story: '/',
	'step embed': `/embed/step/${STEP}`,
	'composed-view embed': '/embed/view?center=76.946,43.236&zoom=12&layers=almaty-sites,protest-cities',
	explore: '/explore',
	corrections: '/corrections',
	'story (en)': '/en'
};

/** Nothing but this machine: every other host name fails to resolve in the browser. */
const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'];
// The floor's only paint is a WebGL canvas: Lighthouse 12 with this Chromium (headless, SwiftShader)
// reports NO_FCP for it (tried: keeping its tab out of background throttling did not change that);
// its column stays empty and the run is listed, not fatal. npm run bench measures it.

if (!cli.flag('no-build') || !existsSync(join(BUILD, 'handler.js'))) buildAppAndFloor({ build: BUILD, kit: KIT, log });
precompressData(join(BUILD, 'client/__floor'), /\.(html|js|mjs|css)$/);
const server = await startBuiltServer({ port: PORT, env: { QANTAR_BUILD_DIR: BUILD, HOST: '127.0.0.1', ORIGIN: BASE } });
const started = new Date();
const chromium = await launchChromium([...CHROMIUM_ARGS, ...OFFLINE_ARGS, `--remote-debugging-port=${DEBUG_PORT}`]);
const { browser, version } = chromium;
log(`Chromium ${version}, Lighthouse 12, ${RUNS} runs per page and preset, server ${BASE}`);

/** The story's opening camera at a window size: the floor opens on it, as in npm run bench. */
async function storyCamera(width, height) {
	const page = await browser.newPage({ viewport: { width, height } });
	await page.goto(`${BASE}/`, { timeout: 300_000 });
	await waitForMapIdle(page, { timeout: 300_000 });
	const cam = await page.evaluate(camera);
	await page.close();
	return floorUrl('', cam);
}

// Lighthouse's windows: its phone is 412×823, its desktop 1350×940
const pages = {
	phone: { story: '/', embed: `/embed/step/${STEP}`, floor: RUNS ? await storyCamera(412, 823) : '' },
	desktop: { story: '/', embed: `/embed/step/${STEP}`, floor: RUNS ? await storyCamera(1350, 940) : '' }
};

/** Every request of a Lighthouse run that was not to this machine (or data:/blob:). */
function offMachine(lhr) {
	const items = /** @type {{ url: string }[]} */ (lhr.audits['network-requests']?.details?.items ?? []);
	return items.map((i) => i.url).filter((u) => !u.startsWith(`${BASE}/`) && !/^(data|blob):/.test(u));
}

const left = [];
/** @type {string[]} runs Lighthouse could not measure (NO_FCP...) */
const errors = [];
/** One Lighthouse run. */
async function run(path, preset, categories) {
	// a shared 2-core machine with SwiftShader: give the first paint and the load more than the default 30/45 s
	const flags = {
		port: DEBUG_PORT,
		output: /** @type {'json'} */ ('json'),
		logLevel: /** @type {'error'} */ ('error'),
		onlyCategories: categories,
		maxWaitForFcp: 90_000,
		maxWaitForLoad: 120_000
	};
	const result = await lighthouse(`${BASE}${path}`, flags, PRESETS[preset]);
	if (!result) throw new Error(`${path}: Lighthouse gave no result`);
	const { lhr } = result;
	for (const u of offMachine(lhr)) left.push(`${path} (${preset}): ${u}`);
	if (lhr.runtimeError) {
		log(`  ${path.slice(0, 40)} (${preset}): Lighthouse could not measure it: ${lhr.runtimeError.code}`);
		errors.push(`${path} (${preset}): ${lhr.runtimeError.code}`);
		return null;
	}
	return lhr;
}

const num = (lhr, id) => lhr.audits[id]?.numericValue ?? NaN;
/** @type {Record<string, Record<string, { score: number, lcp: number, tbt: number, si: number, fcp: number, a11y: number }[]>>} */
const perf = { phone: {}, desktop: {} };
for (let r = 0; r < RUNS; r++) {
	// interleaved: each run goes through every page on both presets, the order turned every other run
	const order = Object.keys(pages.phone);
	for (const preset of r % 2 ? ['desktop', 'phone'] : ['phone', 'desktop'])
		for (const name of r % 2 ? [...order].reverse() : order) {
			const lhr = await run(pages[preset][name], preset, ['performance', 'accessibility']);
			if (!lhr) continue;
			const row = {
				score: Math.round((lhr.categories.performance.score ?? 0) * 100),
				lcp: num(lhr, 'largest-contentful-paint'),
				tbt: num(lhr, 'total-blocking-time'),
				si: num(lhr, 'speed-index'),
				fcp: num(lhr, 'first-contentful-paint'),
				a11y: Math.round((lhr.categories.accessibility.score ?? 0) * 100)
			};
			(perf[preset][name] ??= []).push(row);
			log(
				`  run ${r + 1} ${preset.padEnd(7)} ${name.padEnd(5)} score ${row.score}, LCP ${Math.round(row.lcp)} ms, TBT ${Math.round(row.tbt)} ms, SI ${Math.round(row.si)} ms`
			);
		}
}

/** @param {number[]} xs */
const med = (xs) => median(xs.filter(Number.isFinite));
const s = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '—');
log('');
for (const preset of RUNS ? ['phone', 'desktop'] : []) {
	log(`| Lighthouse ${preset} (median of ${RUNS}) | ${Object.keys(pages[preset]).join(' | ')} |`);
	log(
		`|---|${Object.keys(pages[preset])
			.map(() => '---')
			.join('|')}|`
	);
	const rows = /** @type {const} */ ([
		['performance score', 'score', (v) => (Number.isFinite(v) ? String(Math.round(v)) : '—')],
		['Largest Contentful Paint', 'lcp', s],
		['Total Blocking Time', 'tbt', s],
		['Speed Index', 'si', s],
		['First Contentful Paint', 'fcp', s],
		['accessibility', 'a11y', (v) => (Number.isFinite(v) ? String(Math.round(v)) : '—')]
	]);
	for (const [label, key, show] of rows)
		log(
			`| ${label} | ${Object.keys(pages[preset])
				.map((name) => show(med((perf[preset][name] ?? []).map((x) => x[key]))))
				.join(' | ')} |`
		);
	log('');
}

// accessibility of every reader route, on both presets (what the layout hides or shows differs)
const a11y = {};
let failed = false;
for (const [name, path] of Object.entries(READER_ROUTES))
	for (const preset of ['phone', 'desktop']) {
		const lhr = await run(path, preset, ['accessibility']);
		if (!lhr) {
			failed = true;
			continue;
		}
		const score = Math.round((lhr.categories.accessibility.score ?? 0) * 100);
		const flagged = Object.values(lhr.audits)
			.filter((a) => a.score === 0 && lhr.categories.accessibility.auditRefs.some((ref) => ref.id === a.id && ref.weight > 0))
			.map((a) => ({
				id: a.id,
				nodes: /** @type {{ node?: { selector?: string, snippet?: string } }[]} */ (a.details?.items ?? [])
					.slice(0, 4)
					.map((i) => i.node?.snippet ?? i.node?.selector ?? '')
			}));
		a11y[`${name} ${preset}`] = { path, score, flagged };
		if (score < 100) failed = true;
		log(
			`accessibility ${score === 100 ? 'ok  ' : 'FAIL'} ${name} (${path}), ${preset}: ${score}${flagged.length ? ` — flagged: ${flagged.map((f) => `${f.id} (${f.nodes.join(' ')})`).join(', ')}` : ''}`
		);
	}

if (left.length) {
	failed = true;
	log(`\nFAIL requests that left the machine:\n${left.map((l) => `  ${l}`).join('\n')}`);
} else log('\nok   no request left the machine (Chromium resolves only localhost; every run checked)');

const file = writeResults({
	outDir: OUT_DIR,
	name: 'lighthouse',
	started,
	chromium,
	data: { runs: RUNS, lighthouse: '12.2.3', pages, perf, a11y, offMachine: left, errors }
});
if (errors.length) log(`runs Lighthouse could not measure: ${errors.length} (${errors.join('; ')})`);
log(`results: ${file}`);
await browser.close();
await server.stop();
process.exit(failed ? 1 : 0);
