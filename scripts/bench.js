// npm run bench: measures the production build in Chromium (the tests' browser,
// same launch arguments) against the FLOOR — a bare MapLibre page with the same
// style, data, camera flights and map size and no story code (scripts/bench/floor/) —
// and checks the performance budgets (docs/performance.md, "Budgets"). Exits 1 when a
// budget is exceeded. Figures are never asserted by the tests.
//   node scripts/bench.js [--runs 5] [--idle-runs 16] [--profile desktop,phone] [--no-build] [--step csto-airlift] [--out bench-results]
// Each profile (scripts/lib/bench-profiles.js: desktop; phone = 375×740, CPU 4× slower,
// slow 4G) measures every page and its floor in turns.
// It builds into .tmp/bench/ (its own folders: a concurrent `npm run build` cannot
// disturb it), serves that build with server/index.js on a loopback port and
// measures, per route and run (fresh browser context each time, so a cold cache):
// JS bytes (raw, gzip) split MapLibre / app / other, requests and transferred
// bytes until the map is idle on the opening view, FCP, time to that idle, frames
// per second of every step transition, long tasks during the full story, JS heap.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { CHROMIUM_ARGS } from './lib/chromium.js';
import { buildAppAndFloor, Budgets, cli, launchChromium, writeResults } from './lib/bench-harness.js';
import { applyProfile, blockingTime, longTasksIn, PROFILES } from './lib/bench-profiles.js';
import { precompressData } from '../server/precompress.js';
import { startBuiltServer } from '../server/start-built.js';
import { median, ratioInterval, stat } from './lib/stats.js';
import { camera, floorUrl as floorUrlAt, mapSettledOn, mapSize, WALK_PAUSE_MS } from './lib/floor-view.js';

const { arg } = cli;
const RUNS = Math.max(1, Number(arg('runs', process.env.BENCH_RUNS ?? 5)));
// loads up to the first idle only, after the full runs: a time ratio from 5–7 runs moves by ±0.2 here
const IDLE_RUNS = Math.max(0, Number(arg('idle-runs', process.env.BENCH_IDLE_RUNS ?? 16)));
const PORT = Number(process.env.BENCH_PORT ?? 4520);
const BASE = `http://localhost:${PORT}`;
const BUILD = resolve('.tmp/bench/build');
const KIT = resolve('.tmp/bench/kit');
const EMBED_STEP = arg('step', 'csto-airlift');
const OUT_DIR = arg('out', 'bench-results');
const KB = 1024;

/** The budgets (docs/performance.md, "Budgets"). */
export const BUDGETS = {
	appJsGzip: 60 * KB, // app JS on reader and embed routes, beyond MapLibre
	bytesToIdle: 1, // x floor
	timeToIdle: 1, // x floor, on both profiles
	phoneLcpMs: 3000, // phone profile, median over every load
	phoneTbtMs: 2000, // phone profile, FCP → first map idle, median over every load
	fpsRatio: 0.9, // x floor, same flight
	dataFirstStepGzip: 1024 * KB // basemap + layers for the first step
};

const log = (...a) => console.log(...a);

// ---------------------------------------------------------------- build + serve
const build = () => buildAppAndFloor({ build: BUILD, kit: KIT, log });

const serve = () => startBuiltServer({ port: PORT, env: { QANTAR_BUILD_DIR: BUILD, HOST: '127.0.0.1', ORIGIN: BASE } });

// ---------------------------------------------------------------- what is what
/** MapLibre files (chunk + worker) and editor-only files, from the build's manifests. */
function classifyBuild() {
	const manifest = JSON.parse(readFileSync(join(KIT, 'output/client/.vite/manifest.json'), 'utf8'));
	const maplibre = new Set();
	for (const [key, v] of Object.entries(manifest)) if (/maplibre/.test(key)) maplibre.add('/' + v.file);
	// server nodes name their route and list their client files
	const nodesDir = join(KIT, 'output/server/nodes');
	const editor = new Set();
	const reader = new Set();
	for (const f of readdirSync(nodesDir)) {
		const text = readFileSync(join(nodesDir, f), 'utf8');
		const imports = JSON.parse(text.match(/export const imports = (\[.*?\]);/)?.[1] ?? '[]').map((x) => '/' + x);
		const route = text.match(/entries\/pages\/(.*?)_(page|layout|error)\.svelte/)?.[1] ?? '';
		const isEditor = /^(edit|explore\/edit)\b/.test(route) || /terra-?draw/i.test(text);
		for (const x of imports) (isEditor ? editor : reader).add(x);
	}
	for (const x of reader) editor.delete(x);
	return { maplibre, editorOnly: editor };
}

