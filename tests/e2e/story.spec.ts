// The reader's story in real Chromium: scrolling drives the map, in both
// languages; deep links, keyboard, back/forward, reduced motion, screen-reader
// text, and the page without JavaScript.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { STEPS, TEXT, FEATURE_POINTS, SOURCES, urlsOf, type StepInfo } from './story-data';
import { isClear, visibility, waitForStep, waitForMapIdle, recordRequests, foreignRequests, recordMapOpening, readMapOpening } from './helpers';

/** The map shows what the step's data says: fitted features in view (and filling it), or the given centre/zoom. */
async function expectCameraMatches(page: Page, step: StepInfo) {
	if (step.camera.center) {
		const cam = await page.evaluate(() => {
			const m = window.qantar!.map;
			return { c: m.getCenter().toArray(), z: m.getZoom() };
		});
		expect(cam.z).toBeCloseTo(step.camera.zoom!, 1);
		expect(cam.c[0]).toBeCloseTo(step.camera.center[0], 1);
		expect(cam.c[1]).toBeCloseTo(step.camera.center[1], 1);
		return;
	}
	const pts = step.camera.fit!.flatMap((id) => FEATURE_POINTS.get(id)!);
	const v = await visibility(page, pts);
	const hidden = v.screen.filter((s) => !isClear(s, v));
	expect(hidden, `${step.id}: fitted features off screen or under the text`).toEqual([]);
	// and the camera is not needlessly far out: the features span a good share of the free map
	const xs = v.screen.map((s) => s.x);
	const ys = v.screen.map((s) => s.y);
	const spanX = Math.max(...xs) - Math.min(...xs);
	const spanY = Math.max(...ys) - Math.min(...ys);
	const zoom = await page.evaluate(() => window.qantar!.map.getZoom());
	const atMaxZoom = Math.abs(zoom - (step.camera.maxZoom ?? 12)) < 0.05;
	if (!atMaxZoom && pts.length > 1) {
		const freeW = v.visible.right - v.visible.left;
		const freeH = v.visible.bottom - v.visible.top;
		expect(Math.max(spanX / freeW, spanY / freeH), `${step.id}: camera too far out`).toBeGreaterThan(0.3);
	}
}

for (const lang of ['fr', 'en'] as const) {
	test(`scrolling through every step moves the map (${lang})`, async ({ page, baseURL }) => {
		test.setTimeout(240_000);
		const requests = recordRequests(page);
		await page.goto(lang === 'fr' ? '/?test' : '/en?test');
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await waitForMapIdle(page);
		for (const [i, step] of STEPS.entries()) {
			// scroll like a reader: the wheel, until the step's card reaches the middle of the screen
			const card = page.locator(`[data-step="${step.id}"]`);
			await page.evaluate((id) => {
				const el = document.getElementById(id)!;
				const y = scrollY + el.getBoundingClientRect().top - innerHeight * 0.5 + 20;
				window.scrollTo({ top: y, behavior: 'instant' });
			}, step.id);
			await expect(card).toHaveClass(/active/);
			await expect(page.locator(`.progress a[aria-current="step"]`)).toHaveAttribute('href', `#${step.id}`);
			await waitForStep(page, step.id);
			await expect(page).toHaveURL(new RegExp(`#${step.id}$`));
			await expect(page.getByTestId('map-description')).toHaveText(TEXT[lang].steps[step.id].alt);
			await expectCameraMatches(page, step);
			// the progress marks follow the story's order: the i-th is the current one
			await expect(page.locator('.progress a').nth(i)).toHaveAttribute('aria-current', 'step');
		}
		expect(foreignRequests(requests, baseURL!)).toEqual([]);
	});
}

test('a fast scroll from top to bottom and back lands on the right steps', async ({ page }) => {
	await page.goto('/?test');
	await waitForMapIdle(page);
	const last = STEPS.at(-1)!;
	// jump to the end in one go, then straight back to the top
	await page.evaluate(() => window.scrollTo({ top: document.body.scrollHeight, behavior: 'instant' }));
	await expect(page.locator(`[data-step="${last.id}"]`)).toHaveClass(/active/);
	await waitForStep(page, last.id);
	await page.mouse.wheel(0, -100000);
	await expect(page.locator(`[data-step="${STEPS[0]!.id}"]`)).toHaveClass(/active/);
	await waitForStep(page, STEPS[0]!.id);
	await expectCameraMatches(page, STEPS[0]!);
});

