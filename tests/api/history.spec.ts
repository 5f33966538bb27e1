// Reading a layer (ETag, revalidation), accepted saves reaching readers, the
// history of revisions, viewing and restoring one, and ids never reused.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { bytesOnDisk, client, getLayer, newCity, restoreOriginal, signIn, writeHeaders } from './helpers';

const LAYER = 'almaty-sites';

test.describe.serial('history', () => {
	test('GET answers the stored bytes with an ETag readers must revalidate', async ({}, info) => {
		const api = await client(info.project.use.baseURL!);
		const res = await api.get(`/api/layers/${LAYER}`);
		expect(res.status()).toBe(200);
		expect(res.headers()['cache-control']).toBe('no-cache');
		expect(res.headers()['content-type']).toBe('application/geo+json; charset=utf-8');
		const etag = res.headers()['etag']!;
		expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
		expect((await res.body()).equals(bytesOnDisk(LAYER))).toBe(true);
		const again = await api.get(`/api/layers/${LAYER}`, { headers: { 'if-none-match': etag } });
		expect(again.status()).toBe(304);
		await api.dispose();
	});

	test('a saved feature reaches the story on the next load; its revisions can be listed, viewed and restored', async ({}, info) => {
		const baseURL = info.project.use.baseURL!;
		const cookie = await signIn(baseURL, 'tester');
		const api = await client(baseURL);
		const original = await getLayer(api, LAYER);
		const site = newCity('history-square', { kind: 'square', name_en: 'Square of the history test', name_fr: 'Place du test d’historique' });
		site.geometry.coordinates = [76.95, 43.25];

		const added = await api.put(`/api/layers/${LAYER}`, {
			headers: writeHeaders(baseURL, cookie, original.etag),
			data: { ...original.collection, features: [...original.collection.features, site] }
		});
		expect(added.status()).toBe(200);
		const addedRev = (await added.json()).rev;
		for (const page of ['/', '/en']) expect(await (await api.get(page)).text()).toContain('Square of the history test');

		const afterAdd = await getLayer(api, LAYER);
		const moved = afterAdd.collection.features.map((f: any) =>
			f.properties.id === 'history-square' ? { ...f, geometry: { type: 'Point', coordinates: [76.96, 43.26] } } : f
		);
		const modified = await api.put(`/api/layers/${LAYER}`, {
			headers: writeHeaders(baseURL, cookie, afterAdd.etag),
			data: { ...afterAdd.collection, features: moved }
		});
		expect(modified.status()).toBe(200);

		const history = (await (await api.get(`/api/layers/${LAYER}/history`, { headers: { cookie } })).json()).revisions;
		expect(history[0]).toMatchObject({ author: 'tester', added: [], modified: ['history-square'], removed: [], message: `${LAYER}: modified history-square` });
		expect(history[1]).toMatchObject({ rev: addedRev, author: 'tester', added: ['history-square'], message: `${LAYER}: added history-square` });
		expect(history.at(-1)).toMatchObject({ author: 'qantar', message: 'Initial import of the story layers' });
		expect(Date.parse(history[0].date)).toBeGreaterThan(Date.now() - 600_000);

		const old = await api.get(`/api/layers/${LAYER}/history/${addedRev}`, { headers: { cookie } });
		expect(old.status()).toBe(200);
		const oldFc = JSON.parse(await old.text());
		expect(oldFc.features.find((f: any) => f.properties.id === 'history-square').geometry.coordinates).toEqual([76.95, 43.25]);
		expect((await api.get(`/api/layers/${LAYER}/history`)).status()).toBe(401);

		// restoring needs the current version
		const stale = await api.post(`/api/layers/${LAYER}/restore`, { headers: writeHeaders(baseURL, cookie, afterAdd.etag), data: { rev: addedRev } });
		expect(stale.status()).toBe(409);
		const current = await getLayer(api, LAYER);
		const restored = await api.post(`/api/layers/${LAYER}/restore`, { headers: writeHeaders(baseURL, cookie, current.etag), data: { rev: addedRev } });
		expect(restored.status()).toBe(200);
		const r = await restored.json();
		expect(r.changes).toEqual({ added: [], modified: ['history-square'], removed: [] });
		expect(bytesOnDisk(LAYER).toString()).toBe(await (await api.get(`/api/layers/${LAYER}/history/${addedRev}`, { headers: { cookie } })).text());
		const latest = (await (await api.get(`/api/layers/${LAYER}/history`, { headers: { cookie } })).json()).revisions[0];
		expect(latest.message).toBe(`${LAYER}: restored ${addedRev.slice(0, 10)}: modified history-square`);
		await api.dispose();
	});

	test('a point outside the story region is saved with a warning', async ({}, info) => {
		const baseURL = info.project.use.baseURL!;
		const cookie = await signIn(baseURL, 'tester');
		const api = await client(baseURL);
		const { etag, collection } = await getLayer(api, LAYER);
		const far = newCity('london-by-mistake', { kind: 'building' });
		far.geometry.coordinates = [-0.12, 51.5];
		const res = await api.put(`/api/layers/${LAYER}`, {
			headers: writeHeaders(baseURL, cookie, etag),
			data: { ...collection, features: [...collection.features, far] }
		});
		expect(res.status()).toBe(200);
		const body = await res.json();
		expect(body.warnings).toEqual([
			expect.objectContaining({ id: 'london-by-mistake', field: 'geometry.coordinates', message: expect.stringContaining("outside the story's region") })
		]);
		await api.dispose();
	});

	test('after a restore removes features, their ids are never given to new ones', async ({}, info) => {
		const baseURL = info.project.use.baseURL!;
		await restoreOriginal(baseURL, LAYER);
		const cookie = await signIn(baseURL, 'tester');
		const api = await client(baseURL);
		const { etag, collection } = await getLayer(api, LAYER);
		const before = bytesOnDisk(LAYER);
		const res = await api.put(`/api/layers/${LAYER}`, {
			headers: writeHeaders(baseURL, cookie, etag),
			data: { ...collection, features: [...collection.features, newCity('history-square', { kind: 'square' })] }
		});
		expect(res.status()).toBe(422);
		expect((await res.json()).problems[0]).toMatchObject({
			id: 'history-square',
			field: 'properties.id',
			message: expect.stringContaining('ids are never reused')
		});
		expect(bytesOnDisk(LAYER).equals(before)).toBe(true);
		expect(bytesOnDisk(LAYER).equals(readFileSync(`static/geo/${LAYER}.geojson`))).toBe(true);
		await api.dispose();
	});
});