// ---------------------------------------------------------------- in the page
/** Installed before any page script: first qualifying idle, long tasks, FCP. */
const INIT = () => {
	const b = (window.__bench = { firstIdle: 0, longtasks: [], lcp: [], counting: false, frames: 0, mapFrames: 0 });
	try {
		new PerformanceObserver((l) => {
			for (const e of l.getEntries()) b.longtasks.push([e.startTime, e.duration]);
		}).observe({ type: 'longtask', buffered: true });
		// largest contentful paint candidates (text and images: a WebGL canvas is never one)
		new PerformanceObserver((l) => {
			for (const e of l.getEntries()) b.lcp.push([e.startTime, e.size, e.element?.tagName ?? '']);
		}).observe({ type: 'largest-contentful-paint', buffered: true });
	} catch {
		// no long-task or LCP timing in this browser: the counts stay empty
	}
	let q;
	Object.defineProperty(window, 'qantar', {
		configurable: true,
		get: () => q,
		set(v) {
			q = v;
			const map = v && v.map;
			if (!map) return;
			// frames the map draws (MapLibre's 'render'): during a flight each is a task of its own, so at a
			// phone's CPU the long tasks of the walk follow how many frames the map draws in it
			map.on('render', () => b.mapFrames++);
			// first idle with the map on its opening view (story/embed: settled on the step)
			const check = () => {
				if (b.firstIdle) return;
				const el = document.querySelector('[data-active-step]');
				if (el && el.getAttribute('data-map-step') !== el.getAttribute('data-active-step')) return;
				// MapLibre fires 'idle' only when the map is loaded and still: no map.loaded() here, since the
				// page's own idle listeners, registered before this one (label guards, the deferred basemap
				// files), may start new loads at that very idle and make loaded() false by the time this runs
				b.firstIdle = performance.now();
				map.off('idle', check);
			};
			map.on('idle', check);
		}
	});
	b.startFrames = () => {
		b.frames = 0;
		b.counting = true;
		b.t0 = performance.now();
		const tick = () => {
			if (!b.counting) return;
			b.frames++;
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	};
	b.stopFrames = () => {
		b.counting = false;
		return { frames: b.frames, ms: performance.now() - b.t0 };
	};
};

/** Size of a built static file as the server sends it to Chromium (its .br beside it when there is one). */
function servedSize(path) {
	const file = join(BUILD, 'client', decodeURIComponent(path));
	for (const f of [`${file}.br`, file]) if (existsSync(f)) return statSync(f).size;
	return 0;
}

/** CPU time counters of the whole machine (Linux), or null elsewhere. */
function cpuTimes() {
	try {
		const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
		return { idle: f[3] + f[4], total: f.reduce((a, b) => a + b, 0) };
	} catch {
		return null;
	}
}

/**
 * Waits until the machine is quiet (at least 90 % idle over 300 ms, at most
 * 10 s): the page closed just before (its renderer, GPU work and worker going
 * away) must not be counted in the next page's load, whichever page that is.
 * Without /proc/stat, a fixed 1.5 s pause.
 */
async function quiet() {
	const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
	if (!cpuTimes()) return sleep(1500);
	const until = Date.now() + 10_000;
	while (Date.now() < until) {
		const a = cpuTimes();
		await sleep(300);
		const b = cpuTimes();
		if ((b.idle - a.idle) / Math.max(1, b.total - a.total) >= 0.9) return;
	}
}

/**
 * A page of another site (127.0.0.1 is not localhost's site) that each measured load
 * comes from, as a reader comes from a link elsewhere. A new tab's blank document
 * shares the renderer of the first page it loads, and Chromium shuts its compositor
 * down ~1 s after that page commits, on that page's main thread (200 ms–1 s here,
 * waiting on the GPU process): at that moment the app is still starting and the
 * floor is already loading tiles, so it weighed on one more than the other. Coming
 * from another site, the page gets its own renderer and the blank one goes away elsewhere.
 */
const ELSEWHERE = `http://127.0.0.1:${PORT}/favicon.svg`;

/**
 * Opens a page in a fresh context, on a quiet machine, as the device says (its viewport and
 * profile: desktop, or a phone with CPU and network slowed), and measures its load up to the
 * first map idle.
 */
async function load(browser, url, device, kinds) {
	const context = await browser.newContext({ viewport: device.viewport, ...device.profile.context });
	const page = await context.newPage();
	await page.goto(ELSEWHERE);
	await quiet();
	await page.addInitScript(INIT);
	const requests = [];
	page.on('requestfinished', (r) => requests.push(r));
	const cdp = await context.newCDPSession(page);
	await cdp.send('Performance.enable');
	await applyProfile(cdp, device.profile);
	await page.goto(url, { waitUntil: 'domcontentloaded' });
	await page.waitForFunction(() => window.__bench.firstIdle > 0, null, { timeout: 90_000 });
	const t = await page.evaluate(() => ({
		firstIdle: window.__bench.firstIdle,
		idleEpoch: performance.timeOrigin + window.__bench.firstIdle,
		fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
		// when the page asked MapLibre for its map (the app's MapView and the floor mark it): the rest of the wait is the map's own
		mapCreate: performance.getEntriesByName('qantar:map-create')[0]?.startTime ?? NaN,
		longtasks: window.__bench.longtasks.slice(),
		// the largest paint before the map is idle (later ones come from scrolling)
		lcp: window.__bench.lcp.filter(([s]) => s <= window.__bench.firstIdle).at(-1) ?? null
	}));
	// Lighthouse-style figures of the load: TBT from FCP to the first map idle (not to Lighthouse's TTI)
	const vitals = {
		lcp: t.lcp ? t.lcp[0] : NaN,
		lcpElement: t.lcp ? t.lcp[2] : null,
		tbt: blockingTime(t.longtasks, t.fcp, t.firstIdle),
		loadLongtasks: longTasksIn(t.longtasks, 0, t.firstIdle)
	};
	await page.waitForTimeout(250); // let finished-request events arrive
	let n = 0;
	let bytes = 0;
	let dataGzip = 0;
	const js = { maplibre: { raw: 0, gzip: 0 }, app: { raw: 0, gzip: 0 }, other: { raw: 0, gzip: 0 } };
	const scripts = [];
	// a URL asked for twice (a preload, then its use) crosses the wire once: the second answer comes from the HTTP cache
	const seen = new Set();
	for (const r of requests) {
		const timing = r.timing();
		const path = new URL(r.url()).pathname;
		const isScript = r.resourceType() === 'script' || /\.(m?js)$/.test(path);
		// MapLibre's worker script is always there before the first idle (a request made by a worker carries its own clock)
		const early = timing.startTime <= t.idleEpoch || /maplibre-gl-worker/.test(path);
		const again = seen.has(r.url());
		seen.add(r.url());
		if (early) {
			n++;
			if (!again) {
				const s = await r.sizes();
				// a worker's own request has no sizes in Chromium's report: the file as the server sends it (brotli) is counted
				const body = s.responseBodySize > 0 ? s.responseBodySize : servedSize(path);
				bytes += body + s.responseHeadersSize;
			}
		}
		if (again || (!early && !isScript)) continue;
		const body = await r
			.response()
			.then((res) => res?.body())
			.catch(() => null);
		if (!body) continue;
		const gz = gzipSync(body, { level: 9 }).length;
		if (early && (path.startsWith('/geo/') || r.resourceType() === 'document')) dataGzip += gz;
		if (isScript) {
			const kind = kinds.maplibre.has(path) || path.startsWith('/__floor/') ? 'maplibre' : path.startsWith('/_app/') ? 'app' : 'other';
			js[kind].raw += body.length;
			js[kind].gzip += gz;
			scripts.push({ path, kind, raw: body.length, gzip: gz, text: kind === 'maplibre' ? '' : body.toString('utf8') });
		}
	}
	return { context, page, cdp, load: { requests: n, bytes, fcp: t.fcp, mapCreate: t.mapCreate, firstIdle: t.firstIdle, ...vitals, dataGzip, js }, scripts };
}

async function heap(cdp) {
	await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
	const { metrics } = await cdp.send('Performance.getMetrics');
	return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

const longtasksBetween = async (page, from, to) => longTasksIn(await page.evaluate(() => window.__bench.longtasks), from, to);
/** The page's clock and the map frames drawn so far: a walk is measured between two of these. */
const walkMark = (page) => page.evaluate(() => [performance.now(), window.__bench.mapFrames]);

async function storyRun(browser, kinds, steps, profile) {
	const r = await load(browser, `${BASE}/`, { viewport: profile.story, profile }, kinds);
	const { page } = r;
	const cameras = [await page.evaluate(camera)];
	const size = await mapSize(page);
	const transitions = [];
	const [t0, m0] = await walkMark(page);
	let retries = 0;
	for (let i = 1; i < steps.length; i++) {
		let ok = false;
		for (let attempt = 0; attempt < 4 && !ok; attempt++) {
			await page.waitForTimeout(WALK_PAUSE_MS);
			if (attempt) retries++;
			await page.evaluate(() => window.__bench.startFrames());
			if (!attempt || (await page.evaluate(() => location.hash)) !== `#${steps[i]}`) await page.keyboard.press('ArrowDown');
			ok = await mapSettledOn(page, steps[i], 8_000);
		}
		if (!ok) {
			const state = await page.evaluate(() => [document.querySelector('[data-map-step]')?.outerHTML.slice(0, 120), location.hash]);
			throw new Error(`step ${steps[i]} never settled after ArrowDown: ${JSON.stringify(state)}`);
		}
		const f = await page.evaluate(() => window.__bench.stopFrames());
		transitions.push({ step: steps[i], fps: (f.frames * 1000) / f.ms, ms: f.ms });
		cameras.push(await page.evaluate(camera));
	}
	const [t1, m1] = await walkMark(page);
	const lt = await longtasksBetween(page, t0, t1);
	const heapBytes = await heap(r.cdp);
	await r.context.close();
	return { ...r.load, transitions, keyRetries: retries, longtasks: lt, mapFrames: m1 - m0, heap: heapBytes, cameras, size, scripts: r.scripts };
}

const floorUrl = (cam, size) => floorUrlAt(BASE, cam, size);

async function floorRun(browser, kinds, cameras, size, device) {
	const r = await load(browser, floorUrl(cameras[0], size), device, kinds);
	const { page } = r;
	const transitions = [];
	const [t0, m0] = await walkMark(page);
	for (let i = 1; i < cameras.length; i++) {
		await page.waitForTimeout(WALK_PAUSE_MS);
		const f = await page.evaluate((c) => window.floorFly(c), cameras[i]);
		transitions.push({ fps: (f.frames * 1000) / f.ms, ms: f.ms });
	}
	const [t1, m1] = await walkMark(page);
	const lt = await longtasksBetween(page, t0, t1);
	const heapBytes = await heap(r.cdp);
	await r.context.close();
	return { ...r.load, transitions, longtasks: lt, mapFrames: m1 - m0, heap: heapBytes };
}

async function simpleRun(browser, kinds, url, device) {
	const r = await load(browser, url, device, kinds);
	const cam = await r.page.evaluate(camera);
	const size = await mapSize(r.page);
	const heapBytes = await heap(r.cdp);
	await r.context.close();
	return { ...r.load, heap: heapBytes, cameras: [cam], size, scripts: r.scripts };
}

/** A page's load up to its first map idle, nothing after: its time, and where its map opened. */
async function idleRun(browser, kinds, url, device) {
	const r = await load(browser, url, device, kinds);
	const cam = await r.page.evaluate(camera);
	await r.context.close();
	const { firstIdle, fcp, lcp, tbt, loadLongtasks, bytes } = r.load;
	return { firstIdle, fcp, lcp, tbt, loadLongtasks, bytes, camera: cam };
}
const EMBED_URL = `${BASE}/embed/step/${EMBED_STEP}`;

/** Two measures of the same map views, numbers rounded (a camera read twice may differ in its last digits). */
const sameView = (a, b) => {
	const round = (_k, v) => (typeof v === 'number' ? Math.round(v * 1e5) / 1e5 : v);
	return JSON.stringify(a, round) === JSON.stringify(b, round);
};

/**
 * A page and its floor, measured in the order asked. A page measured after another one pays for
 * what that one leaves behind (its renderer and GPU work going away, more than the quiet wait
 * sees), so callers alternate. A floor that goes first flies `previous`, the view (`viewOf`) of
 * the page's previous measure, checked to be the view the page shows again; otherwise the floor
 * flies the page's own. Returns [page, floor].
 */
async function inTurns(floorFirst, previous, page, viewOf, floor) {
	const before = floorFirst && previous ? await floor(previous) : null;
	const p = await page();
	if (before && !sameView(viewOf(p), previous))
		throw new Error('a page opened on another view than in its previous measure: the floor measured before it flew that one');
	return [p, before ?? (await floor(viewOf(p)))];
}

// ---------------------------------------------------------------- summary
function summarise(runs) {
	const pick = (f) => stat(runs.map(f));
	const out = {
		requestsToIdle: pick((r) => r.requests),
		bytesToIdle: pick((r) => r.bytes),
		fcpMs: pick((r) => r.fcp),
		mapCreateMs: pick((r) => r.mapCreate),
		firstIdleMs: pick((r) => r.firstIdle),
		dataFirstViewGzip: pick((r) => r.dataGzip),
		lcpMs: pick((r) => r.lcp),
		tbtMs: pick((r) => r.tbt),
		loadLongtaskCount: pick((r) => r.loadLongtasks.count),
		loadLongtaskMs: pick((r) => r.loadLongtasks.ms),
		jsMaplibreRaw: pick((r) => r.js.maplibre.raw),
		jsMaplibreGzip: pick((r) => r.js.maplibre.gzip),
		jsAppRaw: pick((r) => r.js.app.raw),
		jsAppGzip: pick((r) => r.js.app.gzip),
		jsOtherRaw: pick((r) => r.js.other.raw),
		jsOtherGzip: pick((r) => r.js.other.gzip),
		heapBytes: pick((r) => r.heap)
	};
	if (runs[0].transitions) {
		const n = runs[0].transitions.length;
		out.transitionFps = Array.from({ length: n }, (_, i) => ({ step: runs[0].transitions[i].step, ...stat(runs.map((r) => r.transitions[i]?.fps)) }));
		out.transitionFpsMedian = stat(runs.map((r) => median(r.transitions.map((t) => t.fps))));
		out.longtaskCount = pick((r) => r.longtasks.count);
		out.longtaskMs = pick((r) => r.longtasks.ms);
		out.mapFrames = pick((r) => r.mapFrames);
	}
	return out;
}

const fmt = {
	bytes: (b) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`),
	ms: (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—'),
	n: (x) => (Number.isInteger(x) ? String(x) : x.toFixed(1))
};
const ROWS = [
	['JS MapLibre raw', 'jsMaplibreRaw', 'bytes'],
	['JS MapLibre gzip', 'jsMaplibreGzip', 'bytes'],
	['JS app raw', 'jsAppRaw', 'bytes'],
	['JS app gzip', 'jsAppGzip', 'bytes'],
	['JS other gzip', 'jsOtherGzip', 'bytes'],
	['requests to idle', 'requestsToIdle', 'n'],
	['bytes to idle (wire)', 'bytesToIdle', 'bytes'],
	['data first view (gzip)', 'dataFirstViewGzip', 'bytes'],
	['first contentful paint', 'fcpMs', 'ms'],
	['map creation starts', 'mapCreateMs', 'ms'],
	['largest contentful paint', 'lcpMs', 'ms'],
	['long tasks to first idle', 'loadLongtaskCount', 'n'],
	['their time', 'loadLongtaskMs', 'ms'],
	['blocking time FCP→idle', 'tbtMs', 'ms'],
	['first map idle', 'firstIdleMs', 'ms'],
	['transition fps (median)', 'transitionFpsMedian', 'n'],
	['long tasks (full story)', 'longtaskCount', 'n'],
	['long task time', 'longtaskMs', 'ms'],
	['map frames (full story)', 'mapFrames', 'n'],
	['JS heap after', 'heapBytes', 'bytes']
];

function table(title, s, floor) {
	const lines = [`\n${title}`, `${'figure'.padEnd(26)}${'median'.padStart(12)}${'min–max'.padStart(24)}${'× floor'.padStart(10)}`];
	for (const [label, key, kind] of ROWS) {
		const v = s[key];
		if (!v) continue;
		const f = floor?.[key];
		const ratio = f && f.median > 0 ? (v.median / f.median).toFixed(2) : '';
		lines.push(`${label.padEnd(26)}${fmt[kind](v.median).padStart(12)}${`${fmt[kind](v.min)}–${fmt[kind](v.max)}`.padStart(24)}${ratio.padStart(10)}`);
	}
	if (s.transitionFps && floor?.transitionFps) {
		lines.push('  per transition: step, fps story / floor');
		for (const [i, t] of s.transitionFps.entries()) {
			const f = floor.transitionFps[i];
			lines.push(
				`    ${String(t.step).padEnd(22)}${t.median.toFixed(1).padStart(7)} / ${f ? f.median.toFixed(1) : '?'}  (${f ? (t.median / f.median).toFixed(2) : '?'}×)`
			);
		}
	}
	return lines.join('\n');
}

// ---------------------------------------------------------------- main
const started = new Date();
const PROFILE_NAMES = String(arg('profile', 'desktop,phone'))
	.split(',')
	.map((x) => x.trim());
for (const n of PROFILE_NAMES) if (!PROFILES[n]) throw new Error(`--profile ${n}: unknown profile (desktop, phone, or both: desktop,phone)`);
if (!cli.flag('no-build') || !existsSync(join(BUILD, 'handler.js'))) build();
// the floor's files get the same precompression as the app's (adapter-node did the app's)
precompressData(join(BUILD, 'client/__floor'), /\.(html|js|mjs|css)$/);
const kinds = classifyBuild();
const steps = parse(readFileSync('content/steps.yaml', 'utf8')).steps.map((s) => s.id);
const server = await serve();
/**
 * The tests' Chromium, but page content rastered on the CPU: Playwright launches it
 * with --enable-gpu-rasterization and the tests' flags make that GPU SwiftShader, so
 * page text was rastered by an emulated GPU (the disable switch wins), which no
 * reader's browser does (with a GPU it rasters on the GPU; without one, Chrome keeps
 * SwiftShader for WebGL at most and rasters pages on the CPU). Emulated GPU raster
 * of the story's text cost the GPU process ~1.2 s more CPU than the floor's bare page
 * per load on this machine, against ~0.45 s with CPU raster (same maps, same frames).
 */
const BENCH_ARGS = [...CHROMIUM_ARGS, '--disable-gpu-rasterization'];
const chromium = await launchChromium(BENCH_ARGS);
const { browser } = chromium;
const explore = await fetch(`${BASE}/explore`).then((r) => r.status);
const exploreNote = explore !== 200 ? `/explore answered ${explore}: not measured (the dashboard does not exist yet)` : null;

/** Every page and floor of one profile, in turns: the full runs, then the idle-only loads. */
async function measure(profile) {
	const raw = { story: [], floor: [], embed: [], floorEmbed: [], explore: [], idleOnly: { story: [], embed: [] } };
	const storyDevice = { viewport: profile.story, profile };
	const embedDevice = { viewport: profile.embed, profile };
	// /explore is a desktop dashboard: measured on the desktop profile only
	const withExplore = !exploreNote && profile.name === 'desktop';
	// one warm-up of each page (server caches, disk), not counted
	log(
		`\n[${profile.name}] warming up; then ${RUNS} runs of each page (story, floor, embed, embed floor${withExplore ? ', explore' : ''}; every other run, the floors first) ...`
	);
	const warm = await storyRun(browser, kinds, steps.slice(0, 2), profile);
	await floorRun(browser, kinds, warm.cameras, warm.size, storyDevice);
	let story = null;
	let embed = null;
	// the floor flies the page's views in a map of the page's map's size
	const view = (p) => ({ cameras: p.cameras, size: p.size });
	for (let i = 0; i < RUNS; i++) {
		const floorFirst = i % 2 === 1;
		const [s, sf] = await inTurns(
			floorFirst,
			story && view(story),
			() => storyRun(browser, kinds, steps, profile),
			view,
			(v) => floorRun(browser, kinds, v.cameras, v.size, storyDevice)
		);
		story = s;
		raw.story.push(s);
		raw.floor.push(sf);
		const [e, ef] = await inTurns(
			floorFirst,
			embed && view(embed),
			() => simpleRun(browser, kinds, EMBED_URL, embedDevice),
			view,
			(v) => floorRun(browser, kinds, v.cameras, v.size, embedDevice)
		);
		embed = e;
		raw.embed.push(e);
		raw.floorEmbed.push(ef);
		if (withExplore) raw.explore.push(await simpleRun(browser, kinds, `${BASE}/explore`, storyDevice));
		log(
			`  run ${i + 1}/${RUNS}: story idle ${fmt.ms(s.firstIdle)} (floor ${fmt.ms(sf.firstIdle)}), embed idle ${fmt.ms(e.firstIdle)} (floor ${fmt.ms(ef.firstIdle)})`
		);
	}
	// more pairs of loads for the time budget (page and floor in turns again), each only up to its first idle
	if (IDLE_RUNS) log(`then ${IDLE_RUNS} loads of each page and its floor, up to the first idle only ...`);
	for (let i = 0; i < IDLE_RUNS; i++) {
		for (const [key, url, device, size, last] of [
			['story', `${BASE}/`, storyDevice, story.size, story],
			['embed', EMBED_URL, embedDevice, embed.size, embed]
		]) {
			const [p, f] = await inTurns(
				i % 2 === 1,
				last.cameras[0],
				() => idleRun(browser, kinds, url, device),
				(p) => p.camera,
				(cam) => idleRun(browser, kinds, floorUrl(cam, size), device)
			);
			const { camera: _c, ...page } = p;
			const { camera: _f, ...floor } = f;
			raw.idleOnly[key].push({ page, floor });
		}
		const x = raw.idleOnly;
		log(
			`  load ${i + 1}/${IDLE_RUNS}: story ${fmt.ms(x.story[i].page.firstIdle)} (floor ${fmt.ms(x.story[i].floor.firstIdle)}), embed ${fmt.ms(x.embed[i].page.firstIdle)} (floor ${fmt.ms(x.embed[i].floor.firstIdle)})`
		);
	}
	const summary = {
		story: summarise(raw.story),
		floor: summarise(raw.floor),
		embed: summarise(raw.embed),
		floorEmbed: summarise(raw.floorEmbed),
		explore: raw.explore.length ? summarise(raw.explore) : null
	};
	return { profile, raw, summary };
}

const measured = [];
try {
	for (const name of PROFILE_NAMES) measured.push(await measure(PROFILES[name]));
} finally {
	await browser.close();
	server.stop();
}

// ---------------------------------------------------------------- budgets
/** What the interval says of a ratio's budget: the pass or fail stands on the ratio; this says whether other loads could change it. */
const intervalVerdict = ({ low, high }, limit, more = 'more loads (--idle-runs)') =>
	high <= limit ? 'all of it within the budget' : low > limit ? 'all of it over the budget' : `it straddles the budget: ${more} to tell`;
const budgets = new Budgets();
for (const { profile, raw, summary } of measured) {
	const P = `[${profile.name}] `;
	for (const [route, s, runs, floorRuns] of [
		['story', summary.story, raw.story, raw.floor],
		['embed', summary.embed, raw.embed, raw.floorEmbed]
	]) {
		const appJs = s.jsAppGzip.max + s.jsOtherGzip.max;
		budgets.check(`${P}${route}: app JS beyond MapLibre ≤ 60 KB gzip`, appJs <= BUDGETS.appJsGzip, fmt.bytes(appJs));
		const loaded = new Set(runs.flatMap((r) => r.scripts.map((x) => x.path)));
		const editorFiles = [...loaded].filter((p) => kinds.editorOnly.has(p));
		const drawing = runs
			.flatMap((r) => r.scripts)
			.filter((x) => /terra-?draw/i.test(x.text))
			.map((x) => x.path);
		budgets.check(
			`${P}${route}: no editor or drawing code loaded`,
			editorFiles.length + drawing.length === 0,
			editorFiles.length + drawing.length ? [...editorFiles, ...drawing].join(', ') : `none (${kinds.editorOnly.size} editor-only files checked)`
		);
		// every load of the page and of its floor, the full runs' and the idle-only ones, in their pairs
		const pages = [...runs, ...raw.idleOnly[route].map((x) => x.page)];
		const floors = [...floorRuns, ...raw.idleOnly[route].map((x) => x.floor)];
		const all = (loads, key) => loads.map((r) => (key === 'longtasks' ? r.loadLongtasks.count : key === 'longtaskMs' ? r.loadLongtasks.ms : r[key]));
		const rb = median(all(pages, 'bytes')) / median(all(floors, 'bytes'));
		budgets.check(`${P}${route}: bytes to first idle ≤ ${BUDGETS.bytesToIdle}× floor`, rb <= BUDGETS.bytesToIdle, `${rb.toFixed(2)}×`);
		const pi = all(pages, 'firstIdle');
		const fi = all(floors, 'firstIdle');
		const rt = median(pi) / median(fi);
		// the median of the pairs' own ratios is shown beside (less sensitive to a busy machine)
		const paired = median(pi.map((x, i) => x / fi[i]));
		// how far the ratio could move with other loads: their own spread (docs/performance.md, "How to read the output")
		const spread = ratioInterval(pi, fi);
		budgets.check(
			`${P}${route}: time to first idle ≤ ${BUDGETS.timeToIdle}× floor`,
			rt <= BUDGETS.timeToIdle,
			`${rt.toFixed(2)}× over ${pi.length} loads (${fmt.ms(median(pi))} / ${fmt.ms(median(fi))}; 90 % bootstrap interval ${spread.low.toFixed(2)}–${spread.high.toFixed(2)}×, ${intervalVerdict(spread, BUDGETS.timeToIdle)}; median of per-load pairs ${paired.toFixed(2)}×)`
		);
		// long tasks while loading, up to the first idle: at most the floor's, in number and in time
		const [lc, flc, lm, flm] = [
			median(all(pages, 'longtasks')),
			median(all(floors, 'longtasks')),
			median(all(pages, 'longtaskMs')),
			median(all(floors, 'longtaskMs'))
		];
		budgets.check(
			`${P}${route}: long tasks to first idle ≤ floor (count, time)`,
			lc <= flc && lm <= flm,
			`${lc} / ${flc}, ${fmt.ms(lm)} / ${fmt.ms(flm)} (medians over ${pi.length} loads)`
		);
		const lcp = median(all(pages, 'lcp'));
		const tbt = median(all(pages, 'tbt'));
		const vitals = `LCP ${fmt.ms(lcp)} (floor ${fmt.ms(median(all(floors, 'lcp')))}), TBT ${fmt.ms(tbt)} (floor ${fmt.ms(median(all(floors, 'tbt')))}), medians over ${pi.length} loads`;
		if (profile.name === 'phone') {
			budgets.check(`${P}${route}: largest contentful paint ≤ ${BUDGETS.phoneLcpMs / 1000} s`, lcp <= BUDGETS.phoneLcpMs, vitals);
			budgets.check(`${P}${route}: total blocking time (FCP → first idle) ≤ ${BUDGETS.phoneTbtMs / 1000} s`, tbt <= BUDGETS.phoneTbtMs, vitals);
		}
		budgets.check(
			`${P}${route}: data for the first view ≤ 1 MB gzip`,
			s.dataFirstViewGzip.median <= BUDGETS.dataFirstStepGzip,
			fmt.bytes(s.dataFirstViewGzip.median)
		);
	}
	const textFirst = raw.story.every((r) => r.fcp < r.firstIdle);
	budgets.check(
		`${P}story: first text painted before the map is idle (every run)`,
		textFirst,
		raw.story.map((r) => `${Math.round(r.fcp)}<${Math.round(r.firstIdle)}`).join(' ')
	);
	const { story: st, floor: fl } = summary;
	const longOk = st.longtaskCount.median <= fl.longtaskCount.median && st.longtaskMs.median <= fl.longtaskMs.median;
	// one walk's long tasks move by a third from one walk to the next, the floor's by half or more
	// (docs/perf-log/2026-12-07.md): how far the count's ratio could move with other walks
	const walks = ratioInterval(st.longtaskCount.runs, fl.longtaskCount.runs);
	budgets.check(
		`${P}story: long tasks during the whole story (every step) ≤ floor (count, time)`,
		longOk,
		`${st.longtaskCount.median} / ${fl.longtaskCount.median}, ${fmt.ms(st.longtaskMs.median)} / ${fmt.ms(fl.longtaskMs.median)} (medians over ${raw.story.length} runs; count ratio's 90 % bootstrap interval ${walks.low.toFixed(2)}–${walks.high.toFixed(2)}×, ${intervalVerdict(walks, 1, 'more walks (--runs)')}; each walk ${st.longtaskCount.runs.join(', ')} / ${fl.longtaskCount.runs.join(', ')}; map frames drawn ${st.mapFrames.median} / ${fl.mapFrames.median})`
	);
	const fpsRatios = st.transitionFps.map((t, i) => t.median / fl.transitionFps[i].median);
	const fpsRatio = median(fpsRatios);
	budgets.check(
		`${P}story: step-transition fps ≥ ${BUDGETS.fpsRatio}× floor (median over flights)`,
		fpsRatio >= BUDGETS.fpsRatio,
		`${fpsRatio.toFixed(2)}× (worst flight ${Math.min(...fpsRatios).toFixed(2)}×)`
	);
}

// ---------------------------------------------------------------- output
log(
	`\nQantar bench — ${started.toISOString()} — ${RUNS} runs + ${IDLE_RUNS} idle-only loads of each page per profile, Chromium ${chromium.version} (${chromium.path}), SwiftShader`
);
for (const { profile, summary } of measured) {
	const { story: sv, embed: ev } = profile;
	const how = profile.network
		? `CPU ${profile.cpuSlowdown}× slower, ${profile.network.latency} ms RTT, ${Math.round((profile.network.downloadThroughput * 8) / 1024)} / ${Math.round((profile.network.uploadThroughput * 8) / 1024)} Kbps`
		: 'no throttling';
	log(`\n=== ${profile.name.toUpperCase()} (${how}) ===`);
	log(table(`STORY (fr), ${sv.width}×${sv.height}, /`, summary.story, summary.floor));
	log(table('FLOOR for the story (bare MapLibre, same style, data, flights and map size)', summary.floor));
	log(table(`EMBED, ${ev.width}×${ev.height}, /embed/step/${EMBED_STEP}`, summary.embed, summary.floorEmbed));
	log(table('FLOOR for the embed', summary.floorEmbed));
	if (summary.explore) log(table(`EXPLORE, ${sv.width}×${sv.height}, /explore (ratios to the story floor)`, summary.explore, summary.floor));
	else if (exploreNote) log(`\nEXPLORE: ${exploreNote}`);
}
budgets.print(log);

const strip = (runs) => runs.map(({ scripts, cameras, ...r }) => ({ ...r, scripts: scripts?.map(({ text, ...s }) => s) }));
const file = writeResults({
	outDir: OUT_DIR,
	name: 'bench',
	started,
	chromium,
	data: {
		runs: RUNS,
		idleRuns: IDLE_RUNS,
		order: 'page then its floor in runs 1, 3, 5… (and idle-only loads 1, 3, 5…); the floor first in the others',
		tbt: 'sum over long tasks of their part beyond 50 ms between first contentful paint and the first map idle',
		embedStep: EMBED_STEP,
		budgets,
		exploreNote,
		profiles: Object.fromEntries(
			measured.map(({ profile, raw, summary }) => [
				profile.name,
				{ profile, summary, raw: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? strip(v) : v])) }
			])
		)
	}
});
log(`\nsaved ${file}`);
process.exit(budgets.ok ? 0 : 1);