test('a link with a hash opens the story at that step, and the language switch keeps it', async ({ page }) => {
	const step = STEPS[5]!;
	await page.goto(`/?test#${step.id}`);
	await waitForStep(page, step.id);
	await expect(page.locator(`[data-step="${step.id}"]`)).toHaveClass(/active/);
	await expectCameraMatches(page, step);
	const sw = page.getByTestId('lang-switch');
	await expect(sw).toHaveAttribute('href', `/en#${step.id}`);
	await sw.click();
	await expect(page).toHaveURL(new RegExp(`/en#${step.id}$`));
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await waitForStep(page, step.id);
	await expect(page.locator(`#${step.id} h2`)).toHaveText(TEXT.en.steps[step.id].title);
});

/**
 * What a reader sees on a step: the map settled on it and described, its card marked active across the
 * middle of the window (where the story reads), and its address in the URL.
 */
async function expectOnStep(page: Page, step: StepInfo) {
	await waitForStep(page, step.id);
	const card = page.locator(`[data-step="${step.id}"]`);
	await expect(card).toHaveClass(/active/);
	const { top, bottom, middle } = await card.evaluate((el) => ({ ...el.getBoundingClientRect().toJSON(), middle: innerHeight / 2 }));
	expect(top, `${step.id}: card below the middle of the window`).toBeLessThanOrEqual(middle);
	expect(bottom, `${step.id}: card above the middle of the window`).toBeGreaterThan(middle);
	await expect(page).toHaveURL(new RegExp(`#${step.id}$`));
	await expect(page.getByTestId('map-description')).toHaveText(TEXT.fr.steps[step.id].alt);
}

test('keyboard moves step by step; back and forward follow', async ({ page }) => {
	test.setTimeout(180_000); // eleven camera flights, each waited for, on a software-rendered map
	await page.goto('/?test');
	await waitForMapIdle(page);
	// focus the page with a plain click on the map: a locator click on <body> there is intercepted by the
	// map's canvas, and Playwright's retries scroll the whole story (to its end, its middle, its top)
	await page.mouse.click(900, 5);
	await page.keyboard.press('ArrowDown');
	await expectOnStep(page, STEPS[1]!);
	await page.keyboard.press('PageDown');
	await expectOnStep(page, STEPS[2]!);
	await page.keyboard.press('End');
	await expectOnStep(page, STEPS.at(-1)!);
	await page.keyboard.press('ArrowUp');
	await expectOnStep(page, STEPS.at(-2)!);
	await page.keyboard.press('Home');
	await expectOnStep(page, STEPS[0]!);
	await expectCameraMatches(page, STEPS[0]!);
	// back: to the step before Home
	await page.goBack();
	await expectOnStep(page, STEPS.at(-2)!);
	await page.goForward();
	await expectOnStep(page, STEPS[0]!);
	// Back pressed while the page still scrolls to the step End asked for: the step Back brings, not
	// one beside it (what was left of that scroll used to carry the page on after Back's jump)
	const from = await page.evaluate(() => scrollY);
	await page.keyboard.press('End');
	await page.waitForFunction((y) => scrollY > y + 200, from, { polling: 'raf' });
	await page.goBack();
	await expectOnStep(page, STEPS[0]!);
	await page.goForward();
	await expectOnStep(page, STEPS.at(-1)!);
});

