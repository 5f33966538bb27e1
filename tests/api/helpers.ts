// Shared helpers for the API tests: the test server's data directory and
// editors (made by scripts/test-server-data.js), signing in, reading a layer
// through the API and its bytes on disk.
import { readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';

/** a source id of the registry (content/sources.yaml) that test features cite */
export const TEST_SOURCE = 'tass-2022-01-unrest-overview';

export interface TestCredentials {
	dataDir: string;
	editors: { name: string; password: string }[];
}

export const credentials = (): TestCredentials => JSON.parse(readFileSync('.tmp/test-credentials.json', 'utf8'));
export const password = (name: string) => credentials().editors.find((e) => e.name === name)!.password;
export const layerFile = (layer: string) => join(credentials().dataDir, `${layer}.geojson`);
export const bytesOnDisk = (layer: string) => readFileSync(layerFile(layer));

/** A request context without a cookie jar of its own use: every test names its cookie. */
export async function client(baseURL: string): Promise<APIRequestContext> {
	return playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
}

/** Posts the sign-in form as a browser would; returns the response. */
export async function postSignIn(api: APIRequestContext, baseURL: string, name: string, pass: string) {
	return api.post('/edit/login', {
		form: { name, password: pass },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
}

/** Signs in and returns the Cookie header value of the new session. */
export async function signIn(baseURL: string, name = 'tester'): Promise<string> {
	const api = await client(baseURL);
	const res = await postSignIn(api, baseURL, name, password(name));
	expect(res.status(), `sign-in of ${name}`).toBe(303);
	const cookie = res.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie')!.value;
	await api.dispose();
	return cookie.split(';')[0]!;
}

export async function getLayer(api: APIRequestContext, layer: string): Promise<{ etag: string; collection: any; text: string }> {
	const res = await api.get(`/api/layers/${layer}`);
	expect(res.status()).toBe(200);
	const text = await res.text();
	return { etag: res.headers()['etag']!, collection: JSON.parse(text), text };
}

export function writeHeaders(baseURL: string, cookie: string, etag: string) {
	return { cookie, origin: baseURL, 'content-type': 'application/json', 'if-match': etag };
}

/** A valid new point feature for a layer of cities. */
export function newCity(id: string, over: Record<string, unknown> = {}) {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [68.5 + (id.length % 10) / 10, 47.1] },
		properties: {
			id,
			name_fr: `Ville ${id}`,
			name_en: `Town ${id}`,
			kind: 'city',
			start: '2022-01-05',
			date_precision: 'day',
			description_fr: '',
			description_en: '',
			sources: [TEST_SOURCE],
			confidence: 'medium',
			period: 'reported',
			country: 'KAZ',
			...over
		}
	};
}

/** Restores a layer to its first revision (the test data as copied), so later tests see the original story. */
export async function restoreOriginal(baseURL: string, layer: string) {
	const cookie = await signIn(baseURL, 'tester');
	const api = await client(baseURL);
	const history = await (await api.get(`/api/layers/${layer}/history?limit=500`, { headers: { cookie } })).json();
	const first = history.revisions.at(-1).rev;
	const { etag } = await getLayer(api, layer);
	const res = await api.post(`/api/layers/${layer}/restore`, { headers: writeHeaders(baseURL, cookie, etag), data: { rev: first } });
	expect(res.status(), await res.text()).toBe(200);
	expect(bytesOnDisk(layer).equals(readFileSync(`static/geo/${layer}.geojson`))).toBe(true);
	await api.dispose();
}

/**
 * Puts the test server's story back to never published (what readers see is content/ again): removes
 * the data directory's story/, published.json and corrections.jsonl and commits that. The specs that
 * publish run it after themselves, so the specs after them read the story as the checkout has it.
 */
export function resetPublishedStory() {
	const dir = credentials().dataDir;
	for (const f of ['story', 'published.json', 'corrections.jsonl']) rmSync(join(dir, f), { recursive: true, force: true });
	const git = (...args: string[]) =>
		execFileSync('git', ['-C', dir, '-c', 'user.name=tests', '-c', 'user.email=tests@qantar.invalid', ...args], { encoding: 'utf8' });
	git('add', '-A', '.');
	if (git('status', '--porcelain').trim()) git('commit', '-q', '--no-verify', '-m', 'tests: the story back to never published');
}
