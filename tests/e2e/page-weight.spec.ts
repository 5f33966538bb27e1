// What a reader page makes the browser fetch first (issues 6 and 22): the page's
// text and its own code; MapLibre and its worker once the text has painted (not
// among the page's preloads); pages without a map never fetch it; the countries'
// outlines are not in the HTML (the map loads them from the layer file).
import { expect, test, type APIRequestContext } from '@playwright/test';
import { waitForStep } from './helpers';

/** a page's answer (200) and the entries of its Link header, in order: [url path, rel, as] */
async function linkEntries(request: APIRequestContext, path: string) {
	const res = await request.get(path);
	expect(res.status(), path).toBe(200);
	const entries = (res.headers()['link'] ?? '').split(/,\s*(?=<)/).map((e) => {
		const url = /^<([^>]+)>/.exec(e)?.[1] ?? '';
		return [new URL(url, new URL(path, 'http://x/')).pathname, /rel="([^"]+)"/.exec(e)?.[1], /\bas="([^"]+)"/.exec(e)?.[1]];
	});
	return { res, entries };
}

/** the script URLs a page asks the browser to preload (Link header, as SvelteKit sends them) */
async function preloads(request: APIRequestContext, path: string): Promise<string[]> {
	return (await linkEntries(request, path)).entries.filter(([, rel]) => rel === 'modulepreload').map(([url]) => url!);
}

/** MapLibre's bundle says so in its logo's label */
const isMapLibre = (js: string) => js.includes('MapLibre logo') && js.includes('maplibre-gl-font-face');

async function preloadsMapLibre(request: APIRequestContext, path: string) {
	for (const url of await preloads(request, path)) if (isMapLibre(await (await request.get(url)).text())) return true;
	return false;
}

for (const path of ['/', '/en/step/toll', '/embed/step/csto-airlift', '/embed/view?layers=kazakhstan&center=66,47&zoom=3', '/explore']) {
	test(`${path}: MapLibre is not among the page's preloads`, async ({ request }) => {
		const urls = await preloads(request, path);
		expect(urls.length, `${path} preloads its own code`).toBeGreaterThan(0);
		expect(await preloadsMapLibre(request, path)).toBe(false);
	});
}

// issue 22: fetched with the page, MapLibre and its worker (~350 KB) shared a phone's bandwidth with the text
for (const path of ['/', '/embed/step/csto-airlift']) {
	test(`${path}: MapLibre and its worker are fetched once the text has painted, and the map opens`, async ({ page, request }) => {
		await page.goto(path);
		await page.waitForFunction(() => window.qantar?.map?.loaded(), null, { timeout: 60_000 });
		const { fcp, scripts } = await page.evaluate(() => ({
			fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
			scripts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
				.filter((e) => /\.m?js(\?|$)/.test(e.name))
				.map((e) => ({ url: e.name, start: e.startTime }))
		}));
		expect(fcp, 'the page reports its first contentful paint').toBeGreaterThan(0);
		const worker = scripts.filter((s) => s.url.includes('maplibre-gl-worker'));
		const maplibre = [];
		for (const s of scripts) if (!s.url.includes('maplibre-gl-worker') && isMapLibre(await (await request.get(s.url)).text())) maplibre.push(s);
		expect(maplibre.length, 'MapLibre fetched').toBeGreaterThan(0);
		expect(worker.length, 'its worker fetched').toBeGreaterThan(0);
		for (const s of [...maplibre, ...worker])
			expect(s.start, `${s.url} asked for ${Math.round(fcp! - s.start)} ms before the first paint`).toBeGreaterThanOrEqual(fcp!);
	});
}

test('pages without a map do not preload MapLibre', async ({ request }) => {
	for (const path of ['/edit/login', '/embed']) {
		const urls = await preloads(request, path);
		expect(urls.length, `${path} preloads its own code`).toBeGreaterThan(0);
		expect(await preloadsMapLibre(request, path), path).toBe(false);
	}
});

test('reader pages carry the polygons as boxes and point the map at the layer files', async ({ request }) => {
	for (const path of ['/', '/embed/step/csto-airlift']) {
		const html = await (await request.get(path)).text();
		// Russia's outline (the first vertex of its Kuril islands) is not in the page, its bounding box is
		expect(html, path).not.toContain('[145.882,43.46]');
		const src = html.match(/\/geo\/csto-members\.geojson\?v=[0-9a-f]{10}/)?.[0];
		expect(src, `${path} names the file the map loads`).toBeTruthy();
		const file = await request.get(src!);
		expect(file.status()).toBe(200);
		const data = await file.json();
		const russia = data.features.find((f: { properties: { id: string } }) => f.properties.id === 'country-russia');
		expect(russia.geometry.type).toBe('MultiPolygon');
		expect(JSON.stringify(russia.geometry)).toContain('[145.882,43.46]');
	}
});