test('the lines, areas and dots of later steps are ready while the reader reads the opening: no step compiles a map program for them, and nothing extra shows', async ({
	page
}) => {
	test.setTimeout(180_000); // twelve camera flights on a software-rendered map
	await page.goto('/?test');
	await waitForMapIdle(page);
	// MapLibre's compiled WebGL programs (its painter's cache, by key): read by this test only
	const programs = () =>
		page.evaluate(() => Object.keys((window.qantar!.map as unknown as { painter: { programCache: { programs: object } } }).painter.programCache.programs));
	const warmLayers = () => page.evaluate(() => window.qantar!.map.getLayersOrder().filter((id) => id.startsWith('warm-programs')));
	// the opening draws no dashed line; the faint copies drawn once after it compile the airlift's and the borders' (warm-programs.ts)
	await expect.poll(async () => (await programs()).filter((k) => k.startsWith('lineSDF')).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
	await expect.poll(warmLayers, { timeout: 30_000 }).toEqual([]);
	expect(await page.evaluate(() => window.qantar!.map.getSource('warm-programs'))).toBeUndefined();
	const ready = await programs();
	await page.mouse.click(900, 5);
	for (const step of STEPS.slice(1)) {
		await page.keyboard.press('ArrowDown');
		await waitForStep(page, step.id);
	}
	// labels (symbols) are not copied: their programs follow the step's label settings
	expect((await programs()).filter((k) => !ready.includes(k) && !k.startsWith('symbol'))).toEqual([]);
});

test('the map opens on its step at once: settled before its first tiles are drawn, no camera move after them', async ({ page }) => {
	await recordMapOpening(page);
	await page.goto('/?test');
	const opening = await readMapOpening(page);
	// the opening step's highlights and camera are set when the style is in, not after every tile has loaded
	expect(opening.stepAtLoad).toBe(STEPS[0]!.id);
	expect(opening.movesAfterLoad).toBe(0);
	await expectCameraMatches(page, STEPS[0]!);
});

test('the first view does not wait for the basemap files it does not draw: they load after it, for the steps that zoom in', async ({ page, context }) => {
	// the 1:50m countries and borders and the rivers are drawn from z3.5 and z4; the story opens at ~z3.1
	const finer = /\/geo\/basemap\/(countries-50m|borders-50m|rivers-50m)\.geojson/;
	const held: import('@playwright/test').Route[] = [];
	await context.route(finer, (route) => void held.push(route));
	await recordMapOpening(page);
	await page.goto('/?test');
	// the map reaches its first idle while every request for those files is held unanswered
	await readMapOpening(page);
	expect(await page.evaluate(() => window.qantar!.map.getZoom())).toBeLessThan(3.5);
	// and asks for them once that view is shown
	await expect
		.poll(() => held.map((r) => new URL(r.request().url()).pathname.split('/').pop()).sort())
		.toEqual(['borders-50m.geojson', 'countries-50m.geojson', 'rivers-50m.geojson']);
	for (const r of held) await r.continue();
	// a step that zooms in draws the finer outlines
	const step = STEPS.find((s) => s.id === 'akimat')!;
	await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'center', behavior: 'instant' }), step.id);
	await waitForStep(page, step.id);
	const drawn = await page.evaluate(() => {
		const m = window.qantar!.map;
		return {
			zoom: m.getZoom(),
			land50: m.queryRenderedFeatures({ layers: ['base-land-50m'] }).length,
			land110: m.queryRenderedFeatures({ layers: ['base-land-110m'] }).length
		};
	});
	expect(drawn.zoom).toBeGreaterThan(3.5);
	expect(drawn.land50).toBeGreaterThan(0);
	expect(drawn.land110).toBe(0);
});

test('the first layout is the first screen: the cards below are laid out once the map is idle', async ({ page }) => {
	type Probe = { skipped: () => number[]; atStart: number[] };
	// what the page had rendered when its HTML was parsed (the map is created after that)
	await page.addInitScript(() => {
		const w = window as unknown as Probe;
		// [deferred blocks (cards and sections), those of them whose content is not rendered, the sources (each its own block) not rendered]
		w.skipped = () => {
			const notDrawn = (bs: Element[]) => bs.filter((b) => !b.firstElementChild!.checkVisibility({ contentVisibilityAuto: true })).length;
			const blocks = [...document.querySelectorAll('[data-deferred]:not(li)')];
			return [blocks.length, notDrawn(blocks), notDrawn([...document.querySelectorAll('li[data-deferred]')])];
		};
		document.addEventListener('DOMContentLoaded', () => (w.atStart = w.skipped()));
	});
	await page.goto('/?test');
	await waitForMapIdle(page);
	const [blocks, skipped] = await page.evaluate(() => (window as unknown as Probe).atStart);
	// the 12 cards after the opening one (on the first screen, laid out with the page), the explore invitation, the sources
	expect(blocks).toBe(STEPS.length - 1 + 2);
	expect(await page.locator(`#${STEPS[0]!.id} [data-deferred]`).count()).toBe(0);
	expect(skipped, 'blocks not laid out before the map starts').toBeGreaterThanOrEqual(STEPS.length - 2);
	// then every one, a few at a time (sources too), so that no step transition pays for it
	await expect.poll(() => page.evaluate(() => (window as unknown as Probe).skipped().slice(1))).toEqual([0, 0]);
});

