// A big save must never keep readers waiting: the write API checks a layer in
// slices that give the server's event loop back, so a reader's map file
// requested while an editor's save is being checked answers first. Only the
// order of the two answers is asserted, never a time.
//
// The save is 12,000 valid features and a broken last one: the check must go
// through all of them, then refuses the layer (nothing is written). A check
// that held the event loop would answer the save in the same turn it ends,
// before the reader's request waiting behind it is even read.
import { test, expect } from '@playwright/test';
import { bytesOnDisk, client, getLayer, newCity, signIn, writeHeaders } from './helpers';

const LAYER = 'protest-cities';

test('a reader’s map file answers while a save of 12,000 features is being checked', async ({}, info) => {
	test.setTimeout(180_000);
	const baseURL = info.project.use.baseURL!;
	const api = await client(baseURL);
	const cookie = await signIn(baseURL, 'tester');
	const { etag, collection } = await getLayer(api, LAYER);
	const before = bytesOnDisk(LAYER);
	const towns = Array.from({ length: 12_000 }, (_, i) => {
		const f = newCity(`reader-test-town-${i}`);
		f.geometry.coordinates = [60 + (i % 150) / 10, 42 + Math.floor(i / 150) / 20];
		return f;
	});
	const broken = newCity('reader-test-broken', { start: '2022-02-30' });
	const body = JSON.stringify({ ...collection, features: [...collection.features, ...towns, broken] });
	const order: string[] = [];
	const save = api.put(`/api/layers/${LAYER}`, { headers: writeHeaders(baseURL, cookie, etag), data: Buffer.from(body) }).then(async (res) => {
		order.push('save');
		return { status: res.status(), text: await res.text() };
	});
	// by now the body is read and its features are being checked
	await new Promise((r) => setTimeout(r, 1000));
	const reader = await fetch(new URL('/geo/kazakhstan.geojson', baseURL)).then(async (res) => {
		order.push('reader');
		return { status: res.status, size: (await res.arrayBuffer()).byteLength };
	});
	const saved = await save;
	expect(order).toEqual(['reader', 'save']);
	expect(reader.status).toBe(200);
	expect(reader.size).toBeGreaterThan(1000);
	expect(saved.status, saved.text.slice(0, 300)).toBe(422);
	const problems: { feature?: number; message: string }[] = JSON.parse(saved.text).problems;
	expect(problems.map((p) => p.message)).toContain('is not a real calendar date');
	expect(new Set(problems.map((p) => p.feature))).toEqual(new Set([collection.features.length + 12_000]));
	expect(bytesOnDisk(LAYER).equals(before)).toBe(true);
	await api.dispose();
});
