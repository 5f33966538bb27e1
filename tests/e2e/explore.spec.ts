// The explore dashboard (/explore, /en/explore) in real Chromium: the timeline
// filters the map's rendered features, play advances it, layers toggle what is
// drawn, events fly to their feature and show its sources, the URL restores
// the view, axe, and the phone layout. Waits on the page's own markers
// (data-map-date, data-map-feature) and the map's idle, never on timers.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { readMapOpening, recordMapOpening, renderedFeatureIds, waitForMapIdle } from './helpers';
import { urlsOf } from './story-data';

interface Props {
	id: string;
	start?: string;
	end?: string;
	date_precision?: string;
	confidence: string;
	sources: string[];
	name_fr: string;
	name_en: string;
}
const layer = (file: string): { properties: Props; geometry: { type: string; coordinates: unknown } }[] =>
	JSON.parse(readFileSync(`static/geo/${file}.geojson`, 'utf8')).features;
const CITIES = layer('protest-cities');
const SITES = layer('almaty-sites');
const AKIMAT = SITES.find((f) => f.properties.id === 'almaty-akimat')!;
const STEP_OF_AKIMAT = (parse(readFileSync('content/steps.yaml', 'utf8')).steps as { id: string; highlight?: string[] }[]).find((s) =>
	s.highlight?.includes('almaty-akimat')
)!.id;

async function open(page: Page, path = '/explore?test') {
	await page.goto(path);
	await page.locator('[data-testid="explore-map"][data-map-date]:not([data-map-date=""])').waitFor({ timeout: 30_000 });
	await waitForMapIdle(page);
}

/** waits until the map has drawn the given day (and the given layers, if any) */
async function drawn(page: Page, date: string, layers?: string) {
	const map = page.getByTestId('explore-map');
	await expect(map).toHaveAttribute('data-map-date', date);
	if (layers !== undefined) await expect(map).toHaveAttribute('data-map-layers', layers);
	await waitForMapIdle(page);
}

test('the map is framed on the region before its first tiles are drawn: no second set of tiles for the framed view', async ({ page }) => {
	await recordMapOpening(page);
	await open(page);
	expect((await readMapOpening(page)).movesAfterLoad).toBe(0);
});

test('the timeline at 4 January shows the cities that rose by then, not the later ones (keyboard)', async ({ page }) => {
	await open(page);
	const range = page.getByTestId('date-range');
	await range.focus();
	await page.keyboard.press('Home');
	await expect(page.getByTestId('date-label')).toHaveText('1er janvier 2022');
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
	await expect(page.getByTestId('date-label')).toHaveText('4 janvier 2022');
	await expect(range).toHaveAttribute('aria-valuetext', '4 janvier 2022');
	await expect(page.getByTestId('date-live')).toContainText('4 janvier 2022');
	await drawn(page, '2022-01-04');
	const risen = CITIES.filter((f) => f.properties.start! <= '2022-01-04').map((f) => f.properties.id);
	const later = CITIES.filter((f) => f.properties.start! > '2022-01-04').map((f) => f.properties.id);
	expect(risen.length).toBeGreaterThan(2);
	expect(later).toEqual(['taldykorgan']);
	const shown = await renderedFeatureIds(page, 'story-protest-cities-circle');
	expect(shown.sort()).toEqual(risen.sort());
	// Almaty: the square (4 January) is there, the akimat (5 January) not yet
	const sites = await renderedFeatureIds(page, 'story-almaty-sites-circle');
	expect(sites).toContain('almaty-republic-square');
	expect(sites).not.toContain('almaty-akimat');
	// the layer panel counts what is shown, the list says what is not yet
	await expect(page.getByTestId('layer-count-protest-cities')).toHaveText(`${risen.length} affichés`);
	await expect(page.locator('[data-event="taldykorgan"]')).toContainText('pas encore à cette date');
	// undated features are always drawn
	expect(await renderedFeatureIds(page, 'story-csto-capitals-circle')).toContain('minsk');
	// features below high confidence (or with an imprecise date) are drawn as uncertain, the others not
	const drawnUncertain = await page.evaluate(() =>
		Object.fromEntries(
			window.qantar!.map.queryRenderedFeatures({ layers: ['story-protest-cities-circle'] }).map((f) => [f.properties.id, f.properties.uncertain])
		)
	);
	for (const f of CITIES.filter((c) => c.properties.start! <= '2022-01-04'))
		expect(drawnUncertain[f.properties.id], f.properties.id).toBe(f.properties.confidence !== 'high' || f.properties.date_precision !== 'day');
	await expect(page.locator('[data-event="uralsk"]')).toContainText('incertain');
});