/** the fonts Chromium drew a node's text with (family names; "(web)" for web fonts) */
async function drawnFonts(page: Page, selector: string): Promise<string[]> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('DOM.enable');
	await cdp.send('CSS.enable');
	const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
	const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
	expect(nodeIds.length, selector).toBeGreaterThan(0);
	const names = new Set<string>();
	for (const nodeId of nodeIds)
		for (const f of (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts) names.add(f.familyName + (f.isCustomFont ? ' (web)' : ''));
	await cdp.detach();
	return [...names].sort();
}

test('the first screen and the map credits are drawn in the page font, and every font the page asks for early is used', async ({ page }) => {
	const warnings: string[] = [];
	// (MapLibre's worker script draws this warning too, but is taken from the HTTP cache all the same)
	page.on('console', (m) => /preload/i.test(m.text()) && /\.woff2/.test(m.text()) && warnings.push(m.text()));
	await page.goto('/?test');
	await waitForMapIdle(page);
	await page.evaluate(() => document.fonts.ready);
	expect(await drawnFonts(page, 'h1, .dek, .byline, .tools button, [data-step="overview"] h2, [data-step="overview"] .card > p')).toEqual([
		'Noto Sans (web)',
		'Noto Sans SemiBold (web)'
	]);
	// the credits, unfolded: MapLibre's own stack (Helvetica Neue, Arial) would fall back to a system font here
	await page.locator('.maplibregl-ctrl-attrib-button').click();
	await expect(page.locator('.maplibregl-ctrl-attrib-inner a').first()).toBeVisible();
	expect(await drawnFonts(page, '.maplibregl-ctrl-attrib-inner a')).toEqual(['Noto Sans (web)']);
	// Chromium warns when a preloaded font goes unused for a few seconds
	await page.waitForTimeout(3500);
	expect(warnings).toEqual([]);
});

test("only the active step's card shows the accent bar at its left edge, and it follows the reader", async ({ page }) => {
	/** each card's bar: its opacity and whether it is drawn along the card's left edge */
	const bars = () =>
		page.locator('[data-step]').evaluateAll((els) =>
			els.map((el) => {
				const card = el.querySelector('.card')!;
				const bar = getComputedStyle(card, '::before');
				return { id: el.getAttribute('data-step'), opacity: Number(bar.opacity), width: bar.width, left: bar.left, color: bar.backgroundColor };
			})
		);
	const shownOn = async () => (await bars()).filter((b) => b.opacity > 0).map((b) => b.id);
	await page.goto(`/?test#${STEPS[2]!.id}`);
	await waitForStep(page, STEPS[2]!.id);
	await expect.poll(shownOn).toEqual([STEPS[2]!.id]);
	const bar = (await bars()).find((b) => b.id === STEPS[2]!.id)!;
	expect(bar).toMatchObject({ width: '4px', left: '-4px' });
	expect(bar.color).not.toBe('rgba(0, 0, 0, 0)');
	await page.mouse.click(900, 5);
	await page.keyboard.press('ArrowDown');
	await waitForStep(page, STEPS[3]!.id);
	await expect.poll(shownOn).toEqual([STEPS[3]!.id]);
});

test('progress marks are named by the step titles and jump to their step', async ({ page }) => {
	await page.goto('/en?test');
	await waitForMapIdle(page);
	const marks = page.getByRole('navigation', { name: 'Story steps' }).getByRole('link');
	await expect(marks).toHaveCount(STEPS.length);
	const target = STEPS[7]!;
	await page.getByRole('link', { name: TEXT.en.steps[target.id].title, exact: true }).click();
	await waitForStep(page, target.id);
	await expectCameraMatches(page, target);
});

