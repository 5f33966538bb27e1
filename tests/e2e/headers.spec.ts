// Security and caching headers on every kind of response of the Node server
// (server/ wraps adapter-node so that static files get them too).
import { expect, test, type APIResponse } from '@playwright/test';
import { startBuiltServer, type BuiltServer } from '../../server/start-built.js';

function csp(res: APIResponse) {
	const value = res.headers()['content-security-policy'] ?? '';
	const directives = new Map(
		value
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...values]) => [name!, values])
	);
	return { value, directives };
}

function common(res: APIResponse, framing: 'any' | 'self') {
	const h = res.headers();
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
	const { value, directives } = csp(res);
	expect(value, 'a Content-Security-Policy').not.toBe('');
	expect(value).not.toContain('unsafe-eval');
	expect(directives.get('script-src') ?? [], 'no inline scripts').not.toContain("'unsafe-inline'");
	if (framing === 'any') {
		expect(directives.get('frame-ancestors')).toEqual(['*']);
		expect(h['x-frame-options']).toBeUndefined();
	} else {
		expect(directives.get('frame-ancestors')).toEqual(["'self'"]);
		expect(h['x-frame-options']).toBe('SAMEORIGIN');
	}
}

function pagePolicy(res: APIResponse) {
	const { directives } = csp(res);
	expect(directives.get('script-src')?.[0]).toBe("'self'");
	expect(
		directives
			.get('script-src')
			?.slice(1)
			.every((v) => v.startsWith("'nonce-") || v.startsWith("'sha256-"))
	).toBe(true);
	expect(directives.get('worker-src')).toEqual(["'self'"]);
	expect(directives.get('object-src')).toEqual(["'none'"]);
}

test('story pages: strict CSP with a nonce, same-origin worker, framed only by the app', async ({ request }) => {
	for (const path of ['/', '/en', '/step/akimat']) {
		const res = await request.get(path);
		expect(res.status()).toBe(200);
		common(res, 'self');
		pagePolicy(res);
	}
});

test('step embeds may be framed by any site; the previews page may not', async ({ request }) => {
	for (const path of ['/embed/step/akimat', '/en/embed/step/toll', '/embed/view?center=76,43&zoom=5&layers=kazakhstan']) {
		const res = await request.get(path);
		expect(res.status()).toBe(200);
		common(res, 'any');
		pagePolicy(res);
	}
	common(await request.get('/embed'), 'self');
});

test('the dashboard has the same policy', async ({ request }) => {
	const res = await request.get('/explore');
	expect(res.status()).toBe(200);
	common(res, 'self');
	pagePolicy(res);
});

test('oEmbed answers carry the headers too', async ({ request, baseURL }) => {
	const res = await request.get(`/oembed?url=${encodeURIComponent(`${baseURL}/step/akimat`)}&format=json`);
	expect(res.status()).toBe(200);
	common(res, 'self');
	expect(csp(res).directives.get('default-src')).toEqual(["'none'"]);
});

test('layer files and snapshots: validated caching (ETag, Last-Modified, revalidate), compressed, 304 when unchanged', async ({ request }) => {
	for (const path of ['/geo/kazakhstan.geojson', '/geo/basemap/countries-50m.geojson', '/snapshots/fr/akimat.png']) {
		const res = await request.get(path, { headers: { 'accept-encoding': 'gzip, br' } });
		expect(res.status()).toBe(200);
		common(res, 'self');
		const h = res.headers();
		expect(h['etag']).toBeTruthy();
		expect(h['last-modified']).toBeTruthy();
		expect(h['cache-control']).toMatch(/must-revalidate|no-cache/);
		expect(h['cache-control']).not.toContain('immutable');
		if (path.endsWith('.geojson')) expect(h['content-encoding']).toMatch(/^(br|gzip)$/);
		const again = await request.get(path, { headers: { 'accept-encoding': 'gzip, br', 'if-none-match': h['etag']! } });
		expect(again.status()).toBe(304);
		expect(again.headers()['x-content-type-options']).toBe('nosniff');
	}
});

test('hashed assets are cached for a year; the worker may fetch the data', async ({ request }) => {
	const html = await (await request.get('/')).text();
	const asset = html.match(/\/_app\/immutable\/[^"']+\.js/)?.[0];
	expect(asset, 'a hashed script in the page').toBeTruthy();
	const res = await request.get(asset!);
	expect(res.status()).toBe(200);
	expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
	common(res, 'self');
	// a worker's CSP is the one its script is served with: it must allow same-origin fetches
	expect(csp(res).directives.get('connect-src')).toEqual(["'self'"]);
});

test('/embed.js: short caching, the headers, a script type', async ({ request }) => {
	const res = await request.get('/embed.js');
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toMatch(/javascript/);
	expect(res.headers()['cache-control']).toBe('public, max-age=300');
	expect(res.headers()['etag']).toBeTruthy();
	common(res, 'self');
});

test('pages are compressed', async ({ request }) => {
	const res = await request.get('/', { headers: { 'accept-encoding': 'br' } });
	expect(res.headers()['content-encoding']).toBe('br');
	expect(await res.text()).toContain('</html>');
});

test.describe('an https deployment (ORIGIN=https://…)', () => {
	let https: BuiltServer;
	test.beforeAll(async () => {
		https = await startBuiltServer({ env: { ORIGIN: 'https://maps.example.org', QANTAR_DATA_DIR: process.env.QANTAR_DATA_DIR ?? '.tmp/test-data' } });
	});
	test.afterAll(() => https?.stop());

	const PATHS = ['/', '/embed/step/akimat', '/geo/kazakhstan.geojson', '/embed.js', '/api/layers/protest-cities', '/no-such-page'];

	test('every answer, files included, keeps browsers on https and denies camera, microphone, geolocation…', async ({ request }) => {
		for (const path of PATHS) {
			const h = (await request.get(https.base + path)).headers();
			expect(h['strict-transport-security'], path).toBe('max-age=31536000');
			for (const feature of ['camera', 'microphone', 'geolocation', 'payment']) expect(h['permissions-policy'], path).toContain(`${feature}=()`);
		}
	});

	test('plain http (the test server) sends neither', async ({ request }) => {
		for (const path of PATHS) {
			const h = (await request.get(path)).headers();
			expect(h['strict-transport-security'], path).toBeUndefined();
			expect(h['permissions-policy'], path).toBeUndefined();
		}
	});
});
