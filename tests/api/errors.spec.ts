// The API answers JSON for every error, a browser's request included: no
// address, an exception in a handler (hostile bodies that the checks do not
// refuse cleanly), never SvelteKit's HTML error page.
import { test, expect, type APIResponse } from '@playwright/test';
import { bytesOnDisk, client, getLayer, signIn, writeHeaders } from './helpers';

const HTML = { accept: 'text/html,application/xhtml+xml' };

async function expectApiJson(res: APIResponse, status: number | 'error') {
	if (status === 'error') expect(res.status()).toBeGreaterThanOrEqual(400);
	else expect(res.status()).toBe(status);
	expect(res.headers()['content-type']).toMatch(/^application\/json/);
	const body = await res.json();
	expect(typeof body.error).toBe('string');
	expect(body.problems.length).toBeGreaterThan(0);
	return body as { error: string };
}

test('an address the API does not have: a JSON 404 that names it', async ({}, info) => {
	const api = await client(info.project.use.baseURL!);
	for (const [method, path] of [
		['GET', '/api/nope'],
		['GET', '/api'],
		['DELETE', '/api/layers/protest-cities/nope'],
		['POST', '/api/layers']
	] as const) {
		const body = await expectApiJson(await api.fetch(path, { method, headers: HTML }), 404);
		expect(body.error).toContain(`No API endpoint at ${path}`);
	}
	await api.dispose();
});

test('a method a route does not serve: a JSON 405 with Allow', async ({}, info) => {
	const api = await client(info.project.use.baseURL!);
	const res = await api.fetch('/api/layers/protest-cities', { method: 'DELETE', headers: HTML });
	await expectApiJson(res, 405);
	expect(res.headers()['allow']).toBe('GET, PUT');
	await api.dispose();
});

test('a body that breaks a handler: JSON, not an HTML page, and nothing written', async ({}, info) => {
	const baseURL = info.project.use.baseURL!;
	const cookie = await signIn(baseURL, 'tester');
	const api = await client(baseURL);
	const { etag, collection } = await getLayer(api, 'protest-cities');
	const before = bytesOnDisk('protest-cities');
	let nested = '1';
	for (let i = 0; i < 10_000; i++) nested = `[${nested}]`;
	const coordinates5 = structuredClone(collection);
	coordinates5.features[0].geometry.coordinates = 5;
	const deep = JSON.stringify(collection).replace(/"coordinates":\[[^\]]*\]/, `"coordinates":${nested}`);
	for (const data of [JSON.stringify(coordinates5), deep]) {
		const res = await api.put('/api/layers/protest-cities', { headers: { ...writeHeaders(baseURL, cookie, etag), ...HTML }, data });
		await expectApiJson(res, 'error');
	}
	expect(bytesOnDisk('protest-cities').equals(before)).toBe(true);
	await api.dispose();
});
