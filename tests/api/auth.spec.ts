// Sign-in, sign-out, rate limiting, and a server without editors.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../src/lib/server/editor/atomic-write.js';
import { startBuiltServer, type BuiltServer } from '../../server/start-built.js';
import { bytesOnDisk, client, credentials, getLayer, newCity, password, postSignIn, signIn, writeHeaders } from './helpers';

const setCookie = (res: { headersArray(): { name: string; value: string }[] }) => res.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie')?.value;

test.describe('signing in and out', () => {
	test('a wrong password is refused without a cookie; the right one sets a strict httpOnly session cookie', async ({}, info) => {
		const baseURL = info.project.use.baseURL!;
		const api = await client(baseURL);
		const wrong = await postSignIn(api, baseURL, 'tester', 'not-the-password');
		expect(wrong.status()).toBe(400);
		expect(await wrong.text()).toContain('Wrong name or password.');
		expect(setCookie(wrong)).toBeUndefined();

		const right = await postSignIn(api, baseURL, 'tester', password('tester'));
		expect(right.status()).toBe(303);
		expect(right.headers()['location']).toBe('/edit');
		const cookie = setCookie(right)!;
		// a signed token: claims and their HMAC-SHA-256, both base64url
		expect(cookie).toMatch(/^qantar_session=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43};/);
		expect(cookie).toMatch(/; HttpOnly/i);
		expect(cookie).toMatch(/; SameSite=Strict/i);
		expect(cookie).toMatch(/; Path=\//i);
		expect(cookie).not.toMatch(/; Secure/i); // plain http on localhost; Secure is set when the request is https
		const session = cookie.split(';')[0]!;

		const page = await api.get('/edit', { headers: { cookie: session } });
		expect(page.status()).toBe(200);
		expect(await page.text()).toContain('Signed in as <strong>tester</strong>');

		const out = await api.post('/edit/logout', { headers: { cookie: session, origin: baseURL } });
		expect(out.status()).toBe(303);
		expect(setCookie(out)).toMatch(/^qantar_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
		const after = await api.get('/edit', { headers: { cookie: session } });
		expect(after.status()).toBe(303);
		expect(after.headers()['location']).toBe('/edit/login');
		await api.dispose();
	});

	test('/edit without a session sends to the sign-in page', async ({}, info) => {
		const api = await client(info.project.use.baseURL!);
		const res = await api.get('/edit');
		expect(res.status()).toBe(303);
		expect(res.headers()['location']).toBe('/edit/login');
		await api.dispose();
	});

	test('a cross-origin sign-in form post is refused', async ({}, info) => {
		const baseURL = info.project.use.baseURL!;
		const api = await client(baseURL);
		const res = await api.post('/edit/login', {
			form: { name: 'tester', password: password('tester') },
			headers: { origin: 'https://evil.example', accept: 'text/html' }
		});
		expect(res.status()).toBe(403);
		expect(setCookie(res)).toBeUndefined();
		await api.dispose();
	});

	test('a sign-in post that is not a form is a client error (415), not a 500, and signs no one in', async ({}, info) => {
		const baseURL = info.project.use.baseURL!;
		const api = await client(baseURL);
		// text/plain and JSON SvelteKit refuses itself; a multipart body without its boundary reaches the action, whose formData() throws
		for (const [type, data] of [
			['text/plain', `name=tester&password=${password('tester')}`],
			['application/json', '{"name":"tester"}'],
			['multipart/form-data', 'name=tester']
		] as const) {
			const res = await api.post('/edit/login', { headers: { origin: baseURL, 'content-type': type, accept: 'text/html' }, data });
			expect(res.status(), type).toBe(415);
			expect(setCookie(res)).toBeUndefined();
		}
		await api.dispose();
	});

	test('after 5 failed sign-ins for a name, the next is refused with 429 and Retry-After, even with the right password', async ({}, info) => {
		const baseURL = info.project.use.baseURL!;
		const api = await client(baseURL);
		// "locked" is an editor used only here: the limit must hold even when the right password comes next
		for (let i = 0; i < 5; i++) expect((await postSignIn(api, baseURL, 'locked', `guess-${i}`)).status()).toBe(400);
		const limited = await postSignIn(api, baseURL, 'locked', password('locked'));
		expect(limited.status()).toBe(429);
		const retry = Number(limited.headers()['retry-after']);
		expect(retry).toBeGreaterThan(500);
		expect(retry).toBeLessThanOrEqual(600);
		expect(await limited.text()).toContain('Too many failed sign-ins');
		expect(setCookie(limited)).toBeUndefined();
		// another name from the same address is not locked out by it
		await signIn(baseURL, 'tester');
		await api.dispose();
	});
});

test.describe('sessions end when the credential changes', () => {
	// the editors file of the test server (playwright.config.ts); "rotating" is added and removed here only
	const EDITORS = '.tmp/test-editors.json';
	const setPassword = (name: string, pass: string) => {
		const run = spawnSync(process.execPath, ['scripts/editor-add.js', name], {
			input: `${pass}\n`,
			env: { ...process.env, QANTAR_EDITORS_FILE: EDITORS },
			encoding: 'utf8'
		});
		expect(run.status, run.stderr).toBe(0);
	};
	const removeEditor = async (name: string) => {
		const config = JSON.parse(readFileSync(EDITORS, 'utf8'));
		config.editors = config.editors.filter((e: { name: string }) => e.name !== name);
		await writeFileAtomic(EDITORS, JSON.stringify(config, null, 2), { mode: 0o600 });
	};
	/** whether a session cookie still opens the editor (200) or is sent to sign in (303) */
	const opens = async (baseURL: string, cookie: string) => {
		const api = await client(baseURL);
		const res = await api.get('/edit', { headers: { cookie } });
		await api.dispose();
		return res.status() === 200;
	};
	test.afterAll(async () => removeEditor('rotating'));

	test('a new password ends every session opened with the old one', async ({}, info) => {
		const baseURL = info.project.use.baseURL!;
		setPassword('rotating', 'first password of rotating');
		const sessions = [];
		// two browsers (two clients: one client would send its first cookie with the second sign-in)
		for (let i = 0; i < 2; i++) {
			const browser = await client(baseURL);
			const res = await postSignIn(browser, baseURL, 'rotating', 'first password of rotating');
			expect(res.status()).toBe(303);
			sessions.push(setCookie(res)!.split(';')[0]!);
			await browser.dispose();
		}
		const api = await client(baseURL);
		for (const s of sessions) expect(await opens(baseURL, s)).toBe(true);
		setPassword('rotating', 'second password of rotating');
		for (const s of sessions) expect(await opens(baseURL, s)).toBe(false);
		// the old password no longer signs in, the new one does
		expect((await postSignIn(api, baseURL, 'rotating', 'first password of rotating')).status()).toBe(400);
		const fresh = await postSignIn(api, baseURL, 'rotating', 'second password of rotating');
		expect(fresh.status()).toBe(303);
		expect(await opens(baseURL, setCookie(fresh)!.split(';')[0]!)).toBe(true);
		await api.dispose();
	});

	test('removing an editor ends their sessions for good: adding the name again does not bring them back', async ({}, info) => {
		const baseURL = info.project.use.baseURL!;
		setPassword('rotating', 'third password of rotating');
		const api = await client(baseURL);
		const res = await postSignIn(api, baseURL, 'rotating', 'third password of rotating');
		const session = setCookie(res)!.split(';')[0]!;
		expect(await opens(baseURL, session)).toBe(true);
		await removeEditor('rotating');
		expect(await opens(baseURL, session)).toBe(false);
		setPassword('rotating', 'third password of rotating');
		expect(await opens(baseURL, session)).toBe(false);
		await api.dispose();
	});

	test('signing in again ends the session the browser had', async ({}, info) => {
		const baseURL = info.project.use.baseURL!;
		const first = await signIn(baseURL, 'reviewer');
		expect(await opens(baseURL, first)).toBe(true);
		const api = await client(baseURL);
		const again = await api.post('/edit/login', {
			form: { name: 'reviewer', password: password('reviewer') },
			headers: { origin: baseURL, accept: 'text/html', cookie: first },
			maxRedirects: 0
		});
		expect(again.status()).toBe(303);
		const second = setCookie(again)!.split(';')[0]!;
		expect(second).not.toBe(first);
		expect(await opens(baseURL, first)).toBe(false);
		expect(await opens(baseURL, second)).toBe(true);
		await api.dispose();
	});
});

test.describe('a server without editors', () => {
	let server: BuiltServer;
	let base = '';
	const editorsFile = resolve('.tmp/no-such-editors.json');

	test.beforeAll(async () => {
		server = await startBuiltServer({ env: { QANTAR_DATA_DIR: credentials().dataDir, QANTAR_EDITORS_FILE: editorsFile }, ready: '/api/layers/protest-cities' });
		base = server.base;
	});
	test.afterAll(() => server?.stop());

	test('/edit and /edit/login say how to add an editor, not where the server keeps its files; the log says where', async () => {
		const api = await client(base);
		for (const path of ['/edit', '/edit/login']) {
			const res = await api.get(path);
			expect(res.status()).toBe(503);
			const text = await res.text();
			expect(text).toContain('npm run editor:add -- &lt;name');
			expect(text, 'the editors file’s path').not.toContain(editorsFile);
			expect(text, 'the server’s folders').not.toContain(process.cwd());
		}
		expect(server.output()).toContain(`nobody can sign in: no editors file at ${editorsFile}`);
		await api.dispose();
	});

	test('writes are refused with the same instructions, and nothing is written', async () => {
		const api = await client(base);
		const { etag, collection } = await getLayer(api, 'protest-cities');
		const before = bytesOnDisk('protest-cities');
		const res = await api.put('/api/layers/protest-cities', {
			headers: writeHeaders(base, `qantar_session=${'A'.repeat(43)}`, etag),
			data: { ...collection, features: [...collection.features, newCity('no-editor-town')] }
		});
		expect(res.status()).toBe(503);
		const body = await res.json();
		expect(body.error).toMatch(/No editors are configured .*npm run editor:add -- <name>/);
		const signIn = await postSignIn(api, base, 'tester', password('tester'));
		expect(signIn.status()).toBe(503);
		expect(bytesOnDisk('protest-cities').equals(before)).toBe(true);
		await api.dispose();
	});
});
