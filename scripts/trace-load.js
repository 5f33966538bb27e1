// Where a page's main thread spends its time while it loads, to the first map idle, under the
// bench's phone profile (4× CPU, slow 4G: scripts/lib/bench-profiles.js): the CPU profile of the
// DevTools protocol (Profiler, sampled every 200 µs), summed by what ran.
//
//   node scripts/trace-load.js --base http://localhost:4473 [--runs 3] [--profile phone] [--save prefix] [/ /embed/step/csto-airlift /__floor/]
//   (--save: each run's CPU profile to <prefix>-<run>-<page>.cpuprofile, for DevTools)
//
// Needs a running server of a build (server/start-built.js, or npm run bench's .tmp/bench/build).
// For names, profile an unminified build (scripts/lib/bench-harness.js buildApp({ minify: false })).
// Prints, per page (medians over the runs): main-thread JavaScript to the first idle, split into
// MapLibre's chunk, the app's (Svelte's runtime and components), glyph drawing (TinySDF), garbage
// collection; the top functions by self time; and the DevTools Performance metrics.
import { writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS } from './lib/chromium.js';
import { cli, launchChromium } from './lib/bench-harness.js';
import { applyProfile, PROFILES } from './lib/bench-profiles.js';
import { waitForMapIdle } from './lib/map-idle.js';
import { median } from './lib/stats.js';

const BASE = String(cli.arg('base', 'http://localhost:4473')).replace(/\/$/, '');
const RUNS = Number(cli.arg('runs', 3));
const profile = PROFILES[String(cli.arg('profile', 'phone'))];
if (!profile) throw new Error('--profile: desktop or phone');
const paths = process.argv.slice(2).filter((a, i, all) => a.startsWith('/') && !all[i - 1]?.startsWith('--'));
if (!paths.length) paths.push('/');

/**
 * What a sample's function belongs to.
 * @param {{ functionName: string, url: string }} f
 */
