// Embeds for journalists: a host page on another origin (another port) frames
// a step with pym.js and with /embed.js, and the iframe follows its content's
// height; composed views; bad parameters; no JavaScript; oEmbed; headers.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { STEPS, TEXT } from './story-data';
import { renderedFeatureIds, waitForStep } from './helpers';

/** the host page's port: any free one (another origin than the app) */
let HOST_PORT = 0;
let host: Server;

function hostPage(app: string, kind: 'pym' | 'script') {
	const src = `${app}/embed/step/csto-airlift`;
	const frame =
		kind === 'pym'
			? `<div id="qantar-map"></div><script src="/pym.v1.min.js"></script><script>window.parentPym = new pym.Parent('qantar-map', '${src}', { title: 'Qantar' });</script>`
			: `<iframe src="${src}" title="Qantar" width="100%" height="300" style="border:0;width:100%" loading="lazy"></iframe><script async src="${app}/embed.js"></script>`;
	return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>A newsroom article</title>
<style>body{font-family:serif;max-width:760px;margin:0 auto;padding:0 12px}</style></head>
<body><h1>Newsroom</h1><p>${'Some reporting. '.repeat(30)}</p>${frame}<p>${'More reporting. '.repeat(30)}</p></body></html>`;
}

test.beforeAll(async ({ baseURL }) => {
	const pym = readFileSync('node_modules/pym.js/dist/pym.v1.min.js');
	host = createServer((req, res) => {
		if (req.url === '/pym.v1.min.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(pym);
		const kind = req.url?.startsWith('/pym') ? 'pym' : req.url?.startsWith('/script') ? 'script' : null;
		if (!kind) return res.writeHead(404).end();
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(baseURL!, kind));
	});
	await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
	HOST_PORT = (host.address() as import('node:net').AddressInfo).port;
});
test.afterAll(() => new Promise<void>((r) => host.close(() => r())));

async function frameFits(page: Page) {
	const iframe = page.locator('iframe').first();
	const frame = page.frameLocator('iframe').first();
	await frame.locator('[data-map-step="csto-airlift"]').waitFor({ state: 'attached', timeout: 30_000 });
	// the iframe's height follows its document's height (no clipping, no inner scrollbar)
	await expect
		.poll(
			async () => {
				const outer = await iframe.evaluate((el) => el.getBoundingClientRect().height);
				const inner = await frame.locator('html').evaluate((el) => el.scrollHeight);
				return Math.abs(outer - inner) <= 2 && inner > 250;
			},
			{ timeout: 20_000 }
		)
		.toBe(true);
	const inner = await frame.locator('html').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
	expect(inner.scroll).toBeLessThanOrEqual(inner.client + 1);
	return iframe.evaluate((el) => el.getBoundingClientRect().height);
}

for (const kind of ['pym', 'script'] as const) {
	test(`a host page on another origin sizes the iframe to its content with ${kind === 'pym' ? 'pym.js' : '/embed.js'}`, async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`http://127.0.0.1:${HOST_PORT}/${kind}`);
		await page.locator('iframe').scrollIntoViewIfNeeded();
		const wide = await frameFits(page);
		await page.setViewportSize({ width: 375, height: 740 });
		await expect
			.poll(() =>
				page
					.locator('iframe')
					.first()
					.evaluate((el) => el.getBoundingClientRect().height)
			)
			.toBeLessThan(wide - 50);
		const narrow = await frameFits(page);
		expect(narrow).toBeLessThan(wide);
	});
}

test('a composed view reproduces its camera and layers', async ({ page }) => {
	await page.goto('/embed/view?center=76.946,43.236&zoom=15&layers=almaty-sites&highlight=almaty-presidential-residence&test');
	await waitForStep(page, 'view');
	const cam = await page.evaluate(() => ({ c: window.qantar!.map.getCenter().toArray(), z: window.qantar!.map.getZoom() }));
	expect(cam.z).toBeCloseTo(15, 1);
	expect(cam.c[0]).toBeCloseTo(76.946, 3);
	expect(cam.c[1]).toBeCloseTo(43.236, 3);
	expect(await renderedFeatureIds(page, 'story-almaty-sites')).toEqual(expect.arrayContaining(['almaty-akimat', 'almaty-presidential-residence']));
	expect(await renderedFeatureIds(page, 'story-protest-cities')).toEqual([]);
	const hl = await page.evaluate(() => window.qantar!.map.getFeatureState({ source: 'story-almaty-sites', id: 'almaty-presidential-residence' }));
	expect(hl.highlight).toBe(true);
});

