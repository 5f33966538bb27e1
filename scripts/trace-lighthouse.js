// What Lighthouse's phone Total Blocking Time is made of. Lighthouse 12's default run is simulated
// (Lantern): it loads the page unthrottled, then counts every main-thread task it saw as four times
// as long (its 4× CPU), so a task of 12.5 ms or more blocks: 4 × duration − 50 ms, from the first
// contentful paint to the time to interactive. This loads a page as Lighthouse does (its phone's
// 412×823 window, unthrottled, Chromium's timeline traced) and prints those tasks, split at the map's
// first idle, with the events inside each; the story's program warm-up (warm-programs.ts) marked.
//
//   node scripts/trace-lighthouse.js --base http://localhost:4521 [--path /] [--runs 3] [--after 8000]
//
// Needs a running server of a build (npm run bench's .tmp/bench/build, served by server/start-built.js).
// Found with it (7 December): the warm-up's frame, 160–350 ms unthrottled, is ~1.1 s of the story's
// ~3 s of simulated TBT; most of the rest is MapLibre's first frames.
import { CHROMIUM_ARGS } from './lib/chromium.js';
import { cli, launchChromium } from './lib/bench-harness.js';

const BASE = String(cli.arg('base', 'http://localhost:4521')).replace(/\/$/, '');
const PATH = String(cli.arg('path', '/'));
const RUNS = Number(cli.arg('runs', 3));
const AFTER = Number(cli.arg('after', 8000));
/** Lighthouse 12's default: a Moto G Power's window, and its CPU model's slowdown */
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const SLOWDOWN = 4;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'loading'];
const blocking = (/** @type {number} */ ms) => Math.max(0, SLOWDOWN * ms - 50);

const { browser } = await launchChromium(CHROMIUM_ARGS);
for (let run = 1; run <= RUNS; run++) {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	// marks in the page's timeline: the map's first idle, and the moment the warm-up's copies are on the map
	await page.addInitScript(() => {
		const watch = () => {
			const map = /** @type {any} */ (window).qantar?.map;
			if (!map) return void setTimeout(watch, 5);
			map.once('idle', () => performance.mark('qantar:first-idle'));
			const warm = () => (map.getSource('warm-programs') ? performance.mark('qantar:warm-up') : setTimeout(warm, 5));
			warm();
		};
		watch();
	});
	await browser.startTracing(page, { categories: CATEGORIES });
	await page.goto(BASE + PATH, { timeout: 120_000 });
	await page.waitForTimeout(AFTER);
	const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
	await context.close();

	const threadName = new Map(traceEvents.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
	const busy = new Map();
	for (const e of traceEvents)
		if (e.name === 'RunTask' && e.ph === 'X' && threadName.get(`${e.pid}:${e.tid}`) === 'CrRendererMain')
			busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
	const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
	const events = traceEvents.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur);
	const nav = traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame)?.ts ?? events[0].ts;
	const mark = (/** @type {string} */ name) => {
		const e = traceEvents.find((e) => e.name === name);
		return e ? (e.ts - nav) / 1000 : NaN;
	};
	const idle = mark('qantar:first-idle');
	const warm = mark('qantar:warm-up');
	// Lighthouse counts from the first contentful paint
	const painted = mark('firstContentfulPaint');
	const fcp = Number.isNaN(painted) ? 0 : painted; // no paint seen: every task counts
	const tasks = events
		.filter((e) => e.name === 'RunTask' && e.dur >= 12_500 && e.ts >= nav + fcp * 1000)
		.map((e) => ({ e, at: (e.ts - nav) / 1000, ms: e.dur / 1000 }));
	const total = (/** @type {typeof tasks} */ ts) => Math.round(ts.reduce((s, t) => s + blocking(t.ms), 0));
	const before = tasks.filter((t) => t.at < idle);
	const after = tasks.filter((t) => t.at >= idle);
	// the warm-up's frame: the longest task in the second after its copies are added
	const warmTask = after.filter((t) => t.at >= warm && t.at < warm + 1000).sort((a, b) => b.ms - a.ms)[0];
	console.log(
		`run ${run}, ${PATH}: first contentful paint ${Math.round(fcp)} ms, first idle ${Math.round(idle)} ms, warm-up ${Number.isNaN(warm) ? 'none' : `${Math.round(warm)} ms`}; ` +
			`blocking (×${SLOWDOWN}) from the paint: before the idle ${before.length} tasks ${total(before)} ms, after ${after.length} tasks ${total(after)} ms` +
			(warmTask ? `, of which the warm-up's frame ${Math.round(warmTask.ms)} ms → ${Math.round(blocking(warmTask.ms))} ms` : '')
	);
	for (const t of tasks) {
		const inside = events
			.filter((e) => e !== t.e && e.name !== 'RunTask' && e.ts >= t.e.ts && e.ts + e.dur <= t.e.ts + t.e.dur && e.dur > 2000)
			.sort((a, b) => b.dur - a.dur)
			.slice(0, 3)
			.map((e) => `${e.name}${e.args?.data?.url ? `(${e.args.data.url.split('/').pop()})` : ''} ${Math.round(e.dur / 1000)}`);
		console.log(`  ${t.at < idle ? ' ' : '*'} ${String(Math.round(t.at)).padStart(6)} ms ${String(Math.round(t.ms)).padStart(4)} ms: ${inside.join(', ')}`);
	}
}
await browser.close();
