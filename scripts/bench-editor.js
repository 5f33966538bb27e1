// npm run bench:editor — the editor with a big layer, measured in the page.
// Issue 7: "a layer of 10,000 features loads, edits and saves without freezing
// the page". Prints figures and writes bench-results/bench-editor-<date>.json;
// asserts nothing (a shared machine is too noisy for that).
//   node scripts/bench-editor.js [--runs 3] [--count 10000] [--no-build] [--no-node] [--label x] [--out bench-results]
//                                [--profile] [--no-minify]   (CPU profiles of each step of the first big run)
//
// 1. Node (no browser): the editor's own code on a layer of `count` features —
//    parse, the per-feature checks, an edit with history, serialising, and the
//    server's validation of a save. Loaded through Vite (the app's modules).
// 2. In Chromium (the tests' browser and launch arguments, SwiftShader WebGL)
//    against the production build, built into .tmp/bench-editor/ and served by
//    server/index.js on a copy of the data (.tmp/bench-editor/data) where the
//    layer "almaty-sites" holds its own features plus generated ones up to
//    `count` (points, some polygons and lines, all valid), with a bench editor.
//    Per run and per layer (the big one and the small "csto-bases" as the
//    reference), in a fresh browser context: open /edit, choose the layer, select
//    a feature in the list, select one on the map, type in its English name
//    (delete it, then a new one, key by key), drag it on the map, save, JS heap.
//    Long tasks (over 50 ms, PerformanceObserver) are counted for every step.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS } from './lib/chromium.js';
import { buildApp, Budgets, cli, launchChromium, writeResults } from './lib/bench-harness.js';
import { hashPassword } from '../src/lib/server/editor/password.js';
import { startBuiltServer } from '../server/start-built.js';
import { median, seededRandom, stat } from './lib/stats.js';

const { arg, flag } = cli;
const RUNS = Math.max(1, Number(arg('runs', 3)));
const COUNT = Math.max(100, Number(arg('count', 10_000)));
const PORT = Number(arg('port', process.env.BENCH_EDITOR_PORT ?? 4430));
const BASE = `http://localhost:${PORT}`;
const OUT_DIR = arg('out', 'bench-results');
const LABEL = arg('label', '');
const ROOT = resolve('.tmp/bench-editor');
/** --no-minify: a build with readable function names in profiles (its own folders) */
const MINIFY = !flag('no-minify');
const BUILD = join(ROOT, MINIFY ? 'build' : 'build-unminified');
const KIT = join(ROOT, MINIFY ? 'kit' : 'kit-unminified');
const DATA = join(ROOT, 'data');
const EDITORS = join(ROOT, 'editors.json');
/** the layer made big, and the small layer measured as the reference */
const BIG = { id: 'almaty-sites', file: 'almaty-sites.geojson' };
const SMALL = { id: 'csto-bases', file: 'csto-bases.geojson' };
const EDITOR_NAME = 'bench';
/** --profile: a CPU profile of every step of the first run on the big layer (.tmp/bench-editor/profiles/), and its top functions */
const PROFILE = flag('profile');

const log = (...a) => console.log(...a);

/** The budgets (docs/performance.md): the 10,000-feature layer against the 5-feature one, in the same run. */
export const EDITOR_BUDGETS = {
	/** choose the layer → all drawn and the map idle */
	interactive: 8,
	/** frames per second while dragging a point, × the small layer's */
	dragFps: 0.8,
	/** the slowest keystroke until the form shows it */
	key: 2,
	/** save → "Saved" shown (validation and the git revision of 4 MB against 2 KB) */
	save: 20,
	/** any main-thread task on the big layer, ms: above this, a user feels the page freeze */
	longestTaskMs: 200
};

// ---------------------------------------------------------------- the big layer
const r5 = (x) => Math.round(x * 1e5) / 1e5;

/**
 * `count` features: the layer's own, then generated ones on a jittered grid over
 * Kazakhstan (inside the story's region: no warnings). About 90 % points, 7 %
 * small polygons (buildings, squares), 3 % lines (movements), every one valid
 * for the shared schema and the editor's checks.
 */