test('a composed view with a date leaves out what happened later', async ({ page }) => {
	await page.goto('/embed/view?center=66,47&zoom=3.3&layers=protest-cities&date=2022-01-02&test');
	await waitForStep(page, 'view');
	const ids = await renderedFeatureIds(page, 'story-protest-cities');
	expect(ids).toEqual(expect.arrayContaining(['zhanaozen', 'aktau']));
	expect(ids).not.toContain('shymkent');
	// and what was over: the contingents' lines end with their withdrawal (Armenia, 14 January)
	await page.goto('/embed/view?center=60,48&zoom=2.5&layers=csto-airlift&date=2022-01-17&test');
	await waitForStep(page, 'view');
	const lines = await renderedFeatureIds(page, 'story-csto-airlift');
	expect(lines).toContain('airlift-ru-ivanovo');
	expect(lines).not.toContain('airlift-am-yerevan');
});

for (const [name, url, step] of [
	['a step embed', '/embed/step/csto-airlift?test', 'csto-airlift'],
	['a composed view', '/en/embed/view?center=76.946,43.236&zoom=12&layers=almaty-sites&test', 'view']
] as const)
	test(`${name} has no accessibility violation, its content in one main landmark`, async ({ page }) => {
		await page.goto(url);
		await waitForStep(page, step);
		await expect(page.getByRole('main')).toHaveCount(1);
		// every rule, not only serious ones: Lighthouse counts "landmark-one-main" (moderate) against the score
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
	});

test('bad parameters show what is wrong, in the frame', async ({ page }) => {
	const res = await page.goto('/en/embed/view?center=76,43&zoom=99&layers=kazakhstan,roads');
	expect(res!.status()).toBe(400);
	const alert = page.getByTestId('embed-error');
	await expect(alert).toContainText('zoom: must be a number from 0 to 20 (got "99")');
	await expect(alert).toContainText('layers: unknown layer "roads"');
	expect((await page.goto('/embed/step/atlantis'))!.status()).toBe(404);
	expect((await page.goto('/embed/step/akimat?theme=pink'))!.status()).toBe(400);
	await expect(page.getByTestId('embed-error')).toContainText('theme');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('a step embed shows its picture, caption and link', async ({ page }) => {
		await page.goto('/embed/step/akimat');
		const img = page.locator('noscript img, img.fallback').first();
		await expect(page.locator('img[alt]')).toHaveAttribute('alt', TEXT.fr.steps.akimat.alt);
		await expect(page.locator('img[alt]')).toHaveAttribute('src', '/snapshots/fr/akimat.png');
		expect(await page.locator('img[alt]').evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT.fr.steps.akimat.title);
		await expect(page.locator('figcaption')).toContainText(TEXT.fr.steps.akimat.kicker);
		// what the caption rests on: the first paragraph's period (other reporting, for the akimat)
		await expect(page.locator('figcaption [data-testid="period-badge"]')).toHaveAttribute('data-period', 'reported');
		await expect(page.locator('figcaption [data-testid="period-badge"]')).toContainText('Autres sources');
		await expect(page.getByRole('link', { name: /Lire le récit complet/ })).toHaveAttribute('href', '/step/akimat');
		void img;
	});
});

test('"Embed this" in the story gives working code, link and preview', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/en?test#toll');
	await waitForStep(page, 'toll');
	await page.locator('#toll [data-testid="embed-button"]').click();
	const dialog = page.getByTestId('embed-dialog');
	await expect(dialog).toBeVisible();
	const code = await page.getByTestId('embed-code').inputValue();
	expect(code).toMatch(/<iframe src="http:\/\/localhost:\d+\/en\/embed\/step\/toll" title="[^"]+" width="100%" height="\d+" loading="lazy"/);
	expect(code).toContain('/embed.js"></script>');
	await expect(page.getByTestId('embed-link')).toHaveValue(/\/en\/step\/toll$/);
	await expect(dialog.locator('iframe')).toHaveAttribute('src', '/en/embed/step/toll');
	await dialog.getByRole('button', { name: 'Copy' }).first().click();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
	// the dialog's preview is the real embed
	await expect(page.frameLocator('dialog iframe').locator('h1')).toHaveText(TEXT.en.steps.toll.title);
});