test('playing the timeline advances the date, pausing stops it', async ({ page }) => {
	await open(page, '/en/explore?test&date=2022-01-02');
	await drawn(page, '2022-01-02');
	const label = page.getByTestId('date-label');
	await expect(label).toHaveText('2 January 2022');
	const play = page.getByTestId('play');
	await play.click();
	await expect(play).toHaveAttribute('aria-pressed', 'true');
	await expect(label).toHaveText('3 January 2022');
	await expect(label).toHaveText('4 January 2022');
	await play.click();
	await expect(play).toHaveAttribute('aria-pressed', 'false');
	const stopped = await label.textContent();
	const day = String(Number(stopped!.split(' ')[0])).padStart(2, '0');
	await drawn(page, `2022-01-${day}`);
	await expect(page).toHaveURL(new RegExp(`date=2022-01-${day}`));
	await expect(label).toHaveText(stopped!);
});

test('toggling a layer hides its features on the map, and brings them back', async ({ page }) => {
	await open(page, '/explore?test&date=2022-01-10');
	expect((await renderedFeatureIds(page, 'story-protest-cities-circle')).length).toBe(CITIES.length);
	const toggle = page.getByTestId('layer-toggle-protest-cities');
	await toggle.uncheck();
	await expect(page.getByTestId('explore-map')).not.toHaveAttribute('data-map-layers', /protest-cities/);
	await drawn(page, '2022-01-10');
	expect(await renderedFeatureIds(page, 'story-protest-cities-')).toEqual([]);
	await expect(page.getByTestId('layer-count-protest-cities')).toHaveText('0 affiché');
	await expect(page.locator('[data-event="zhanaozen"]')).toHaveCount(0);
	// the other layers are untouched
	expect(await renderedFeatureIds(page, 'story-almaty-sites-circle')).not.toEqual([]);
	await toggle.check();
	await expect(page.getByTestId('explore-map')).toHaveAttribute('data-map-layers', /protest-cities/);
	await drawn(page, '2022-01-10');
	expect((await renderedFeatureIds(page, 'story-protest-cities-circle')).length).toBe(CITIES.length);
});