test('with reduced motion the camera cuts instead of flying; the switch turns motion back on', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/?test');
	await waitForMapIdle(page);
	await expect(page.getByTestId('motion-switch')).toHaveAttribute('aria-pressed', 'false');
	// count camera frames during a step change: a cut moves in one jump
	const moves = async (stepIndex: number) => {
		await page.evaluate(() => {
			const w = window as unknown as { moves: number };
			w.moves = 0;
			window.qantar!.map.on('move', () => w.moves++);
		});
		await page.locator(`.progress a[href="#${STEPS[stepIndex]!.id}"]`).click();
		await waitForStep(page, STEPS[stepIndex]!.id);
		return page.evaluate(() => (window as unknown as { moves: number }).moves);
	};
	expect(await moves(1)).toBeLessThanOrEqual(2);
	await page.getByTestId('motion-switch').click();
	await expect(page.getByTestId('motion-switch')).toHaveAttribute('aria-pressed', 'true');
	expect(await moves(3)).toBeGreaterThan(5);
});

for (const path of ['/', '/en']) {
	test(`no serious or critical accessibility violation (${path})`, async ({ page }) => {
		await page.goto(path + '?test');
		await waitForMapIdle(page);
		const results = await new AxeBuilder({ page }).analyze();
		const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test("every step's text and sources are on the page, in order", async ({ page }) => {
		await page.goto('/');
		const titles = await page.locator('[data-step] h2').allTextContents();
		expect(titles).toEqual(STEPS.map((s) => TEXT.fr.steps[s.id].title));
		for (const s of STEPS)
			for (const url of urlsOf((s as unknown as { sources: string[] }).sources)) await expect(page.locator(`#${s.id} a[href="${url}"]`)).toHaveCount(1);
		await expect(page.getByRole('heading', { name: 'Sources et méthode' })).toBeVisible();
		await expect(page.locator('.map-wrap')).toBeHidden();
	});
	test('a step cites each source as publisher, title and date, and says what each paragraph rests on', async ({ page }) => {
		await page.goto('/en');
		const LABELS = { dispatch: 'AFP dispatch, 10 January', reported: 'Other reports by 10 January', later: 'Learned later' } as const;
		// the dek's key shows the three badges
		await expect(page.getByTestId('period-key').getByTestId('period-badge')).toHaveText(Object.values(LABELS));
		const raw = parse(readFileSync('content/steps.yaml', 'utf8')) as {
			dispatch: { sources: string[] };
			steps: { id: string; period: keyof typeof LABELS; body_periods?: (keyof typeof LABELS)[]; sources: string[] }[];
		};
		const toll = raw.steps.find((s) => s.id === 'toll')!;
		const card = page.locator('#toll');
		// the step's badge, then one badge per paragraph that rests on something else than the step
		await expect(card.locator('.kicker [data-testid="period-badge"]')).toHaveText(LABELS[toll.period]);
		const paragraphs = card.locator('p[data-period]');
		await expect(paragraphs).toHaveCount(toll.body_periods!.length);
		for (const [i, period] of toll.body_periods!.entries()) {
			await expect(paragraphs.nth(i)).toHaveAttribute('data-period', period);
			await expect(paragraphs.nth(i).getByTestId('period-badge')).toHaveCount(period === toll.period ? 0 : 1);
		}
		await expect(card.locator('.later-note [data-testid="period-badge"]')).toHaveText(LABELS.later);
		// every source: who, the title (quoted, or in brackets when we supplied it), the date in words, the link
		const cites = card.getByTestId('step-sources').locator('[data-source]');
		await expect(cites).toHaveCount(toll.sources.length);
		for (const id of toll.sources) {
			const s = SOURCES.get(id)!;
			const cite = card.locator(`[data-source="${id}"]`);
			await expect(cite.getByTestId('citation-by')).toHaveText(s.via ? `${s.publisher}, via ${s.via}` : s.publisher);
			await expect(cite.getByTestId('citation-title')).toHaveText(s.headline === false ? `[${s.title}]` : `“${s.title}”`);
			await expect(cite.getByTestId('citation-title')).toHaveAttribute('href', s.url);
			if (s.date?.length === 10)
				await expect(cite.getByTestId('citation-date')).toHaveText(
					new Date(`${s.date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
				);
		}
		// the dispatch itself, by its title, with its copies
		const dispatch = page.getByTestId('dispatch');
		await expect(dispatch.locator('[data-source]')).toHaveCount(raw.dispatch.sources.length);
		await expect(dispatch.getByTestId('citation-title').first()).toContainText('Kazakhstan : le président dit avoir vaincu un');
	});
});
