// GET /api/layers/ids: every layer's feature ids in one answer, for signed-in
// editors only; revalidated by an ETag that changes when any layer is saved.
import { test, expect } from '@playwright/test';
import { LAYER_IDS } from '../../src/lib/geo/layers';
import { bytesOnDisk, client, getLayer, newCity, restoreOriginal, signIn, writeHeaders } from './helpers';

const idsOnDisk = (layer: string) => (JSON.parse(bytesOnDisk(layer).toString('utf8')).features as { properties: { id: string } }[]).map((f) => f.properties.id);

test.describe('the ids of all layers', () => {
	test.afterAll(async ({ baseURL }) => {
		await restoreOriginal(baseURL!, 'csto-bases');
	});

	test('needs a session: without one (or with a made-up one) it is a 401 that says to sign in', async ({ baseURL }) => {
		const api = await client(baseURL!);
		for (const headers of [{}, { cookie: `qantar_session=${'A'.repeat(43)}` }] as Record<string, string>[]) {
			const res = await api.get('/api/layers/ids', { headers });
			expect(res.status()).toBe(401);
			expect((await res.json()).error).toMatch(/not signed in.*\/edit\/login/);
		}
		await api.dispose();
	});

	test('answers every layer’s ids as the files hold them, with an ETag that a save changes', async ({ baseURL }) => {
		// a layer called "ids" would be hidden behind this route
		expect(LAYER_IDS).not.toContain('ids');
		const cookie = await signIn(baseURL!);
		const api = await client(baseURL!);
		const res = await api.get('/api/layers/ids', { headers: { cookie } });
		expect(res.status()).toBe(200);
		expect(res.headers()['cache-control']).toBe('no-store');
		const ids = await res.json();
		expect(Object.keys(ids).sort()).toEqual([...LAYER_IDS].sort());
		for (const layer of LAYER_IDS) expect(ids[layer], layer).toEqual(idsOnDisk(layer));
		expect(ids['protest-cities']).toContain('zhanaozen');

		const etag = res.headers()['etag']!;
		expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
		const again = await api.get('/api/layers/ids', { headers: { cookie, 'if-none-match': etag } });
		expect(again.status()).toBe(304);

		// a save of one layer: its new id is listed, under a new ETag
		const layer = await getLayer(api, 'csto-bases');
		const put = await api.put('/api/layers/csto-bases', {
			headers: writeHeaders(baseURL!, cookie, layer.etag),
			data: { ...layer.collection, features: [...layer.collection.features, newCity('ids-route-town', { kind: 'base' })] }
		});
		expect(put.status(), await put.text()).toBe(200);
		const after = await api.get('/api/layers/ids', { headers: { cookie, 'if-none-match': etag } });
		expect(after.status()).toBe(200);
		expect(after.headers()['etag']).not.toBe(etag);
		expect((await after.json())['csto-bases']).toContain('ids-route-town');
		await api.dispose();
	});

	test('only GET: a write is a 405 naming the method to use', async ({ baseURL }) => {
		const cookie = await signIn(baseURL!);
		const api = await client(baseURL!);
		const res = await api.put('/api/layers/ids', { headers: writeHeaders(baseURL!, cookie, `"${'0'.repeat(40)}"`), data: {} });
		expect(res.status()).toBe(405);
		expect(res.headers()['allow']).toBe('GET');
		await api.dispose();
	});
});
