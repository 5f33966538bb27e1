// Every answer of the server carries the web policy's headers, static files and
// 304s included; https adds HSTS and the Permissions-Policy; what the app makes
// is compressed per answer, files are not (they are precompressed).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApp } from './app.js';
import { listen } from './listen-for-test';

const LAST_MODIFIED = new Date('2026-01-01').toUTCString();
/** adapter-node standing in: its file server (sirv marks files with Last-Modified) and the app */
function fakeBuild(req: IncomingMessage, res: ServerResponse) {
	const path = (req.url ?? '/').split('?')[0]!;
	if (path === '/_app/immutable/entry.js' || path === '/snapshots/fr/akimat.png' || path === '/embed.js') {
		if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
		const type = path.endsWith('.png') ? 'image/png' : 'text/javascript';
		const headers: Record<string, string> = { 'content-type': type, etag: '"v1"', 'last-modified': LAST_MODIFIED };
		if (path.startsWith('/_app/immutable/')) headers['cache-control'] = 'public,max-age=31536000,immutable';
		return res.writeHead(200, headers).end('x'.repeat(5000));
	}
	if (path === '/api/thing') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: 'y'.repeat(5000) }));
	if (path === '/page')
		return res
			.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "script-src 'self' 'nonce-n'; frame-ancestors 'self'" })
			.end('<p>page</p>');
	res.writeHead(404, { 'content-type': 'text/plain' }).end('no such file');
}

let server: Awaited<ReturnType<typeof listen>>;
const savedOrigin = process.env.ORIGIN;
beforeAll(async () => {
	server = await listen(createApp(fakeBuild, { pageCache: (_req, _res, next) => next() }));
});
afterAll(() => server?.close());
afterEach(() => {
	if (savedOrigin === undefined) delete process.env.ORIGIN;
	else process.env.ORIGIN = savedOrigin;
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(server.base + path, { method, headers });

describe('security headers on every answer', () => {
	it('static files, their 304s and 404s: nosniff, a CSP that runs nothing (scripts: the page policy), framed by the app only', async () => {
		const png = await get('/snapshots/fr/akimat.png');
		expect(png.headers.get('x-content-type-options')).toBe('nosniff');
		expect(png.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(png.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'self'");
		expect(png.headers.get('x-frame-options')).toBe('SAMEORIGIN');
		expect((await get('/embed.js')).headers.get('content-security-policy')).toMatch(
			/^default-src 'self'; script-src 'self'; .*connect-src 'self'.*; frame-ancestors 'self'$/
		);
		const notModified = await get('/snapshots/fr/akimat.png', { 'if-none-match': '"v1"' });
		expect(notModified.status).toBe(304);
		expect(notModified.headers.get('x-content-type-options')).toBe('nosniff');
		expect(notModified.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
		expect((await get('/nope')).headers.get('x-frame-options')).toBe('SAMEORIGIN');
	});

	it('keeps the headers the app set', async () => {
		expect((await get('/page')).headers.get('content-security-policy')).toBe("script-src 'self' 'nonce-n'; frame-ancestors 'self'");
	});

	it('gives each kind of static file its caching rule (hashed files a year, data a minute, others 5 minutes)', async () => {
		expect((await get('/_app/immutable/entry.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect((await get('/snapshots/fr/akimat.png')).headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
		expect((await get('/embed.js')).headers.get('cache-control')).toBe('public, max-age=300');
		expect((await get('/api/thing')).headers.get('cache-control')).toBeNull();
	});

	it('with an https ORIGIN: Strict-Transport-Security and a Permissions-Policy denying camera, microphone, geolocation…, on files too', async () => {
		process.env.ORIGIN = 'https://maps.example.org';
		for (const path of ['/page', '/snapshots/fr/akimat.png', '/api/thing', '/nope']) {
			const h = (await get(path)).headers;
			expect(h.get('strict-transport-security'), path).toBe('max-age=31536000');
			for (const feature of ['camera', 'microphone', 'geolocation']) expect(h.get('permissions-policy'), path).toContain(`${feature}=()`);
		}
	});

	it('on plain http: neither', async () => {
		process.env.ORIGIN = 'http://localhost:4173';
		const h = (await get('/snapshots/fr/akimat.png')).headers;
		expect(h.get('strict-transport-security')).toBeNull();
		expect(h.get('permissions-policy')).toBeNull();
	});
});

describe('compression', () => {
	it('compresses what the app makes (brotli first, else gzip) and says it varies', async () => {
		const br = await get('/api/thing', { 'accept-encoding': 'gzip, br' });
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
		expect((await br.json()).items).toHaveLength(5000);
		expect((await get('/api/thing', { 'accept-encoding': 'gzip' })).headers.get('content-encoding')).toBe('gzip');
		expect((await get('/api/thing', { 'accept-encoding': 'identity' })).headers.get('content-encoding')).toBeNull();
	});

	it('leaves files to their precompressed copies, and HEAD answers alone', async () => {
		const file = await get('/snapshots/fr/akimat.png', { 'accept-encoding': 'br' });
		expect(file.headers.get('content-encoding')).toBeNull();
		expect((await file.arrayBuffer()).byteLength).toBe(5000);
		expect((await get('/api/thing', { 'accept-encoding': 'br' }, 'HEAD')).headers.get('content-encoding')).toBeNull();
	});
});
