// The server serves /geo/<layer>.geojson from the data directory (where
// editors save), so reader pages' maps draw the layers as saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app.js';
import { listen } from './listen-for-test';

let server: Awaited<ReturnType<typeof listen>>;
const dir = mkdtempSync(join(tmpdir(), 'qantar-serve-layers-'));
const saved = process.env.QANTAR_DATA_DIR;

beforeAll(async () => {
	cpSync('static/geo', dir, { recursive: true, filter: (p) => !/\.(br|gz)$/.test(p) });
	process.env.QANTAR_DATA_DIR = dir;
	// the build stands for everything else
	server = await listen(createApp((_req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('left to the build')));
});
afterAll(async () => {
	await server?.close();
	rmSync(dir, { recursive: true, force: true });
	if (saved === undefined) delete process.env.QANTAR_DATA_DIR;
	else process.env.QANTAR_DATA_DIR = saved;
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(server.base + path, { headers: { 'accept-encoding': 'br', ...headers } });

describe('layer files', () => {
	it('serves the data directory’s file, compressed, with a validator and the /geo caching rule', async () => {
		const r = await get('/geo/csto-members.geojson?v=anything');
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/geo+json');
		expect(r.headers.get('content-encoding')).toBe('br');
		expect(r.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
		expect(r.headers.get('x-content-type-options')).toBe('nosniff');
		// fetch undoes the brotli encoding itself
		expect(await r.text()).toBe(readFileSync(join(dir, 'csto-members.geojson'), 'utf8'));
		const again = await get('/geo/csto-members.geojson', { 'if-none-match': r.headers.get('etag')! });
		expect(again.status).toBe(304);
	});

	it('answers gzip to a client without brotli, and the file as it is to one that takes neither', async () => {
		const gz = await get('/geo/csto-members.geojson', { 'accept-encoding': 'gzip, br;q=0' });
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		const raw = await get('/geo/csto-members.geojson', { 'accept-encoding': 'identity' });
		expect(raw.headers.get('content-encoding')).toBeNull();
		expect(Number(raw.headers.get('content-length'))).toBe(readFileSync(join(dir, 'csto-members.geojson')).length);
	});

	it('follows a saved file: new content, new validator', async () => {
		const file = join(dir, 'kazakhstan.geojson');
		const first = await get('/geo/kazakhstan.geojson');
		const etag = first.headers.get('etag');
		const edited = readFileSync(file, 'utf8').replace('"name_en":"Kazakhstan"', '"name_en":"Kazakhstan (edited)"');
		expect(edited).toContain('(edited)');
		writeFileSync(file, edited);
		utimesSync(file, new Date(), new Date(Date.now() + 5000));
		const second = await get('/geo/kazakhstan.geojson', { 'if-none-match': etag! });
		expect(second.status).toBe(200);
		expect(second.headers.get('etag')).not.toBe(etag);
		expect(await second.text()).toContain('Kazakhstan (edited)');
	});

	it('leaves every other path to the build (basemap, unknown files, other folders)', async () => {
		for (const p of [
			'/geo/basemap/countries-50m.geojson',
			'/geo/nope.geojson',
			'/geo/../package.json',
			'/geo/%2e%2e/package.json',
			'/other/kazakhstan.geojson'
		]) {
			const r = await get(p);
			expect(r.status, p).toBe(404);
			expect(await r.text(), p).toBe('left to the build');
		}
	});

	it('compresses a big saved layer off the event loop: a small file asked for meanwhile answers first', async () => {
		await (await get('/geo/csto-members.geojson')).text(); // its bodies are made already
		const points = Array.from({ length: 12_000 }, (_, i) => ({
			type: 'Feature',
			properties: { id: `town-${i}-${Math.random().toString(36).slice(2)}`, name_en: `Town ${Math.random()}` },
			geometry: { type: 'Point', coordinates: [60 + Math.random() * 20, 40 + Math.random() * 10] }
		}));
		writeFileSync(join(dir, 'protest-cities.geojson'), JSON.stringify({ type: 'FeatureCollection', features: points }));
		const order: string[] = [];
		// the order in which the answers begin (fetch resolves on the headers)
		const big = get('/geo/protest-cities.geojson').then((r) => (order.push('big'), r.arrayBuffer()));
		await new Promise((r) => setTimeout(r, 20));
		const small = get('/geo/csto-members.geojson').then((r) => (order.push('small'), r.arrayBuffer()));
		expect((await big).byteLength).toBeGreaterThan(100_000);
		await small;
		expect(order).toEqual(['small', 'big']);
	});
});
