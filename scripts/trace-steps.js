// Where the main thread's long tasks go while the whole story is walked, step by step, as
// `npm run bench` walks it (issue 22, point 3), on the story and on its floor (the bare MapLibre
// page flying the story's cameras): the DevTools protocol's CPU profile of the walk, each long task
// (PerformanceObserver, over 50 ms) split by what its samples were running; per step, the long
// tasks and the map calls that lay tiles out again (setFilter, setLayoutProperty, data-driven
// paint, setData) and the tiles MapLibre (re)loaded, per source.
//
//   node scripts/trace-steps.js --base http://localhost:4540 [--profile desktop|phone] [--runs 1] [--no-floor]
//                                [--settle 3000] [--stacks other] [--no-cpu]
//
// `--settle`: ms waited after the first idle before the walk (the deferred files in). `--stacks`: the
// call stacks of the samples under the rules whose label starts so (`other`, `(program)`, `MapLibre: frame`).
// `--no-cpu`: no CPU profile (its sampling slows the page's JavaScript): long tasks and calls per step only,
// the figures closest to the bench's.
//
// Needs a running server of a build with the floor page (npm run bench's .tmp/bench/build, served by
// server/start-built.js). For the story's own function names, profile an unminified build
// (scripts/lib/bench-harness.js buildApp({ minify: false })).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CHROMIUM_ARGS } from './lib/chromium.js';
import { cli, launchChromium } from './lib/bench-harness.js';
import { applyProfile, PROFILES } from './lib/bench-profiles.js';
import { waitForMapIdle } from './lib/map-idle.js';
import { camera, floorUrl, mapSettledOn, mapSize, WALK_PAUSE_MS } from './lib/floor-view.js';

const BASE = String(cli.arg('base', 'http://localhost:4540')).replace(/\/$/, '');
const RUNS = Number(cli.arg('runs', 1));
const SETTLE = Number(cli.arg('settle', 0));
const STACKS = cli.arg('stacks', '');
const CPU = !cli.flag('no-cpu');
const profile = PROFILES[String(cli.arg('profile', 'desktop'))];
if (!profile) throw new Error('--profile: desktop or phone');
const steps = parse(readFileSync('content/steps.yaml', 'utf8')).steps.map((/** @type {{ id: string }} */ s) => s.id);

/**
 * What a sample was doing: the first rule, in this order, that a frame of its stack matches
 * (function name; `url` tells MapLibre's chunk from the app's). The story's own code first, so a
 * MapLibre call made by it counts for it.
 * @type {[string, RegExp][]}
 */
const RULES = [
	['story: district-here', /^(showDistrictHere|districtHerePoint|districtsOf|placed)$/],
	['story: label guards', /^(setGuards|setGuardsOf|guardsAhead|currentGuards)$/],
	[
		'story: applyView (setFilter, setLayoutProperty, setPaintProperty…)',
		/^(applyView|setLayerOpacity|setLabelHighlight|hidePlaces|setFeatureHighlight|moveCamera)$/
	],
	['story: line draw-in (setData)', /^(drawIn|frame)$/],
	['story: locator inset', /LocatorInset/],
	['MapLibre: symbol placement', /^(_updatePlacement|continuePlacement|placeLayer|placeLayerTile|_placeLayerBucketPart|commit|updateLayerOpacities)$/],
	['MapLibre: tiles received (deserialise, buckets)', /^(loadVectorData|deserialize|_tileLoaded|receive|processTask|setFeatureState|updateState)$/],
	['MapLibre: frame (draw)', /^(_render|render|renderLayer|drawSymbols|drawFill|drawLine|drawCircles|useProgram|draw)$/],
	[
		'MapLibre: camera and tiles asked',
		/^(_updateSources|update|updateTiles|_updateRetainedTiles|coveringTiles|_reloadSource|reload|reloadTile|_addTile|_loadTile|loadTile)$/
	],
	[
		'Svelte and the page (effects, scroller, cards)',
		/^(flush_effects|flush_queued_root_effects|update_effect|execute_effect|run_all|flushSync|process_effects|schedule_effect|internal_set|set)$/
	],
	['garbage collection', /^\(garbage collector\)$/]
];

