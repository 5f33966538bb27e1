// Two editors on one layer: a stale save is refused (409) and nothing is lost;
// 20 concurrent editors, each retrying from the version it got, all land, with
// one revision each by the right author.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { validateLayerText } from '../../src/lib/schema/validate-layer';
import { client, getLayer, layerFile, newCity, restoreOriginal, signIn, writeHeaders } from './helpers';

const LAYER = 'protest-cities';
const ids = (fc: any): string[] => fc.features.map((f: any) => f.properties.id);

test.describe.serial('concurrent edits', () => {
	test.afterAll(async ({}, info) => restoreOriginal(info.project.use.baseURL!, LAYER));

	test('the stale save gets 409 with what changed; reloading and saving again keeps both edits', async ({}, info) => {
		const baseURL = info.project.use.baseURL!;
		const [ana, ben] = [await signIn(baseURL, 'tester'), await signIn(baseURL, 'reviewer')];
		const api = await client(baseURL);
		const a = await getLayer(api, LAYER);
		const b = await getLayer(api, LAYER);
		expect(a.etag).toBe(b.etag);

		const first = await api.put(`/api/layers/${LAYER}`, {
			headers: writeHeaders(baseURL, ana, a.etag),
			data: { ...a.collection, features: [...a.collection.features, newCity('town-of-ana')] }
		});
		expect(first.status()).toBe(200);
		const saved = await first.json();
		expect(saved.changes).toEqual({ added: ['town-of-ana'], modified: [], removed: [] });

		const benFeatures = b.collection.features.map((f: any) =>
			f.properties.id === 'aktau' ? { ...f, properties: { ...f.properties, description_en: 'edited by ben' } } : f
		);
		const stale = await api.put(`/api/layers/${LAYER}`, { headers: writeHeaders(baseURL, ben, b.etag), data: { ...b.collection, features: benFeatures } });
		expect(stale.status()).toBe(409);
		const conflict = await stale.json();
		expect(conflict.etag).toBe(saved.etag);
		expect(stale.headers()['etag']).toBe(saved.etag);
		expect(conflict.changed).toEqual({ added: ['town-of-ana'], modified: [], removed: [] });
		expect(conflict.error).toContain('town-of-ana');
		expect(ids(JSON.parse(readFileSync(layerFile(LAYER), 'utf8')))).toContain('town-of-ana');

		const fresh = await getLayer(api, LAYER);
		const merged = fresh.collection.features.map((f: any) =>
			f.properties.id === 'aktau' ? { ...f, properties: { ...f.properties, description_en: 'edited by ben' } } : f
		);
		const second = await api.put(`/api/layers/${LAYER}`, { headers: writeHeaders(baseURL, ben, fresh.etag), data: { ...fresh.collection, features: merged } });
		expect(second.status()).toBe(200);
		expect((await second.json()).changes).toEqual({ added: [], modified: ['aktau'], removed: [] });

		const onDisk = JSON.parse(readFileSync(layerFile(LAYER), 'utf8'));
		expect(ids(onDisk)).toContain('town-of-ana');
		expect(onDisk.features.find((f: any) => f.properties.id === 'aktau').properties.description_en).toBe('edited by ben');
		await api.dispose();
	});

	test('20 concurrent saves, each retried from the version it got, leave a valid file and 20 revisions', async ({}, info) => {
		test.setTimeout(180_000);
		const baseURL = info.project.use.baseURL!;
		const sessions = { tester: await signIn(baseURL, 'tester'), reviewer: await signIn(baseURL, 'reviewer') };
		const api = await client(baseURL);
		const historyBefore = (await (await api.get(`/api/layers/${LAYER}/history?limit=500`, { headers: { cookie: sessions.tester } })).json()).revisions;
		const author = (i: number) => (i % 2 ? 'tester' : 'reviewer');
		let conflicts = 0;

		const editor = async (i: number) => {
			const id = `concurrent-town-${i}`;
			for (let attempt = 0; attempt < 60; attempt++) {
				const { etag, collection } = await getLayer(api, LAYER);
				const res = await api.put(`/api/layers/${LAYER}`, {
					headers: writeHeaders(baseURL, sessions[author(i)], etag),
					data: { ...collection, features: [...collection.features, newCity(id)] }
				});
				if (res.status() === 200) return (await res.json()).rev as string;
				expect(res.status(), await res.text()).toBe(409);
				conflicts++;
			}
			throw new Error(`${id} never saved`);
		};
		const revs = await Promise.all(Array.from({ length: 20 }, (_, i) => editor(i)));
		expect(new Set(revs).size).toBe(20);
		expect(conflicts).toBeGreaterThan(0); // they really did race

		const text = readFileSync(layerFile(LAYER), 'utf8');
		const result = validateLayerText(text, `${LAYER}.geojson`);
		expect(result.ok).toBe(true);
		const onDisk = ids(JSON.parse(text));
		for (let i = 0; i < 20; i++) expect(onDisk).toContain(`concurrent-town-${i}`);
		expect(onDisk).toContain('town-of-ana'); // earlier edits survive

		const history = (await (await api.get(`/api/layers/${LAYER}/history?limit=500`, { headers: { cookie: sessions.tester } })).json()).revisions;
		const fresh = history.slice(0, history.length - historyBefore.length);
		expect(fresh).toHaveLength(20);
		for (const r of fresh) {
			expect(r.added).toHaveLength(1);
			expect(r.modified).toEqual([]);
			expect(r.removed).toEqual([]);
			const i = Number(r.added[0].replace('concurrent-town-', ''));
			expect(r.author).toBe(author(i));
			expect(r.message).toBe(`${LAYER}: added concurrent-town-${i}`);
			expect(revs[i]).toBe(r.rev);
		}
		await api.dispose();
	});
});
