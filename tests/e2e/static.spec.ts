// The static build (npm run build:static) served by a plain file server — no
// SvelteKit, no Node app: the story renders and its map reaches the step, the
// embeds render, the discovery tags point at static oEmbed answers, and no
// request leaves the origin.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { TEXT } from './story-data';
import { foreignRequests, recordRequests, waitForStep } from './helpers';

const PORT = 4341;
const ORIGIN = `http://localhost:${PORT}`;
const DIR = resolve('.tmp/static-e2e');
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.woff2': 'font/woff2'
};
let server: Server;

test.beforeAll(async ({ baseURL }) => {
	test.setTimeout(120_000);
	execFileSync(process.execPath, ['scripts/build-static.js', '--from', baseURL!, '--origin', ORIGIN, '--out', DIR], { stdio: 'pipe' });
	// a plain static file server: a path, then path.html, then path/index.html
	server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url!, ORIGIN).pathname);
		const base = normalize(join(DIR, path));
		if (!base.startsWith(DIR)) return res.writeHead(403).end();
		const file = [base, `${base}.html`, join(base, 'index.html')].find((f) => existsSync(f) && statSync(f).isFile());
		if (!file) return res.writeHead(404).end('not found');
		res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
	});
	await new Promise<void>((r) => server.listen(PORT, '127.0.0.1', r));
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

test('the story renders from plain files and its map reaches the step; keys move it on', async ({ page }) => {
	const urls = recordRequests(page);
	const violations: string[] = [];
	page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
	await page.goto(`${ORIGIN}/?test#akimat`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await waitForStep(page, 'akimat');
	await expect(page.locator('#akimat h2, #akimat h3').first()).toHaveText(TEXT.fr.steps.akimat.title);
	await page.keyboard.press('ArrowDown');
	await expect(page.locator('[data-map-step]')).not.toHaveAttribute('data-map-step', 'akimat', { timeout: 30_000 });
	expect(foreignRequests(urls, ORIGIN)).toEqual([]);
	expect(violations).toEqual([]);
});

test('English pages and /step/<id> share links are there', async ({ page }) => {
	await page.goto(`${ORIGIN}/en/step/toll?test`);
	await waitForStep(page, 'toll');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a step embed renders from plain files', async ({ page }) => {
	const urls = recordRequests(page);
	await page.goto(`${ORIGIN}/embed/step/csto-airlift?test`);
	await expect(page.getByTestId('embed')).toBeVisible();
	await waitForStep(page, 'csto-airlift');
	await page.goto(`${ORIGIN}/en/embed/step/toll`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT.en.steps.toll.title);
	expect(foreignRequests(urls, ORIGIN)).toEqual([]);
});

test('discovery tags point at static oEmbed answers', async ({ page, request }) => {
	for (const path of ['/step/akimat', '/en/embed/step/toll']) {
		await page.goto(`${ORIGIN}${path}`);
		const href = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
		expect(href).toMatch(new RegExp(`^${ORIGIN}/oembed/.+\\.json$`));
		const o = await (await request.get(href!)).json();
		expect(o).toMatchObject({ version: '1.0', type: 'rich' });
		expect(o.html).toContain(`${ORIGIN}/`);
		expect(o.html).toContain('/embed/step/');
	}
});
