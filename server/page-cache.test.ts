// The reader page cache: one render per page for a crowd, whatever query
// strings the crowd adds; a fresh nonce on every answer; never a page with a
// cookie, a refused query, or data older than the layer files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApp } from './app.js';
import { createPageCache } from './page-cache.js';
import { listen } from './listen-for-test';

/** SvelteKit standing in: a page with a nonce in its CSP and its markup; every render is counted by URL */
const renders: string[] = [];
function fakeKit(req: IncomingMessage, res: ServerResponse) {
	renders.push(req.url ?? '');
	const nonce = randomBytes(16).toString('base64');
	res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': `script-src 'self' 'nonce-${nonce}'` });
	res.write(`<!doctype html><html><head><script nonce="${nonce}">start()</script></head>`);
	res.end(`<body>${'The story. '.repeat(400)}</body></html>`);
}

let stamp = 'data v1';
const cache = createPageCache({ maxAgeMs: 60_000, stamp: () => stamp });
let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
	server = await listen(createApp(fakeKit, { pageCache: cache }));
});
afterAll(() => server?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(server.base + path, { headers });
const rendersOf = (path: string) => renders.filter((u) => u.split('?')[0] === path).length;
const random = () => randomBytes(6).toString('hex');

describe('the page cache', () => {
	it('keeps one entry per page however many random query strings come (500 of them)', async () => {
		for (let i = 0; i < 500; i++) {
			const r = await get(
				i % 2 ? `/?${random()}=${random()}` : `/en/embed/step/akimat?childId=${random()}&parentUrl=${encodeURIComponent(`https://news.example/${random()}`)}`
			);
			expect(r.status).toBe(200);
			await r.arrayBuffer();
		}
		expect(cache.size()).toBe(2);
		expect(rendersOf('/')).toBe(1);
		expect(rendersOf('/en/embed/step/akimat')).toBe(1);
	}, 60_000); // 500 renders: seconds on a busy machine

	it('answers a kept page with a fresh nonce, the same in its header and markup, compressed', async () => {
		const nonces = new Set<string>();
		for (let i = 0; i < 3; i++) {
			const r = await get('/', { 'accept-encoding': 'br' });
			expect(r.headers.get('content-encoding')).toBe('br');
			const header = /'nonce-([^']+)'/.exec(r.headers.get('content-security-policy') ?? '')?.[1];
			const html = await r.text();
			expect(html).toContain(`<script nonce="${header}">`);
			nonces.add(header!);
		}
		expect(nonces.size).toBe(3);
		expect(rendersOf('/')).toBe(1);
	});

	it('keeps an embed per set of the options it reads; a parameter it would refuse goes to the app every time', async () => {
		const before = cache.size();
		for (const q of ['caption=0', 'caption=0&childId=a', 'childId=b&caption=0', 'caption=0&theme=dark', 'theme=dark&caption=0'])
			await (await get(`/embed/step/toll?${q}`)).arrayBuffer();
		expect(rendersOf('/embed/step/toll')).toBe(2);
		expect(cache.size()).toBe(before + 2);
		for (let i = 0; i < 3; i++) await (await get(`/embed/step/toll?caption=0&zoom=${i}`)).arrayBuffer();
		expect(rendersOf('/embed/step/toll')).toBe(5);
		expect(cache.size()).toBe(before + 2);
	});

	it('renders again once a layer file changed', async () => {
		const before = rendersOf('/step/akimat');
		await (await get('/step/akimat')).arrayBuffer();
		await (await get('/step/akimat')).arrayBuffer();
		stamp = 'data v2';
		await (await get('/step/akimat')).arrayBuffer();
		expect(rendersOf('/step/akimat') - before).toBe(2);
	});

	it('never answers or keeps a request with a cookie, nor an address that is not a reader page', async () => {
		const before = cache.size();
		await (await get('/en', { cookie: 'qantar_session=x' })).arrayBuffer();
		await (await get('/en', { cookie: 'qantar_session=x' })).arrayBuffer();
		await (await get('/explore?layers=kazakhstan')).arrayBuffer();
		await (await get('/explore?layers=kazakhstan')).arrayBuffer();
		expect(rendersOf('/en')).toBe(2);
		expect(rendersOf('/explore')).toBe(2);
		expect(cache.size()).toBe(before);
	});
});