/** In the page, before its scripts: long tasks, and the map's calls and tiles counted per step. */
const INIT = () => {
	const t = (window.__trace = {
		longtasks: [],
		step: 'opening',
		counts: {},
		/** @param {string} key */
		count(key) {
			const c = (t.counts[t.step] ??= {});
			c[key] = (c[key] ?? 0) + 1;
		}
	});
	new PerformanceObserver((l) => {
		for (const e of l.getEntries()) t.longtasks.push([e.startTime, e.duration, t.step]);
	}).observe({ type: 'longtask', buffered: true });
	let q;
	Object.defineProperty(window, 'qantar', {
		configurable: true,
		get: () => q,
		set(v) {
			q = v;
			const map = v && v.map;
			if (!map || map.__traced) return;
			map.__traced = true;
			const wrap = (name, key) => {
				const own = map[name].bind(map);
				map[name] = (...a) => {
					const k = key(...a);
					if (k) t.count(k);
					return own(...a);
				};
			};
			// counted as called (MapLibre skips a value equal to the one it has: the story's appliers send only changes)
			wrap('setFilter', (id) => `setFilter ${id}`);
			wrap('setLayoutProperty', (id, p) => `setLayoutProperty ${p} ${id}`);
			wrap('setPaintProperty', (id, p) => (p.endsWith('-transition') ? null : `setPaintProperty ${p}`));
			wrap('setFeatureState', () => 'setFeatureState');
			map.on('data', (e) => {
				if (e.dataType === 'source' && e.tile) t.count(`tile ${e.sourceId}`);
			});
			map.once('load', () => {
				for (const id of Object.keys(map.getStyle().sources)) {
					const s = map.getSource(id);
					if (typeof s?.setData !== 'function' || s.__traced) continue;
					s.__traced = true;
					const own = s.setData.bind(s);
					s.setData = (...a) => {
						t.count(`setData ${id}`);
						return own(...a);
					};
				}
			});
		}
	});
	/** a known busy stretch, to align the CPU profile's clock with performance.now() */
	window.__traceSync = function __traceSync() {
		const t0 = performance.now();
		while (performance.now() - t0 < 20);
		return t0;
	};
};

async function open(browser, url) {
	const context = await browser.newContext({ viewport: profile.story, ...profile.context });
	const page = await context.newPage();
	await page.addInitScript(INIT);
	const cdp = await context.newCDPSession(page);
	await applyProfile(cdp, profile);
	await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
	await waitForMapIdle(page, { timeout: 120_000 });
	if (url.endsWith('/')) await page.waitForFunction(() => document.querySelector('[data-map-step]')?.getAttribute('data-map-step'), null, { timeout: 60_000 });
	// the load's last tasks (deferred files asked at the first idle) are the walk's, as in the bench
	if (SETTLE) await page.waitForTimeout(SETTLE);
	if (CPU) {
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
		await cdp.send('Profiler.start');
	}
	const sync = await page.evaluate(() => window.__traceSync());
	const t0 = await page.evaluate(() => performance.now());
	const programsBefore = await page.evaluate(() => Object.keys(window.qantar.map.painter?.programCache?.programs ?? {}));
	return { context, page, cdp, sync, t0, programsBefore };
}

async function walkStory(page) {
	const cameras = [await page.evaluate(camera)];
	for (let i = 1; i < steps.length; i++) {
		await page.waitForTimeout(WALK_PAUSE_MS);
		await page.evaluate((id) => (window.__trace.step = id), steps[i]);
		let ok = false;
		for (let attempt = 0; attempt < 4 && !ok; attempt++) {
			if (!attempt || (await page.evaluate(() => location.hash)) !== `#${steps[i]}`) await page.keyboard.press('ArrowDown');
			ok = await mapSettledOn(page, steps[i], 8_000);
		}
		if (!ok) throw new Error(`step ${steps[i]} never settled`);
		cameras.push(await page.evaluate(camera));
	}
	return cameras;
}