test.describe('oEmbed', () => {
	test('answers a step of the story with its embed, title and picture', async ({ request, baseURL }) => {
		const res = await request.get(`/oembed?url=${encodeURIComponent(`${baseURL}/step/akimat`)}&format=json`);
		expect(res.status()).toBe(200);
		const o = await res.json();
		expect(o).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Qantar', width: 700 });
		expect(o.title).toContain(TEXT.fr.steps.akimat.title);
		expect(o.html).toContain(`src="${baseURL}/embed/step/akimat"`);
		expect(o.thumbnail_url).toBe(`${baseURL}/snapshots/fr/akimat-small.png`);
		const thumb = await request.get(o.thumbnail_url);
		expect(thumb.headers()['content-type']).toBe('image/png');
	});
	test('understands hashes, English pages, embed pages and composed views', async ({ request, baseURL }) => {
		const q = (u: string) => request.get(`/oembed?url=${encodeURIComponent(baseURL + u)}`);
		expect((await (await q('/en#toll')).json()).html).toContain('/en/embed/step/toll');
		expect((await (await q('/embed/step/residence')).json()).title).toContain(TEXT.fr.steps.residence.title);
		expect((await (await q('/')).json()).html).toContain(`/embed/step/${STEPS[0]!.id}`);
		expect((await (await q('/embed/view?center=76,43&zoom=5&layers=kazakhstan')).json()).html).toContain('/embed/view?center=76,43');
	});
	test('honours maxwidth and maxheight', async ({ request, baseURL }) => {
		const o = await (await request.get(`/oembed?url=${encodeURIComponent(`${baseURL}/step/toll`)}&maxwidth=400&maxheight=300`)).json();
		expect(o.width).toBe(400);
		expect(o.height).toBe(300);
		expect(o.html).toContain('width="400"');
		expect(o.thumbnail_width).toBeLessThanOrEqual(400);
	});
	for (const [name, url, status] of [
		['a foreign site', 'https://example.com/step/akimat', 404],
		['an unknown step', 'SELF/step/atlantis', 404],
		['an unknown path', 'SELF/admin', 404],
		['not a URL', 'not a url', 404],
		['a missing url', null, 400],
		['a bad maxwidth', 'SELF/step/toll&maxwidth=-3', 400]
	] as const) {
		test(`refuses ${name} with ${status}`, async ({ request, baseURL }) => {
			const qs =
				url === null
					? ''
					: `url=${url.startsWith('SELF') ? encodeURIComponent(baseURL + url.slice(4).split('&')[0]!) + (url.includes('&') ? '&' + url.split('&')[1] : '') : encodeURIComponent(url)}`;
			const res = await request.get(`/oembed?${qs}`);
			expect(res.status()).toBe(status);
			expect(await res.text()).not.toContain('"type":"rich"');
		});
	}
	test('only json: format=xml is "not implemented"', async ({ request, baseURL }) => {
		expect((await request.get(`/oembed?url=${encodeURIComponent(`${baseURL}/`)}&format=xml`)).status()).toBe(501);
	});
	test('story and embed pages carry the discovery tag, and it answers', async ({ page, request }) => {
		for (const path of ['/', '/en', '/step/akimat', '/embed/step/akimat']) {
			await page.goto(path);
			const href = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
			expect(href, path).toBeTruthy();
			expect((await request.get(href!)).status(), path).toBe(200);
		}
	});
});

test('framing: embeds by anyone, other pages only by the app itself', async ({ request }) => {
	for (const path of ['/embed/step/akimat', '/en/embed/view?center=76,43&zoom=5&layers=kazakhstan']) {
		const h = (await request.get(path)).headers();
		expect(h['content-security-policy'], path).toContain('frame-ancestors *');
		expect(h['x-frame-options'], path).toBeUndefined();
		expect(h['x-robots-tag'], path).toBe('noindex');
	}
	for (const path of ['/', '/en', '/step/akimat', '/embed']) {
		const h = (await request.get(path)).headers();
		expect(h['content-security-policy'], path).toContain("frame-ancestors 'self'");
		expect(h['x-frame-options'], path).toBe('SAMEORIGIN');
	}
});

test('the link preview of a step address is that step', async ({ page }) => {
	await page.goto('/en/step/csto-airlift');
	await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/snapshots\/en\/csto-airlift\.png$/);
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', new RegExp(TEXT.en.steps['csto-airlift'].title.replace(/[()]/g, '.')));
	await waitForStep(page, 'csto-airlift');
});