function bucket(f) {
	if (f.functionName === '(garbage collector)') return 'garbage collection';
	if (f.functionName === '(program)' || f.functionName === '(idle)' || f.functionName === '(root)') return f.functionName;
	if (/maplibre/.test(f.url) || isMapLibre.get(f.url)) return 'MapLibre';
	if (/\/_app\//.test(f.url)) return 'app (Svelte runtime, components)';
	if (!f.url) return 'native / inline';
	return 'other script';
}

/** @type {Map<string, boolean>} which scripts are MapLibre's (its chunk is hashed like the app's) */
const isMapLibre = new Map();
async function classify(urls) {
	for (const u of urls)
		if (u.startsWith('http') && !isMapLibre.has(u)) {
			const text = await fetch(u).then(
				(r) => r.text(),
				() => ''
			);
			// minified chunks lose the licence comment; the Map class's own method name stays
			isMapLibre.set(u, text.includes('_setupPainter'));
		}
}

const { browser, version } = await launchChromium(CHROMIUM_ARGS);
console.log(`Chromium ${version}, ${profile.name} profile, ${RUNS} runs per page, ${BASE}`);
/** @type {Record<string, any[]>} */
const results = {};
for (let r = 0; r < RUNS; r++)
	for (const path of paths) {
		const size = path.includes('/embed/') ? profile.embed : profile.story;
		const context = await browser.newContext({ viewport: size, ...profile.context });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await applyProfile(cdp, profile);
		await cdp.send('Performance.enable');
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
		await cdp.send('Profiler.start');
		const t0 = Date.now();
		await page.goto(BASE + path, { timeout: 180_000 });
		await waitForMapIdle(page, { timeout: 180_000 });
		const idleMs = Date.now() - t0;
		const { profile: cpu } = await cdp.send('Profiler.stop');
		const { metrics } = await cdp.send('Performance.getMetrics');
		const save = cli.arg('save');
		if (save) writeFileSync(`${save}-${r + 1}-${path.replace(/\W+/g, '_')}.cpuprofile`, JSON.stringify(cpu));
		const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
		await classify(new Set(cpu.nodes.map((n) => n.callFrame.url)));
		/** self time per node id */
		const self = new Map();
		for (let i = 0; i < cpu.samples.length; i++) self.set(cpu.samples[i], (self.get(cpu.samples[i]) ?? 0) + (cpu.timeDeltas[i] ?? 0) / 1000);
		const byBucket = {};
		const byFn = {};
		for (const node of cpu.nodes) {
			const ms = self.get(node.id) ?? 0;
			if (!ms) continue;
			const b = bucket(node.callFrame);
			byBucket[b] = (byBucket[b] ?? 0) + ms;
			if (b === 'app (Svelte runtime, components)' || b === 'MapLibre') {
				const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber + 1}`;
				byFn[key] = (byFn[key] ?? 0) + ms;
			}
		}
		// TinySDF draws (MapLibre's glyphs from font-faces): inclusive time of `draw` under GlyphManager
		const children = new Map(cpu.nodes.map((n) => [n.id, n.children ?? []]));
		const inclusive = (id) => (self.get(id) ?? 0) + children.get(id).reduce((s, c) => s + inclusive(c), 0);
		const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
		const parent = new Map();
		for (const n of cpu.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
		const under = (id, re) => {
			for (let p = parent.get(id); p; p = parent.get(p)) if (re.test(byId.get(p).callFrame.functionName)) return true;
			return false;
		};
		let glyphs = 0;
		for (const n of cpu.nodes)
			if (
				/^(_drawGlyph|_createTinySDF|_loadGlyphRange|parseGlyphPbf)$/.test(n.callFrame.functionName) &&
				!under(n.id, /^(_drawGlyph|_createTinySDF|_loadGlyphRange|parseGlyphPbf)$/)
			)
				glyphs += inclusive(n.id);
		const js = [...self.entries()].reduce((s, [id, ms]) => (/^\((idle|program|root)\)$/.test(byId.get(id).callFrame.functionName) ? s : s + ms), 0);
		(results[path] ??= []).push({
			idleMs,
			js,
			byBucket,
			byFn,
			glyphs,
			scriptMs: m.ScriptDuration * 1000,
			taskMs: m.TaskDuration * 1000,
			layoutMs: m.LayoutDuration * 1000,
			heapMB: m.JSHeapUsedSize / 1048576
		});
		console.log(`  run ${r + 1} ${path}: idle ${idleMs} ms, JS ${js.toFixed(0)} ms`);
		await context.close();
	}

const med = (xs) => median(xs).toFixed(0);
for (const [path, runs] of Object.entries(results)) {
	console.log(`\n${path} (${profile.name}, median of ${runs.length})`);
	console.log(
		`  first map idle ${med(runs.map((x) => x.idleMs))} ms; main thread: tasks ${med(runs.map((x) => x.taskMs))} ms, script ${med(runs.map((x) => x.scriptMs))} ms, layout ${med(runs.map((x) => x.layoutMs))} ms`
	);
	console.log(`  JavaScript sampled ${med(runs.map((x) => x.js))} ms; glyph loading and drawing ${med(runs.map((x) => x.glyphs))} ms (inclusive)`);
	const buckets = [...new Set(runs.flatMap((x) => Object.keys(x.byBucket)))];
	for (const b of buckets.sort()) console.log(`    ${b.padEnd(34)} ${med(runs.map((x) => x.byBucket[b] ?? 0)).padStart(6)} ms self`);
	const fns = {};
	for (const x of runs) for (const [k, v] of Object.entries(x.byFn)) fns[k] = (fns[k] ?? 0) + v / runs.length;
	console.log('  top functions by self time (mean):');
	for (const [k, v] of Object.entries(fns)
		.sort((a, b) => b[1] - a[1])
		.slice(0, 25))
		console.log(`    ${v.toFixed(0).padStart(6)} ms  ${k}`);
}
await browser.close();