async function walkFloor(page, cameras) {
	for (let i = 1; i < cameras.length; i++) {
		await page.waitForTimeout(WALK_PAUSE_MS);
		await page.evaluate((id) => (window.__trace.step = id), steps[i]);
		await page.evaluate((c) => window.floorFly(c), cameras[i]);
	}
}

/** The walk's CPU profile and long tasks, summed by RULES; per step, long tasks and map calls. */
async function finish({ context, page, cdp, sync, t0, programsBefore }) {
	const t1 = await page.evaluate(() => performance.now());
	const { profile: cpu } = CPU ? await cdp.send('Profiler.stop') : { profile: { nodes: [], samples: [], timeDeltas: [], startTime: 0 } };
	const trace = await page.evaluate(() => ({ longtasks: window.__trace.longtasks, counts: window.__trace.counts }));
	// the WebGL programs MapLibre compiled for the walk (its painter's cache, by key)
	const programs = await page.evaluate(
		(before) => Object.keys(window.qantar.map.painter?.programCache?.programs ?? {}).filter((k) => !before.includes(k)),
		programsBefore
	);
	await context.close();
	const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of cpu.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	/** @type {Map<number, string>} node id -> rule */
	const ruleOf = new Map();
	const classify = (id) => {
		if (ruleOf.has(id)) return ruleOf.get(id);
		let found = 'other';
		const names = [];
		for (let p = id; p; p = parent.get(p)) names.push(byId.get(p).callFrame.functionName);
		for (const [label, re] of RULES)
			if (names.some((n) => re.test(n))) {
				found = label;
				break;
			}
		if (found === 'other' && /^\((idle|program)\)$/.test(names[0])) found = names[0];
		ruleOf.set(id, found);
		return found;
	};
	// sample times (ms, the profile's clock), then the offset to performance.now() from the sync stretch
	const times = [];
	let at = cpu.startTime;
	for (let i = 0; i < cpu.samples.length; i++) {
		at += cpu.timeDeltas[i] ?? 0;
		times.push(at / 1000);
	}
	const syncNode = cpu.nodes.find((n) => n.callFrame.functionName === '__traceSync');
	const first = syncNode ? cpu.samples.findIndex((s) => s === syncNode.id) : -1;
	const offset = first >= 0 ? times[first] - sync : NaN;
	const tasks = trace.longtasks.filter(([s]) => s >= t0 && s <= t1);
	const byRule = {};
	const self = {};
	/** per rule: self time by function */
	const ruleFns = {};
	const stacks = {};
	for (let i = 0; i < cpu.samples.length; i++) {
		const t = times[i] - offset;
		const task = tasks.find(([s, d]) => t >= s && t <= s + d);
		if (!task) continue;
		const ms = (cpu.timeDeltas[i + 1] ?? 0) / 1000;
		const rule = classify(cpu.samples[i]);
		byRule[rule] = (byRule[rule] ?? 0) + ms;
		const f = byId.get(cpu.samples[i]).callFrame;
		const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
		self[key] = (self[key] ?? 0) + ms;
		const rf = (ruleFns[rule] ??= {});
		rf[key] = (rf[key] ?? 0) + ms;
		if (STACKS && rule.startsWith(String(STACKS))) {
			// the sample's call stack from its outermost named frame, nine frames deep
			const names = [];
			for (let p = cpu.samples[i]; p; p = parent.get(p)) {
				const cf = byId.get(p).callFrame;
				if (cf.functionName && cf.functionName !== '(root)') names.push(`${cf.functionName} ${cf.url.split('/').pop()}:${cf.lineNumber + 1}`);
			}
			const sig = names.reverse().slice(0, 9).join(' > ');
			stacks[sig] = (stacks[sig] ?? 0) + ms;
		}
	}
	const perStep = {};
	for (const [, d, step] of tasks) {
		const s = (perStep[step] ??= { n: 0, ms: 0 });
		s.n++;
		s.ms += d;
	}
	return {
		tasks: { n: tasks.length, ms: tasks.reduce((x, [, d]) => x + d, 0) },
		aligned: !Number.isNaN(offset),
		byRule,
		ruleFns,
		self,
		stacks,
		perStep,
		counts: trace.counts,
		programs
	};
}