export function bigLayer(own, count) {
	// seeded: every run of the bench gets the same layer
	const rnd = seededRandom(7);
	const features = [...own];
	const n = count - own.length;
	const cols = Math.ceil(Math.sqrt(n * 2.5));
	const pointKinds = ['city', 'building', 'square', 'airport'];
	const pad = (i) => String(i).padStart(5, '0');
	for (let i = 0; i < n; i++) {
		const x = 50 + ((i % cols) + 0.2 + rnd() * 0.6) * (35 / cols);
		const y = 40 + (Math.floor(i / cols) + 0.2 + rnd() * 0.6) * (15 / Math.ceil(n / cols));
		const id = `bench-${pad(i)}`;
		const roll = i % 100;
		let geometry;
		let kind;
		const extra = {};
		if (roll < 7) {
			const d = 0.01 + rnd() * 0.02;
			geometry = {
				type: 'Polygon',
				coordinates: [
					[
						[r5(x - d), r5(y - d)],
						[r5(x + d), r5(y - d * 0.8)],
						[r5(x + d * 0.9), r5(y + d)],
						[r5(x - d), r5(y + d * 0.7)],
						[r5(x - d), r5(y - d)]
					]
				]
			};
			kind = roll < 4 ? 'building' : 'square';
		} else if (roll < 10) {
			geometry = {
				type: 'LineString',
				coordinates: [
					[r5(x), r5(y)],
					[r5(x + 0.05), r5(y + 0.03)],
					[r5(x + 0.1), r5(y + 0.01)]
				]
			};
			kind = 'airlift';
			Object.assign(extra, {
				country: 'KAZ',
				troops: null,
				mode: 'road',
				from: `bench-${pad(Math.max(0, i - 1))}`,
				to: `bench-${pad(Math.min(n - 1, i + 1))}`
			});
		} else {
			geometry = { type: 'Point', coordinates: [r5(x), r5(y)] };
			kind = pointKinds[Math.floor(rnd() * pointKinds.length)];
		}
		const day = 1 + Math.floor(rnd() * 31);
		features.push({
			type: 'Feature',
			geometry,
			properties: {
				id,
				name_fr: `Lieu de test ${i}`,
				name_en: `Bench place ${i}`,
				kind,
				start: `2022-01-${String(day).padStart(2, '0')}`,
				date_precision: 'day',
				description_fr: i % 3 ? '' : `Lieu généré pour la mesure (${i}).`,
				description_en: i % 3 ? '' : `Place generated for the benchmark (${i}).`,
				// ids of the source registry (content/sources.yaml), as the write API requires
				sources: [['tass-2022-01-unrest-overview', 'afp-2022-01-10-coup-defeated-franceinfo', 'rferl-2022-01-05-aqtau-aqtobe-protests'][i % 3]],
				confidence: ['high', 'medium', 'low'][i % 3],
				period: ['dispatch', 'reported', 'later'][i % 3],
				...extra
			}
		});
	}
	return features;
}

const serialise = (features) => `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;

// ---------------------------------------------------------------- 1. Node
async function nodeBench() {
	const { createServer } = await import('vite');
	const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
	const out = {};
	try {
		const model = await vite.ssrLoadModule('/src/lib/editor/feature-model.ts');
		const history = await vite.ssrLoadModule('/src/lib/editor/history.ts');
		const edit = await vite.ssrLoadModule('/src/lib/schema/validate-edit.ts');
		const { toCsv } = await vite.ssrLoadModule('/src/lib/editor/io.ts');
		const own = JSON.parse(readFileSync(join('static/geo', BIG.file), 'utf8')).features;
		const text = JSON.stringify({ type: 'FeatureCollection', features: bigLayer(own, COUNT) });
		const ctx = { otherLayerIds: new Map(), retiredIds: new Set(), knownIds: new Set() };
		const time = (label, key, fn) => {
			const t = performance.now();
			const r = fn();
			out[key] = performance.now() - t;
			log(`  ${label.padEnd(48)} ${out[key].toFixed(1).padStart(8)} ms`);
			return r;
		};
		log(`\nNODE: the editor's code on a layer of ${COUNT} features, ${(text.length / 1e6).toFixed(2)} MB`);
		const parsed = time('load: JSON.parse', 'parse', () => JSON.parse(text));
		const edits = time('load: to editor features', 'toEdit', () =>
			parsed.features.map((f, i) => ({ key: `f${i}`, geometry: f.geometry, properties: { ...f.properties } }))
		);
		for (const f of edits) ctx.knownIds.add(f.properties.id);
		const counts = new Map(edits.map((f) => [f.properties.id, 1]));
		time('load: check every feature (form errors)', 'checkAll', () => edits.map((f) => model.checkFeature(f, BIG.file, ctx, counts)));
		let h = history.createHistory(edits);
		time('edit: one field + history push', 'editPush', () => {
			const next = edits.map((f, i) => (i === 1234 ? { ...f, properties: model.setField(f.properties, 'name_en', 'Edited') } : f));
			h = history.push(h, next, 'f1234:name_en');
		});
		time('edit: re-check the edited feature', 'checkOne', () => model.checkFeature(h.present[1234], BIG.file, ctx, counts));
		const body = time('save: serialise the layer', 'serialise', () => JSON.stringify(model.toCollection(h.present)));
		time('save: server validation (validateEditedLayer)', 'serverValidate', () => edit.validateEditedLayer(body, { file: BIG.file, ...ctx }));
		time('export: CSV', 'csv', () => toCsv(model.toCollection(h.present)));
		out.bytes = text.length;
	} finally {
		await vite.close();
	}
	return out;
}

