// The browser's own side of the main thread (layout, paint, style, events, messages), which a
// JavaScript CPU profile shows only as "(program)": a Chromium timeline trace of the story, under the
// bench's profile, either of its load to the first map idle (and `--after` ms more) or of the
// bench's walk through every step (`--walk`), or the floor's walk through the cameras the story's
// walk landed on (`--walk --floor`: the bare MapLibre page at the story's map size). Prints the
// long tasks (over 50 ms) with what each ran at its top level (load), the events summed inside long
// tasks (walk), and for both: layouts (how many boxes each laid out), paints, event handlers by
// type and messages serialised.
//
//   node scripts/trace-timeline.js --base http://localhost:4540 [--profile phone|desktop] [--walk [--floor] [--settle 3000]] [--after 4000] [--path /embed/step/residence]
//
// `--settle`: ms waited after the first idle before the walk is traced (the deferred files in).
//
// Needs a running server of a build (npm run bench's .tmp/bench/build, served by server/start-built.js).
// Found with it (6 December): the scale bar made the whole page lay out and paint at each frame of a
// flight; the cards' deferred layout and the Cyrillic face's arrival were two 0.2 s tasks after the first idle.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CHROMIUM_ARGS } from './lib/chromium.js';
import { cli, launchChromium } from './lib/bench-harness.js';
import { applyProfile, PROFILES } from './lib/bench-profiles.js';
import { waitForMapIdle } from './lib/map-idle.js';
import { camera, floorUrl, mapSettledOn, mapSize, WALK_PAUSE_MS } from './lib/floor-view.js';

const BASE = String(cli.arg('base', 'http://localhost:4540')).replace(/\/$/, '');
const PATH = String(cli.arg('path', '/'));
const WALK = cli.flag('walk');
const AFTER = Number(cli.arg('after', 0));
const FLOOR = cli.flag('floor');
const SETTLE = Number(cli.arg('settle', 0));
const profile = PROFILES[String(cli.arg('profile', 'phone'))];
if (!profile) throw new Error('--profile: desktop or phone');
const steps = parse(readFileSync('content/steps.yaml', 'utf8')).steps.map((/** @type {{ id: string }} */ s) => s.id);
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'];
const ms = (/** @type {number} */ us) => Math.round(us / 1000);

const { browser } = await launchChromium([...CHROMIUM_ARGS, '--disable-gpu-rasterization']);
const context = await browser.newContext({ viewport: PATH.includes('/embed/') ? profile.embed : profile.story, ...profile.context });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await applyProfile(cdp, profile);
// from a page of another site, as the bench does
await page.goto(`${BASE}/favicon.svg`);
if (!WALK) await browser.startTracing(page, { categories: CATEGORIES });
await page.goto(BASE + PATH, { waitUntil: 'domcontentloaded', timeout: 120_000 });
await waitForMapIdle(page, { timeout: 120_000 });
/** The bench's walk: ArrowDown to each step, WALK_PAUSE_MS after the last one settled; returns the cameras it landed on. */
async function walkStory() {
	const cameras = [await page.evaluate(camera)];
	for (let i = 1; i < steps.length; i++) {
		await page.waitForTimeout(WALK_PAUSE_MS);
		await page.keyboard.press('ArrowDown');
		if (!(await mapSettledOn(page, steps[i], 30_000))) throw new Error(`step ${steps[i]} never settled`);
		cameras.push(await page.evaluate(camera));
	}
	return cameras;
}
if (WALK) {
	await page.waitForFunction(() => document.querySelector('[data-map-step]')?.getAttribute('data-map-step'), null, { timeout: 60_000 });
	if (FLOOR) {
		// the story walked untraced for its cameras, then the floor opened on the first at the story's map size
		const size = await mapSize(page);
		const cameras = await walkStory();
		await page.goto(floorUrl(BASE, cameras[0], size), { waitUntil: 'domcontentloaded', timeout: 120_000 });
		await waitForMapIdle(page, { timeout: 120_000 });
		await page.waitForTimeout(SETTLE);
		await browser.startTracing(page, { categories: CATEGORIES });
		for (const c of cameras.slice(1)) {
			await page.waitForTimeout(WALK_PAUSE_MS);
			await page.evaluate((c) => /** @type {any} */ (window).floorFly(c), c);
		}
	} else {
		await page.waitForTimeout(SETTLE);
		await browser.startTracing(page, { categories: CATEGORIES });
		await walkStory();
	}
} else await page.waitForTimeout(AFTER);
const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
await browser.close();

// the page's main thread: the renderer main thread with the most events
const threadName = new Map(traceEvents.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
const perThread = new Map();
for (const e of traceEvents) {
	const k = `${e.pid}:${e.tid}`;
	if (threadName.get(k) === 'CrRendererMain') perThread.set(k, (perThread.get(k) ?? 0) + 1);
}
const main = [...perThread].sort((a, b) => b[1] - a[1])[0][0];
const events = traceEvents.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur);
const tasks = events.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur > 50_000);
const inside = (/** @type {any} */ t) => events.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
console.log(
	`${FLOOR ? 'floor of ' : ''}${PATH}, ${profile.name} ${WALK ? 'walk through every step' : `load to the first idle${AFTER ? ` and ${AFTER} ms` : ''}`}`
);
console.log(`long tasks: ${tasks.length}, ${ms(tasks.reduce((s, t) => s + t.dur, 0))} ms`);
if (WALK) {
	const by = new Map();
	for (const t of tasks) for (const e of inside(t)) by.set(e.name, (by.get(e.name) ?? 0) + e.dur);
	console.log('inside them (nested events count in each level):');
	for (const [name, d] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${String(ms(d)).padStart(7)} ms  ${name}`);
} else
	for (const t of tasks) {
		const parts = inside(t).filter((e) => e.dur > 3000);
		const top = parts.filter((e) => !parts.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur));
		const what = top.map((e) => `${e.name}${e.args?.data?.type ? `(${e.args.data.type})` : ''} ${ms(e.dur)}`).join(', ');
		console.log(`${String(ms(t.ts - events[0].ts)).padStart(7)} ms  ${String(ms(t.dur)).padStart(4)} ms: ${what.slice(0, 300)}`);
	}
const sum = (/** @type {string} */ name) => {
	const es = events.filter((e) => e.name === name);
	return `${name} ×${es.length} ${ms(es.reduce((s, e) => s + e.dur, 0))} ms`;
};
console.log(['Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'Commit', 'SerializedScriptValueFactory::create'].map(sum).join('; '));
console.log('layouts over 15 ms (boxes laid out / all):');
for (const e of events.filter((e) => e.name === 'Layout' && e.dur > 15_000))
	console.log(`  ${ms(e.ts - events[0].ts)} ms: ${ms(e.dur)} ms, ${e.args?.beginData?.dirtyObjects} / ${e.args?.beginData?.totalObjects}`);
const handlers = new Map();
for (const e of events.filter((e) => e.name === 'EventDispatch')) handlers.set(e.args?.data?.type, (handlers.get(e.args?.data?.type) ?? 0) + e.dur);
console.log(
	`event handlers: ${[...handlers]
		.sort((a, b) => b[1] - a[1])
		.map(([k, d]) => `${k} ${ms(d)} ms`)
		.join(', ')}`
);