function report(name, r) {
	const ms = (x) => `${Math.round(x)} ms`;
	console.log(`\n${name}: ${r.tasks.n} long tasks, ${ms(r.tasks.ms)}${!CPU ? ' (no CPU profile)' : r.aligned ? '' : ' (profile not aligned: no split)'}`);
	if (CPU) {
		console.log('  inside them, by what ran (sampled):');
		for (const [k, v] of Object.entries(r.byRule).sort((a, b) => b[1] - a[1])) {
			console.log(`    ${ms(v).padStart(8)}  ${k}`);
			const top = Object.entries(r.ruleFns[k] ?? {})
				.sort((a, b) => b[1] - a[1])
				.slice(0, 4)
				.map(([f, t]) => `${f} ${Math.round(t)}`);
			if (!k.startsWith('(')) console.log(`              ${top.join('; ')}`);
		}
		if (STACKS) {
			console.log(`  call stacks inside them, under "${STACKS}…":`);
			for (const [sig, t] of Object.entries(r.stacks)
				.sort((a, b) => b[1] - a[1])
				.slice(0, 20))
				console.log(`    ${ms(t).padStart(8)}  ${sig}`);
		}
	}
	console.log(`  WebGL programs compiled during the walk: ${r.programs.length}${r.programs.length ? ` (${r.programs.join(', ')})` : ''}`);
	if (CPU) {
		console.log('  top functions by self time inside them:');
		for (const [k, v] of Object.entries(r.self)
			.sort((a, b) => b[1] - a[1])
			.slice(0, 15))
			console.log(`    ${ms(v).padStart(8)}  ${k}`);
	}
	console.log('  per step: long tasks; calls that lay tiles out again; tiles (re)loaded per source');
	for (const step of ['opening', ...steps.slice(1)]) {
		const lt = r.perStep[step];
		const c = r.counts[step] ?? {};
		const calls = Object.entries(c)
			.filter(([k]) => !k.startsWith('tile '))
			.map(([k, v]) => `${k.replace(/^(\w+) .*? (story-|base-)?/, '$1 $2')}×${v}`);
		const tiles = Object.entries(c)
			.filter(([k]) => k.startsWith('tile '))
			.map(([k, v]) => `${k.slice(5)} ${v}`);
		console.log(`    ${step.padEnd(16)} ${lt ? `${lt.n} / ${ms(lt.ms)}` : '0'}`);
		if (calls.length) console.log(`      calls: ${summarise(c, false)}`);
		if (tiles.length) console.log(`      tiles: ${tiles.join(', ')}`);
	}
}

/** the step's non-tile counts, grouped by call */
function summarise(c, tiles) {
	const g = {};
	for (const [k, v] of Object.entries(c)) {
		if (k.startsWith('tile ') !== tiles) continue;
		const call = k.split(' ')[0] + (k.startsWith('setLayoutProperty') ? ` ${k.split(' ')[1]}` : k.startsWith('setData') ? ` ${k.split(' ')[1]}` : '');
		g[call] = (g[call] ?? 0) + v;
	}
	return Object.entries(g)
		.map(([k, v]) => `${k} ×${v}`)
		.join(', ');
}

const { browser, version } = await launchChromium([...CHROMIUM_ARGS, '--disable-gpu-rasterization']);
console.log(`Chromium ${version}, ${profile.name} profile, ${BASE}, ${steps.length} steps`);
for (let run = 0; run < RUNS; run++) {
	const s = await open(browser, `${BASE}/`);
	const cameras = await walkStory(s.page);
	const size = await mapSize(s.page);
	report(`run ${run + 1}, story`, await finish(s));
	if (cli.flag('no-floor')) continue;
	const f = await open(browser, floorUrl(BASE, cameras[0], size));
	await walkFloor(f.page, cameras);
	report(`run ${run + 1}, floor`, await finish(f));
}
await browser.close();
