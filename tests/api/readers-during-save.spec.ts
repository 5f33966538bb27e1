// A big save must never keep readers waiting: the write API checks a layer in
// slices that give the server's event loop back, so readers' map files keep
// being answered while an editor's save is being checked. No time is
// asserted, only order within the save's own wait.
//
// The save is 12,000 valid features and a broken last one: the check must go
// through all of them, then refuses the layer (nothing is written). Readers ask
// for a map file one after another from the moment the save's body is sent
// until the save answers. A check that held the event loop would leave the end
// of that wait without any reader answered (they would all wait behind it);
// a check in slices answers them to the end. (A fixed wait before a single
// reader's request, as this test first did, failed on a machine quick enough
// to check the layer within that wait.)
import { test, expect } from '@playwright/test';
import { request as httpRequest } from 'node:http';
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
	const body = Buffer.from(JSON.stringify({ ...collection, features: [...collection.features, ...towns, broken] }));
	let sent = NaN;
	let answered = NaN;
	const save = new Promise<{ status: number; text: string }>((resolve, reject) => {
		const url = new URL(`/api/layers/${LAYER}`, baseURL);
		const req = httpRequest(url, { method: 'PUT', headers: { ...writeHeaders(baseURL, cookie, etag), 'content-length': String(body.length) } }, (res) => {
			answered = performance.now();
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (c: string) => (text += c));
			res.on('end', () => resolve({ status: res.statusCode!, text }));
		});
		req.on('error', reject);
		// the whole body handed to the connection: from here the server reads, parses and checks it
		req.on('finish', () => (sent = performance.now()));
		req.end(body);
	});
	await expect.poll(() => sent > 0).toBe(true);
	const readers: { at: number; status: number; size: number }[] = [];
	while (Number.isNaN(answered)) {
		const res = await fetch(new URL('/geo/kazakhstan.geojson', baseURL));
		const size = (await res.arrayBuffer()).byteLength;
		readers.push({ at: performance.now(), status: res.status, size });
	}
	const saved = await save;
	expect(saved.status, saved.text.slice(0, 300)).toBe(422);
	expect(readers.every((r) => r.status === 200 && r.size > 1000)).toBe(true);
	// readers answered in the last quarter of the save's wait, while its check was ending
	const wait = answered - sent;
	const late = readers.filter((r) => r.at > answered - wait / 4 && r.at < answered);
	expect(late.length, `${readers.length} readers answered over a wait of ${Math.round(wait)} ms, none in its last quarter`).toBeGreaterThan(0);
	const problems: { feature?: number; message: string }[] = JSON.parse(saved.text).problems;
	expect(problems.map((p) => p.message)).toContain('is not a real calendar date');
	expect(new Set(problems.map((p) => p.feature))).toEqual(new Set([collection.features.length + 12_000]));
	expect(bytesOnDisk(LAYER).equals(before)).toBe(true);
	await api.dispose();
});