const LATIN_400 = '/geo/fonts/noto-sans-latin-400-normal.woff2';
const LATIN_600 = '/geo/fonts/noto-sans-latin-600-normal.woff2';
for (const [path, fonts] of [
	['/', [LATIN_400, LATIN_600]],
	['/en/step/toll', [LATIN_400, LATIN_600]],
	['/embed/step/csto-airlift', [LATIN_400, LATIN_600]],
	['/embed/step/csto-airlift?caption=0', [LATIN_400]],
	['/explore', [LATIN_400, LATIN_600]]
] as const) {
	test(`${path}: the text fonts are the first thing the page asks for`, async ({ request }) => {
		const { res, entries } = await linkEntries(request, path);
		expect(entries.slice(0, fonts.length)).toEqual(fonts.map((f) => [f, 'preload', 'font']));
		expect(
			entries.slice(fonts.length).some(([, , as]) => as === 'font'),
			'no other font'
		).toBe(false);
		expect(entries.length, 'then the styles and scripts SvelteKit names').toBeGreaterThan(fonts.length + 5);
		const html = await res.text();
		const head = html.slice(0, html.indexOf('</head>'));
		for (const f of fonts)
			expect(head, 'and the <head>, for a static host').toContain(`<link rel="preload" href="${f}" as="font" type="font/woff2" crossorigin="anonymous"`);
		for (const f of fonts) {
			const res = await request.get(f);
			expect(res.status()).toBe(200);
			expect(res.headers()['content-type']).toBe('font/woff2');
		}
	});
}

test('pages without reader text name no font', async ({ request }) => {
	for (const path of ['/edit/login', '/embed'])
		expect(
			(await linkEntries(request, path)).entries.some(([, , as]) => as === 'font'),
			path
		).toBe(false);
});

/** the text of every script a page preloads (its static imports: what its first view runs) */
async function preloadedScripts(request: APIRequestContext, path: string): Promise<string> {
	let all = '';
	for (const url of await preloads(request, path)) all += await (await request.get(url)).text();
	return all;
}

// issue 22: the story and the embeds get their interface strings, in their own language only, with the
// page's data; no strings of the other language, of /explore or of /corrections are in their code
for (const path of ['/', '/en', '/step/residence', '/embed/step/csto-airlift', '/en/embed/step/csto-airlift']) {
	test(`${path}: its code carries no interface strings, of either language`, async ({ request }) => {
		const js = await preloadedScripts(request, path);
		expect(js.length, 'the page preloads its code').toBeGreaterThan(50_000);
		for (const text of [
			'Carte de l’étape en cours', // STRINGS.fr.mapLabel
			'Map of the current step', // STRINGS.en.mapLabel
			'À vous d’explorer', // the invitation to /explore, French
			'Your turn to explore',
			'Explorer la carte', // EXPLORE_STRINGS
			'Explore the map',
			'Corrections et mises à jour', // the corrections page's title
			'Corrections and updates'
		])
			expect(js, `${path}: "${text}"`).not.toContain(text);
		// while the page shows its own, from its data
		const html = await (await request.get(path)).text();
		expect(html).toContain(path.startsWith('/en') ? 'Map of the current step' : 'Carte de l’étape en cours');
		expect(html).not.toContain(path.startsWith('/en') ? 'Carte de l’étape en cours' : 'Map of the current step');
	});
}

// issue 22: the district-here name (turf's point-in-polygon over the districts) and the locator inset's
// drawing are loaded only for a view at city zoom
test('the district-here and locator drawing code is loaded at city zoom only', async ({ page, request }) => {
	test.setTimeout(90_000);
	/** district-here's performance mark's name, and the locator's text alternative: strings the minifier keeps */
	const MARK = 'qantar:district-here';
	const LOCATOR = 'Locator map: Almaty';
	for (const path of ['/', '/embed/step/csto-airlift', '/step/residence']) {
		const js = await preloadedScripts(request, path);
		expect(js, `${path} preloads district-here`).not.toContain(MARK);
		expect(js, `${path} preloads the locator's drawing`).not.toContain(LOCATOR);
	}
	const scripts: Promise<string>[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script') scripts.push(r.text().catch(() => ''));
	});
	const loaded = async (text = MARK) => (await Promise.all(scripts)).some((js) => js.includes(text));
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/en?test');
	await waitForStep(page, 'overview');
	expect(await loaded(), 'loaded at the opening overview').toBe(false);
	expect(await loaded(LOCATOR), 'the locator drawing loaded at the opening overview').toBe(false);
	await page.locator('.progress a[href="#residence"]').click();
	await waitForStep(page, 'residence');
	expect(await loaded(), 'loaded at the residence step (city zoom)').toBe(true);
	expect(await loaded(LOCATOR), 'the locator drawing too').toBe(true);
	await expect(page.getByTestId('locator').locator('svg[role="img"]')).toHaveAttribute('aria-label', new RegExp(LOCATOR));
	// and the sites' district is named in the view: by district-here, or by the basemap's own label when it is there
	// already (district-here then names it no second time)
	const named = await page.evaluate(() =>
		window
			.qantar!.map.queryRenderedFeatures({ layers: ['base-almaty-district-here', 'base-almaty-district-labels-near'] })
			.map((f) => String(f.properties.name_en))
	);
	expect(named, 'and the district is named').toContain('Bostandyq');
});