// ---------------------------------------------------------------- build, data, serve
const build = () => buildApp({ build: BUILD, kit: KIT, minify: MINIFY, log });

/** A fresh copy of the layers (the big one grown to COUNT), and an editors file with the bench editor. */
async function prepareData() {
	rmSync(DATA, { recursive: true, force: true });
	mkdirSync(DATA, { recursive: true });
	for (const f of readdirSync('static/geo')) if (f.endsWith('.geojson')) copyFileSync(join('static/geo', f), join(DATA, f));
	const own = JSON.parse(readFileSync(join(DATA, BIG.file), 'utf8')).features;
	const features = bigLayer(own, COUNT);
	const text = serialise(features);
	writeFileSync(join(DATA, BIG.file), text);
	const password = randomBytes(18).toString('base64url');
	writeFileSync(EDITORS, `${JSON.stringify({ editors: [{ name: EDITOR_NAME, hash: await hashPassword(password) }] }, null, 2)}\n`, { mode: 0o600 });
	const kinds = {};
	for (const f of features) kinds[f.geometry.type] = (kinds[f.geometry.type] ?? 0) + 1;
	const small = JSON.parse(readFileSync(join(DATA, SMALL.file), 'utf8')).features.length;
	return { password, big: { count: features.length, bytes: Buffer.byteLength(text), geometries: kinds }, small: { count: small } };
}

const serve = () =>
	startBuiltServer({
		port: PORT,
		env: { QANTAR_BUILD_DIR: BUILD, QANTAR_DATA_DIR: DATA, QANTAR_EDITORS_FILE: EDITORS, HOST: '127.0.0.1', ORIGIN: BASE, BODY_SIZE_LIMIT: '6M' },
		ready: '/edit/login',
		echo: true
	});