test('hovering an event highlights its feature; choosing it flies there and shows its sources', async ({ page }) => {
	await open(page, '/explore?test&date=2022-01-10');
	const state = (id: string, source: string) =>
		page.evaluate(({ id, source }) => window.qantar!.map.getFeatureState({ source, id })?.highlight ?? false, { id, source });
	await page.getByTestId('event-zhanaozen').hover();
	await expect.poll(() => state('zhanaozen', 'story-protest-cities')).toBe(true);
	await page.mouse.move(640, 400);
	await expect.poll(() => state('zhanaozen', 'story-protest-cities')).toBe(false);

	await page.getByTestId('event-almaty-akimat').click();
	await expect(page.getByTestId('explore-map')).toHaveAttribute('data-map-feature', 'almaty-akimat');
	await waitForMapIdle(page);
	const cam = await page.evaluate(() => ({ c: window.qantar!.map.getCenter().toArray(), z: window.qantar!.map.getZoom() }));
	const [lon, lat] = AKIMAT.geometry.coordinates as [number, number];
	expect(cam.z).toBeGreaterThan(11);
	expect(Math.abs(cam.c[0]! - lon)).toBeLessThan(0.05);
	expect(Math.abs(cam.c[1]! - lat)).toBeLessThan(0.05);
	expect(await state('almaty-akimat', 'story-almaty-sites')).toBe(true);
	expect(await renderedFeatureIds(page, 'story-almaty-sites-circle')).toContain('almaty-akimat');

	const details = page.getByTestId('details');
	await expect(details).toBeVisible();
	await expect(details.locator('h3')).toHaveText(AKIMAT.properties.name_fr);
	await expect(details.locator('h3')).toBeFocused();
	await expect(page.getByTestId('details-date')).toContainText('5 janvier 2022 (au jour près)');
	const links = page.getByTestId('details-sources').locator('a');
	await expect(links).toHaveCount(AKIMAT.properties.sources.length);
	expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(urlsOf(AKIMAT.properties.sources));
	// the story step about it, and back
	await expect(page.getByTestId('details-step')).toHaveAttribute('href', `/step/${STEP_OF_AKIMAT}`);
	await expect(page.getByTestId('event-step-almaty-akimat')).toHaveAttribute('href', `/step/${STEP_OF_AKIMAT}`);
	await expect(page).toHaveURL(/feature=almaty-akimat/);
	// closing (the button, or Escape) gives the focus back to the list
	await page.getByTestId('details-close').click();
	await expect(details).toHaveCount(0);
	await expect(page.getByTestId('event-almaty-akimat')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(details.locator('h3')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(details).toHaveCount(0);
	await expect(page).not.toHaveURL(/feature=/);
	await expect(page.getByTestId('event-almaty-akimat')).toBeFocused();
});

test('an event not yet on the map brings its day (and its layer) with it', async ({ page }) => {
	await open(page, '/en/explore?test&date=2022-01-02&layers=kazakhstan,protest-cities');
	await page.getByTestId('event-taldykorgan').click();
	await expect(page.getByTestId('date-label')).toHaveText('5 January 2022');
	await expect(page.getByTestId('explore-map')).toHaveAttribute('data-map-feature', 'taldykorgan');
	await waitForMapIdle(page);
	expect(await renderedFeatureIds(page, 'story-protest-cities-circle')).toContain('taldykorgan');
	await expect(page.getByTestId('details-sources').locator('a')).toHaveCount(CITIES.find((f) => f.properties.id === 'taldykorgan')!.properties.sources.length);
	await expect(page.getByTestId('event-step-taldykorgan')).toHaveAttribute('href', /^\/en\/step\/[a-z-]+$/);
});

test('a URL copied from the page restores the same view in a new page', async ({ page, context }) => {
	await open(page);
	await page.getByTestId('date-range').fill('6');
	await page.getByTestId('layer-toggle-csto-airlift').uncheck();
	await page.getByTestId('event-taldykorgan').click();
	await expect(page.getByTestId('explore-map')).toHaveAttribute('data-map-feature', 'taldykorgan');
	await waitForMapIdle(page);
	await expect(page).toHaveURL(/date=2022-01-07/);
	const url = page.url();
	expect(url).toMatch(/center=[-\d.]+,[-\d.]+/);
	expect(url).toMatch(/zoom=[\d.]+/);
	expect(url).not.toMatch(/csto-airlift/);
	const before = await page.evaluate(() => ({ c: window.qantar!.map.getCenter().toArray(), z: window.qantar!.map.getZoom() }));

	const other = await context.newPage();
	await open(other, url);
	await expect(other.getByTestId('date-label')).toHaveText('7 janvier 2022');
	await expect(other.getByTestId('layer-toggle-csto-airlift')).not.toBeChecked();
	await expect(other.getByTestId('layer-toggle-protest-cities')).toBeChecked();
	await expect(other.getByTestId('details')).toHaveAttribute('data-feature', 'taldykorgan');
	await expect(other.getByTestId('explore-map')).toHaveAttribute('data-map-feature', 'taldykorgan');
	const after = await other.evaluate(() => ({ c: window.qantar!.map.getCenter().toArray(), z: window.qantar!.map.getZoom() }));
	expect(after.z).toBeCloseTo(before.z, 1);
	expect(after.c[0]).toBeCloseTo(before.c[0]!, 2);
	expect(after.c[1]).toBeCloseTo(before.c[1]!, 2);
	expect(await renderedFeatureIds(other, 'story-csto-airlift-')).toEqual([]);
	expect(await other.evaluate(() => window.qantar!.map.getFeatureState({ source: 'story-protest-cities', id: 'taldykorgan' })?.highlight)).toBe(true);
	// the same view in the other language
	await expect(other.getByTestId('lang-switch')).toHaveAttribute('href', /^\/en\/explore\?.*date=2022-01-07.*feature=taldykorgan/);
});

test('"Embed this view" offers the composed-view embed of what is shown', async ({ page }) => {
	await open(page, '/en/explore?test&date=2022-01-05&layers=kazakhstan,almaty-sites&feature=almaty-akimat');
	await page.getByTestId('embed-view').click();
	const dialog = page.getByTestId('embed-dialog');
	await expect(dialog).toBeVisible();
	const code = await page.getByTestId('embed-code').inputValue();
	expect(code).toContain('/en/embed/view?');
	expect(code).toContain('date=2022-01-05');
	expect(code).toContain('highlight=almaty-akimat');
	expect(code).toMatch(/layers=kazakhstan(%2C|,)almaty-sites/);
	await expect(page.getByTestId('embed-link')).toHaveValue(/\/en\/explore\?.*feature=almaty-akimat/);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
});

test('the figures come from the data, each with who, when and its source', async ({ page }) => {
	await open(page, '/en/explore?test');
	const contingent = page.getByTestId('figure-contingent');
	await expect(contingent.locator('[data-figure="contingent-armenia"] rect')).toHaveCount(1);
	await expect(contingent.locator('[data-figure="contingent-russia"] rect')).toHaveCount(0);
	await expect(contingent.locator('[data-figure="contingent-russia"]')).toContainText('not published');
	await contingent.locator('summary').click();
	const row = page.getByTestId('figure-row-contingent-tajikistan');
	await expect(row).toContainText('200');
	await expect(row).toContainText('Tajik Defence Ministry, 7 January 2022');
	await expect(row.locator('a')).toHaveAttribute('href', /asiaplustj/);
	await expect(page.getByTestId('figure-row-toll-238')).toHaveCount(1);
	await expect(page.getByTestId('figure-detentions')).toContainText('7,939');
});

test('the story invites to the dashboard, in each language', async ({ page }) => {
	await page.goto('/en?test');
	await expect(page.getByTestId('explore-link')).toHaveAttribute('href', '/en/explore');
	await page.goto('/?test');
	const link = page.getByTestId('explore-link');
	await expect(link).toHaveAttribute('href', '/explore');
	await link.click();
	await expect(page).toHaveURL(/\/explore/);
	await expect(page.locator('h1')).toHaveText('Explorer\u202f: Kazakhstan, janvier 2022');
});

for (const [path, colorScheme] of [
	['/explore', 'light'],
	['/en/explore', 'light'],
	['/explore', 'dark']
] as const) {
	test(`no serious or critical accessibility violation (${path}, ${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await open(page, `${path}?test&feature=almaty-akimat`);
		await page.getByTestId('figure-toll-total').locator('summary').click();
		const results = await new AxeBuilder({ page }).analyze();
		const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
	});
}

test.describe('phone', () => {
	test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });
	test('the map stays visible, every panel opens as a sheet, an event is framed above it', async ({ page }) => {
		await open(page);
		const map = await page.getByTestId('explore-map').boundingBox();
		expect(map!.height).toBeGreaterThan(350);
		expect(map!.width).toBe(375);
		// timeline and panel buttons on screen
		for (const id of ['play', 'date-range', 'sheet-layers', 'sheet-events', 'sheet-figures']) await expect(page.getByTestId(id)).toBeInViewport();
		await expect(page.getByTestId('panel-events')).toBeHidden();

		await page.getByTestId('sheet-layers').tap();
		await expect(page.getByTestId('sheet-layers')).toHaveAttribute('aria-expanded', 'true');
		await expect(page.getByTestId('panel-layers')).toBeInViewport();
		await page.getByTestId('layer-toggle-csto-members').tap();
		await expect(page.getByTestId('layer-toggle-csto-members')).not.toBeChecked();

		await page.getByTestId('sheet-figures').tap();
		await expect(page.getByTestId('panel-layers')).toBeHidden();
		await expect(page.getByTestId('figure-contingent')).toBeInViewport();

		await page.getByTestId('sheet-events').tap();
		const sheet = page.getByTestId('panel-events');
		await expect(sheet).toBeInViewport();
		await page.getByTestId('event-aktau').tap();
		await expect(page.getByTestId('explore-map')).toHaveAttribute('data-map-feature', 'aktau');
		await waitForMapIdle(page);
		// the feature lies in the map's part the sheet leaves free
		const aktau = CITIES.find((f) => f.properties.id === 'aktau')!.geometry.coordinates as [number, number];
		const pt = await page.evaluate((p) => {
			const m = window.qantar!.map;
			const s = m.project(p);
			const r = m.getContainer().getBoundingClientRect();
			return { x: s.x + r.left, y: s.y + r.top };
		}, aktau);
		const sheetBox = (await sheet.boundingBox())!;
		expect(pt.y).toBeLessThan(sheetBox.y);
		expect(pt.y).toBeGreaterThan(map!.y);
		expect(pt.x).toBeGreaterThan(0);
		expect(pt.x).toBeLessThan(375);
		await expect(page.getByTestId('details')).toBeVisible();
		// closing the sheet gives the whole map back
		await page.getByTestId('sheet-events').tap();
		await expect(sheet).toBeHidden();
	});
});