// ---------------------------------------------------------------- in the page
/** Installed before any page script: long tasks, input timestamps, helpers. */
const INIT = () => {
	const b = (window.__bench = { longtasks: [], events: [], last: {} });
	try {
		new PerformanceObserver((l) => {
			for (const e of l.getEntries()) b.longtasks.push([e.startTime, e.duration]);
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		/* no long task API */
	}
	// the time each real input event was created (same clock as performance.now())
	for (const type of ['pointerdown', 'pointerup', 'keydown']) addEventListener(type, (e) => (b.last[type] = e.timeStamp), { capture: true });
	/** long tasks that started between a and b: count, total and longest (ms) */
	b.lt = (a, z) => {
		const l = b.longtasks.filter(([s]) => s >= a - 1 && s <= z);
		return { count: l.length, ms: l.reduce((x, [, d]) => x + d, 0), max: l.reduce((x, [, d]) => Math.max(x, d), 0) };
	};
	/** resolves with the time of the first animation frame in which pred() holds */
	b.until = (pred, timeout = 180_000) =>
		new Promise((resolve, reject) => {
			const start = performance.now();
			const tick = () => {
				let ok = false;
				try {
					ok = !!pred();
				} catch {
					/* not yet */
				}
				if (ok) return resolve(performance.now());
				if (performance.now() - start > timeout) return reject(new Error(`timed out waiting for ${pred}`));
				requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		});
	/** resolves when the map has loaded everything and is not moving */
	b.idle = () =>
		new Promise((resolve) => {
			const map = window.qantar.map;
			const check = () => {
				if (!map.loaded() || map.isMoving()) return;
				map.off('idle', check);
				resolve(performance.now());
			};
			map.on('idle', check);
			map.triggerRepaint();
			check();
		});
	/** frames drawn between start() and stop(), and the longest gap between two */
	b.frames = {
		start() {
			const f = (b.frames.state = { n: 0, on: true, t0: performance.now(), prev: performance.now(), gap: 0 });
			const tick = (t) => {
				if (!f.on) return;
				f.n++;
				f.gap = Math.max(f.gap, t - f.prev);
				f.prev = t;
				requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		},
		stop() {
			const f = b.frames.state;
			f.on = false;
			const ms = performance.now() - f.t0;
			return { fps: (f.n * 1000) / ms, maxGap: f.gap, ms };
		}
	};
};

async function heap(cdp) {
	await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
	const { metrics } = await cdp.send('Performance.getMetrics');
	return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

/** Self time per function (and per script) of a CPU profile, the heaviest first. */
function topFunctions(profile, n = 8) {
	const byNode = new Map(profile.nodes.map((x) => [x.id, x]));
	const self = new Map();
	const dt = profile.timeDeltas;
	for (let i = 0; i < profile.samples.length; i++) {
		const node = byNode.get(profile.samples[i]);
		const f = node.callFrame;
		const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
		self.set(name, (self.get(name) ?? 0) + (dt[i + 1] ?? 0) / 1000);
	}
	return [...self]
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)
		.map(([name, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${name}`);
}

/** Runs fn; with --profile (and `on`), records a CPU profile of it and prints where the time went. */
async function profiled(cdp, on, name, fn) {
	if (!on) return fn();
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	await cdp.send('Profiler.start');
	const out = await fn();
	const { profile } = await cdp.send('Profiler.stop');
	const dir = join(ROOT, 'profiles');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
	log(`  profile ${name} (self time):\n    ${topFunctions(profile).join('\n    ')}`);
	return out;
}

/** Where a feature of the model is on the page (CSS pixels), after centring the map on it at `zoom`. */
async function centreOn(page, key, zoom) {
	return page.evaluate(
		async ([key, zoom]) => {
			const f = window.qantar.editor.feature(key);
			const g = f.geometry;
			const at = g.type === 'Point' ? g.coordinates : g.coordinates[0];
			const map = window.qantar.map;
			map.jumpTo({ center: at, zoom });
			await window.__bench.idle();
			const p = map.project(at);
			const r = map.getContainer().getBoundingClientRect();
			return { x: r.left + p.x, y: r.top + p.y };
		},
		[key, zoom]
	);
}

const settle = (page, ms = 600) =>
	page.evaluate(async (ms) => {
		await window.__bench.idle();
		await new Promise((r) => setTimeout(r, ms));
	}, ms);

/** One run on one layer: open, choose, select (list, map), type, drag, save, heap. */
async function editorRun(browser, storageState, layer, expected, run) {
	const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.addInitScript(INIT);
	page.on('dialog', (d) => d.dismiss());
	const cdp = await context.newCDPSession(page);
	await cdp.send('Performance.enable');
	const out = { layer: layer.id };
	const P = (name, fn) => profiled(cdp, PROFILE && run === 1 && layer === BIG, `${layer.id}-${name}`, fn);

	// open /edit: the default layer (protest-cities) drawn, every layer fetched (ids across layers)
	out.open = await P('open', async () => {
		await page.goto(`${BASE}/edit`, { waitUntil: 'domcontentloaded' });
		await page.waitForFunction(
			() =>
				window.qantar?.editor &&
				window.qantar.editor.keys().length > 0 &&
				/features loaded/.test(document.querySelector('[data-testid=status]')?.textContent ?? ''),
			null,
			{ timeout: 180_000, polling: 100 }
		);
		return page.evaluate(async () => {
			const t = await window.__bench.idle();
			return { ms: t, longtasks: window.__bench.lt(0, t) };
		});
	});
	await settle(page);

	// choose the layer: until terra-draw holds every feature and the map is idle
	out.load = await P('load', () =>
		page.evaluate(
			async ([id, count]) => {
				const b = window.__bench;
				const sel = document.querySelector('[data-testid=layer-select]');
				const t0 = performance.now();
				sel.value = id;
				sel.dispatchEvent(new Event('change', { bubbles: true }));
				const listed = await b.until(() => document.querySelector('[data-testid=status]').textContent.includes(`${count} features loaded`));
				const drawn = await b.until(() => window.qantar.editor.keys().length === count);
				// every feature checked: the Save button no longer says it is checking
				const checked = await b.until(() => !/Checking/.test(document.querySelector('[data-testid=save]').textContent));
				const idle = await b.idle();
				const end = Math.max(idle, checked);
				return { listedMs: listed - t0, drawnMs: drawn - t0, checkedMs: checked - t0, idleMs: idle - t0, longtasks: b.lt(t0, end) };
			},
			[layer.id, expected]
		)
	);
	await settle(page);

	// select from the list (the 4th entry): until the form shows it
	out.selectList = await P('select-list', () =>
		page.evaluate(async () => {
			const b = window.__bench;
			const btn = document.querySelectorAll('[data-testid=feature-list] li button')[3];
			const name = btn.textContent.replace(/\s*invalid\s*$/, '').trim();
			const t0 = performance.now();
			btn.click();
			const t1 = await b.until(() => document.querySelector('[data-testid=property-form]') && document.querySelector('.side h2')?.textContent === name);
			return { ms: t1 - t0, longtasks: b.lt(t0, t1) };
		})
	);
	await settle(page);

	// select on the map: a point of the layer (its second feature), clicked where it is drawn
	const key = await page.evaluate(() => {
		const fs = window.qantar.editor.features().features;
		return `f${fs.findIndex((f, i) => i >= Math.floor(fs.length / 20) && f.geometry?.type === 'Point')}`;
	});
	const at = await centreOn(page, key, 11);
	const name = await page.evaluate((k) => String(window.qantar.editor.feature(k).properties.name_en), key);
	await settle(page, 300);
	await page.evaluate((name) => {
		window.__bench.pending = window.__bench.until(() => document.querySelector('.side h2')?.textContent === name);
	}, name);
	out.selectMap = await P('select-map', async () => {
		await page.mouse.click(at.x, at.y);
		return page.evaluate(async () => {
			const b = window.__bench;
			const t1 = await b.pending;
			const t0 = b.last.pointerup;
			return { ms: t1 - t0, longtasks: b.lt(b.last.pointerdown, t1) };
		});
	});
	await settle(page);

	// type: empty the English name (the form says it is required), then a new name key by key
	out.typing = await P('typing', async () => {
		const input = page.getByLabel('Name (English)');
		await input.click();
		await page.keyboard.press('Control+a');
		await page.evaluate(() => {
			const b = window.__bench;
			b.typing = { t0: performance.now(), keys: [] };
			b.pending = b.until(
				() => document.querySelector('.field.invalid #f-name_en') && /required/.test(document.querySelector('[data-field="name_en"]')?.textContent ?? '')
			);
		});
		await page.keyboard.press('Backspace');
		const cleared = await page.evaluate(async () => (await window.__bench.pending) - window.__bench.last.keydown);
		const typed = `Bench edit ${run}`;
		const keys = [];
		for (let i = 0; i < typed.length; i++) {
			const want = typed.slice(0, i + 1);
			await page.evaluate((want) => {
				const b = window.__bench;
				b.pending = b.until(() => document.querySelector('.side h2')?.textContent === want && !document.querySelector('[data-field="name_en"]'));
			}, want);
			await page.keyboard.type(typed[i]);
			keys.push(await page.evaluate(async () => (await window.__bench.pending) - window.__bench.last.keydown));
		}
		return page.evaluate(
			([cleared, keys]) => {
				const b = window.__bench;
				return { clearedMs: cleared, keyMs: keys, longtasks: b.lt(b.typing.t0, performance.now()) };
			},
			[cleared, keys]
		);
	});
	await settle(page);

	// drag the selected point 80 px right on the map: until the model holds the new position
	const before = await page.evaluate((k) => JSON.stringify(window.qantar.editor.feature(k).geometry), key);
	const from = await centreOn(page, key, 11);
	await settle(page, 300);
	out.move = await P('move', async () => {
		await page.mouse.move(from.x, from.y);
		await page.evaluate(() => window.__bench.frames.start());
		await page.mouse.down();
		for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + i * 8, from.y + i * 3);
		await page.evaluate(
			([k, before]) => {
				window.__bench.pending = window.__bench.until(() => JSON.stringify(window.qantar.editor.feature(k).geometry) !== before);
			},
			[key, before]
		);
		await page.mouse.up();
		return page.evaluate(async () => {
			const b = window.__bench;
			const t1 = await b.pending;
			const frames = b.frames.stop();
			return {
				ms: t1 - b.last.pointerup,
				dragMs: b.last.pointerup - b.last.pointerdown,
				fps: frames.fps,
				maxFrameGap: frames.maxGap,
				longtasks: b.lt(b.last.pointerdown, t1)
			};
		});
	});
	await settle(page);

	// save: click → "Saved: revision …" shown
	out.save = await P('save', () =>
		page.evaluate(async () => {
			const b = window.__bench;
			const btn = document.querySelector('[data-testid=save]');
			if (btn.disabled) return { error: `Save is disabled: ${btn.textContent.trim()}` };
			const t0 = performance.now();
			btn.click();
			const t1 = await b.until(
				() =>
					/revision/.test(document.querySelector('[data-testid=saved]')?.textContent ?? '') ||
					/^Not saved/.test(document.querySelector('[data-testid=status]')?.textContent ?? '')
			);
			const status = document.querySelector('[data-testid=status]').textContent;
			return { ms: t1 - t0, longtasks: b.lt(t0, t1), status, error: /^Not saved/.test(status) ? status : undefined };
		})
	);
	await settle(page);
	out.heap = await heap(cdp);
	out.moved = before !== (await page.evaluate((k) => JSON.stringify(window.qantar.editor.feature(k).geometry), key));
	await context.close();
	return out;
}

async function signInState(browser, password) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${BASE}/edit/login`, { waitUntil: 'networkidle' });
	await page.getByLabel('Name').fill(EDITOR_NAME);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL('**/edit', { timeout: 60_000 });
	const state = await context.storageState();
	await context.close();
	return state;
}

// ---------------------------------------------------------------- summary and output
function summarise(runs) {
	const pick = (f) =>
		stat(
			runs.map((r) => {
				try {
					return f(r);
				} catch {
					return NaN;
				}
			})
		);
	return {
		openMs: pick((r) => r.open.ms),
		openLongtaskMax: pick((r) => r.open.longtasks.max),
		loadListedMs: pick((r) => r.load.listedMs),
		loadDrawnMs: pick((r) => r.load.drawnMs),
		loadIdleMs: pick((r) => r.load.idleMs),
		loadCheckedMs: pick((r) => r.load.checkedMs ?? r.load.listedMs),
		loadLongtaskCount: pick((r) => r.load.longtasks.count),
		loadLongtaskMs: pick((r) => r.load.longtasks.ms),
		loadLongtaskMax: pick((r) => r.load.longtasks.max),
		selectListMs: pick((r) => r.selectList.ms),
		selectListLongtaskMax: pick((r) => r.selectList.longtasks.max),
		selectMapMs: pick((r) => r.selectMap.ms),
		selectMapLongtaskMax: pick((r) => r.selectMap.longtasks.max),
		clearShowsErrorMs: pick((r) => r.typing.clearedMs),
		keyMedianMs: pick((r) => median(r.typing.keyMs)),
		keyMaxMs: pick((r) => Math.max(...r.typing.keyMs)),
		typingLongtaskCount: pick((r) => r.typing.longtasks.count),
		typingLongtaskMax: pick((r) => r.typing.longtasks.max),
		dragFps: pick((r) => r.move.fps),
		dragMaxFrameGap: pick((r) => r.move.maxFrameGap),
		moveMs: pick((r) => r.move.ms),
		moveLongtaskMax: pick((r) => r.move.longtasks.max),
		saveMs: pick((r) => r.save.ms),
		saveLongtaskCount: pick((r) => r.save.longtasks.count),
		saveLongtaskMax: pick((r) => r.save.longtasks.max),
		heapBytes: pick((r) => r.heap)
	};
}

const fmt = {
	bytes: (b) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${(b / 1024).toFixed(0)} KB`),
	ms: (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—'),
	n: (x) => (Number.isFinite(x) ? (Number.isInteger(x) ? String(x) : x.toFixed(1)) : '—')
};
const ROWS = [
	['open /edit (all layers fetched), to idle', 'openMs', 'ms'],
	['  its longest task', 'openLongtaskMax', 'ms'],
	['choose layer → list shows it', 'loadListedMs', 'ms'],
	['choose layer → all drawn (terra-draw)', 'loadDrawnMs', 'ms'],
	['choose layer → drawn and map idle', 'loadIdleMs', 'ms'],
	['choose layer → every feature checked', 'loadCheckedMs', 'ms'],
	['  long tasks during load (to idle and checked)', 'loadLongtaskCount', 'n'],
	['  long task time during load', 'loadLongtaskMs', 'ms'],
	['  longest task during load', 'loadLongtaskMax', 'ms'],
	['select in the list → form shown', 'selectListMs', 'ms'],
	['  longest task', 'selectListLongtaskMax', 'ms'],
	['select on the map → form shown', 'selectMapMs', 'ms'],
	['  longest task', 'selectMapLongtaskMax', 'ms'],
	['empty a required field → error shown', 'clearShowsErrorMs', 'ms'],
	['keystroke → form updated (median key)', 'keyMedianMs', 'ms'],
	['keystroke → form updated (slowest key)', 'keyMaxMs', 'ms'],
	['  long tasks while typing', 'typingLongtaskCount', 'n'],
	['  longest task while typing', 'typingLongtaskMax', 'ms'],
	['drag a point: frames per second', 'dragFps', 'n'],
	['  longest gap between frames', 'dragMaxFrameGap', 'ms'],
	['drop → model updated', 'moveMs', 'ms'],
	['  longest task during the move', 'moveLongtaskMax', 'ms'],
	['save → "Saved" shown', 'saveMs', 'ms'],
	['  long tasks during save', 'saveLongtaskCount', 'n'],
	['  longest task during save', 'saveLongtaskMax', 'ms'],
	['JS heap after', 'heapBytes', 'bytes']
];

function table(big, small, bigCount, smallCount) {
	const head = `${'figure'.padEnd(48)}${`${bigCount} features`.padStart(16)}${'min–max'.padStart(18)}${`${smallCount} features`.padStart(14)}${'ratio'.padStart(8)}`;
	const lines = [head];
	for (const [label, key, kind] of ROWS) {
		const v = big[key];
		const s = small[key];
		const ratio = s.median > 0 && Number.isFinite(v.median) ? `${(v.median / s.median).toFixed(1)}×` : '';
		lines.push(
			`${label.padEnd(48)}${fmt[kind](v.median).padStart(16)}${`${fmt[kind](v.min)}–${fmt[kind](v.max)}`.padStart(18)}${fmt[kind](s.median).padStart(14)}${ratio.padStart(8)}`
		);
	}
	return lines.join('\n');
}

// ---------------------------------------------------------------- main
const started = new Date();
const node = flag('no-node') ? null : await nodeBench();
if (!flag('no-build') || !existsSync(join(BUILD, 'handler.js'))) build();
const data = await prepareData();
log(
	`\ndata: ${BIG.id} with ${data.big.count} features (${JSON.stringify(data.big.geometries)}), ${(data.big.bytes / 1e6).toFixed(2)} MB; reference ${SMALL.id} with ${data.small.count}`
);
const server = await serve();
const chromium = await launchChromium(CHROMIUM_ARGS);
const { browser } = chromium;
const raw = { big: [], small: [] };
try {
	const state = await signInState(browser, data.password);
	log(`warming up (one run on the small layer, not counted), then ${RUNS} runs on each layer ...`);
	await editorRun(browser, state, SMALL, data.small.count, 0);
	for (let i = 1; i <= RUNS; i++) {
		const b = await editorRun(browser, state, BIG, data.big.count, i);
		raw.big.push(b);
		const s = await editorRun(browser, state, SMALL, data.small.count, i);
		raw.small.push(s);
		for (const r of [b, s])
			if (r.save.error || !r.moved) log(`  note: ${r.layer} run ${i}: ${r.save.error ?? ''}${r.moved ? '' : ' (the drag did not move the feature)'}`);
		log(
			`  run ${i}/${RUNS}: ${BIG.id} drawn+idle ${fmt.ms(b.load.idleMs)}, slowest key ${fmt.ms(Math.max(...b.typing.keyMs))}, save ${fmt.ms(b.save.ms)}; ${SMALL.id} drawn+idle ${fmt.ms(s.load.idleMs)}`
		);
	}
} finally {
	await browser.close();
	await server.stop();
}

const summary = { big: summarise(raw.big), small: summarise(raw.small) };
log(
	`\nQantar editor bench — ${started.toISOString()} — ${RUNS} runs, Chromium ${chromium.version} (${chromium.path}), SwiftShader, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}`
);
log(`medians; min–max over the runs; ratio = ${BIG.id} (${data.big.count}) / ${SMALL.id} (${data.small.count}); long tasks are main-thread tasks over 50 ms\n`);
log(table(summary.big, summary.small, data.big.count, data.small.count));

// ---------------------------------------------------------------- budgets (docs/performance.md)
// the big layer against the small one in the same run: what a user notices, never an absolute time
const budgets = new Budgets();
const big = summary.big;
const small = summary.small;
const times = (key) => big[key].median / small[key].median;
const tti = times('loadIdleMs');
budgets.check(
	`choose the layer → drawn and map idle (time to interactive) ≤ ${EDITOR_BUDGETS.interactive}× the small layer's`,
	tti <= EDITOR_BUDGETS.interactive,
	`${tti.toFixed(1)}× (${fmt.ms(big.loadIdleMs.median)} / ${fmt.ms(small.loadIdleMs.median)})`
);
const fps = big.dragFps.median / small.dragFps.median;
budgets.check(
	`drag a point: frames per second ≥ ${EDITOR_BUDGETS.dragFps}× the small layer's`,
	fps >= EDITOR_BUDGETS.dragFps,
	`${fps.toFixed(2)}× (${fmt.n(big.dragFps.median)} / ${fmt.n(small.dragFps.median)} fps)`
);
const key = times('keyMaxMs');
budgets.check(
	`slowest keystroke → form updated ≤ ${EDITOR_BUDGETS.key}× the small layer's`,
	key <= EDITOR_BUDGETS.key,
	`${key.toFixed(1)}× (${fmt.ms(big.keyMaxMs.median)} / ${fmt.ms(small.keyMaxMs.median)})`
);
const save = times('saveMs');
budgets.check(
	`save → "Saved" shown ≤ ${EDITOR_BUDGETS.save}× the small layer's`,
	save <= EDITOR_BUDGETS.save,
	`${save.toFixed(1)}× (${fmt.ms(big.saveMs.median)} / ${fmt.ms(small.saveMs.median)})`
);
const longest = Math.max(
	...['loadLongtaskMax', 'selectListLongtaskMax', 'selectMapLongtaskMax', 'typingLongtaskMax', 'moveLongtaskMax', 'saveLongtaskMax'].map((k) => big[k].max || 0)
);
budgets.check(
	`no main-thread task over ${EDITOR_BUDGETS.longestTaskMs} ms on the big layer (load, select, type, move, save; every run)`,
	longest <= EDITOR_BUDGETS.longestTaskMs,
	fmt.ms(longest)
);
budgets.print(log);

const file = writeResults({
	outDir: OUT_DIR,
	name: 'bench-editor',
	label: LABEL,
	started,
	chromium,
	data: { runs: RUNS, layers: { big: { id: BIG.id, ...data.big }, small: { id: SMALL.id, ...data.small } }, node, budgets, summary, raw }
});
log(`\nsaved ${file}`);
process.exit(budgets.ok ? 0 : 1);
