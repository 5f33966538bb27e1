// Step pictures drawn again after a publish (issue #20): its own server, with
// pictures on, on a copy of the layers. A title published in French: until
// the picture is drawn the build's PNG is served, whole, then the new one
// (1200x630), and no other step's picture is drawn; Chromium killed in the
// middle of a drawing: the old picture is still served, then the retry draws
// it; a step added in the editor gets its picture (no more 404).
import { test, expect, type APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startBuiltServer } from '../../server/start-built.js';
import { client, signIn } from './helpers';

type Server = Awaited<ReturnType<typeof startBuiltServer>>;
type Status = { enabled: boolean; pending: { id: string; lang: string }[]; rendering: { id: string; lang: string } | null; failed: unknown[] };

const dir = resolve(`.tmp/pictures-${randomBytes(4).toString('hex')}`);
const env = {
	QANTAR_DATA_DIR: dir,
	QANTAR_EDITORS_FILE: resolve('.tmp/test-editors.json'),
	QANTAR_STEP_PICTURES: 'on',
	QANTAR_PICTURES_RETRY_SECONDS: '1',
	QANTAR_PICTURES_IDLE_SECONDS: '5',
	// a drawing's time limit: 40 s per size (a drawing takes 15–45 s here under load), so a drawing
	// whose browser was killed as its page opened (Playwright's newPage then hangs) fails within 80 s
	QANTAR_PICTURES_TIMEOUT_MS: '40000',
	HOST: '127.0.0.1'
};
const buildPicture = (lang: string, file: string) => readFileSync(join('build/client/snapshots', lang, file));

const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
/** the size a PNG says it is (IHDR), after checking it is whole: its signature, its IHDR first, its IEND last */
function pngSize(b: Buffer): { width: number; height: number } {
	expect(b.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a');
	expect(b.subarray(12, 16).toString('latin1'), 'IHDR first').toBe('IHDR');
	expect(b.subarray(b.length - 12).equals(PNG_END), 'IEND last (a whole file)').toBe(true);
	return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

let server: Server;
let cookie: string;
let api: APIRequestContext;

const picture = async (path: string) => {
	const res = await api.get(path);
	return { status: res.status(), body: await res.body(), headers: res.headers() };
};
const pictures = async (): Promise<Status> => (await api.get('/api/story/pictures', { headers: { cookie } })).json();

/** Saves the draft as `edit` leaves it, then publishes it with a note; returns the publish's answer. */
async function publishEdit(edit: (doc: any) => void, note: string) {
	const s = await (await api.get('/api/story', { headers: { cookie } })).json();
	edit(s.document);
	const headers = { cookie, origin: server.base, 'content-type': 'application/json' };
	const saved = await api.put('/api/story', { headers: { ...headers, 'if-match': s.etag }, data: s.document });
	expect(saved.status(), await saved.text()).toBe(200);
	const res = await api.post('/api/story/publish', { headers, data: { etag: (await saved.json()).etag, note, minor: false } });
	expect(res.status(), await res.text()).toBe(200);
	return res.json();
}

/** Polls `path` until it is no longer `old`; every answer meanwhile is `old` or a whole PNG (never half a file). */
async function untilRedrawn(path: string, old: Buffer | null, timeoutMs = 150_000): Promise<Buffer> {
	const deadline = Date.now() + timeoutMs;
	let polls = 0;
	for (;;) {
		const p = await picture(path);
		polls++;
		if (old ? p.status === 200 && !p.body.equals(old) : p.status === 200) {
			pngSize(p.body);
			return p.body;
		}
		if (old) expect(p.body.equals(old), `${path} while it is redrawn (poll ${polls})`).toBe(true);
		else expect(p.status, `${path} before its first drawing`).toBe(404);
		if (Date.now() > deadline) throw new Error(`${path} was not redrawn within ${timeoutMs / 1000} s: ${JSON.stringify(await pictures())}\n${server.output()}`);
		await new Promise((r) => setTimeout(r, 150));
	}
}

test.describe.serial('step pictures after a publish', () => {
	test.setTimeout(360_000);
	test.beforeAll(async () => {
		mkdirSync(dir, { recursive: true });
		for (const f of readdirSync('static/geo')) if (f.endsWith('.geojson')) copyFileSync(join('static/geo', f), join(dir, f));
		// TEST_PICTURES_PORT: a port of one's own on a shared machine (default: a free one)
		server = await startBuiltServer({ env, port: Number(process.env.TEST_PICTURES_PORT) || undefined });
		cookie = await signIn(server.base, 'tester');
		api = await client(server.base);
	});
	test.afterAll(async () => {
		await api?.dispose();
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	test('a French title published: the old picture is served whole until the new one is drawn; no other picture is drawn', async () => {
		const old = buildPicture('fr', 'akimat.png');
		expect((await picture('/snapshots/fr/akimat.png')).body.equals(old)).toBe(true);
		expect(await pictures()).toMatchObject({ enabled: true, pending: [], failed: [] }); // the seed's pictures are the build's

		const published = await publishEdit((d) => (d.text.fr.steps.akimat.title = 'L’akimat d’Almaty pris d’assaut, puis incendié'), 'Titre précisé');
		expect(published.pictures.pending).toEqual([{ id: 'akimat', lang: 'fr' }]);

		const fresh = await untilRedrawn('/snapshots/fr/akimat.png', old);
		expect(pngSize(fresh)).toEqual({ width: 1200, height: 630 });
		const small = await untilRedrawn('/snapshots/fr/akimat-small.png', buildPicture('fr', 'akimat-small.png'));
		expect(pngSize(small)).toEqual({ width: 600, height: 315 });

		const served = await picture('/snapshots/fr/akimat.png');
		expect(served.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
		expect(served.headers['content-type']).toBe('image/png');
		const revalidated = await api.get('/snapshots/fr/akimat.png', { headers: { 'if-none-match': served.headers['etag']! } });
		expect(revalidated.status()).toBe(304);

		await expect.poll(async () => (await pictures()).pending, { timeout: 60_000 }).toEqual([]);
		// the English picture and the other steps' are the build's, not drawn again
		expect((await picture('/snapshots/en/akimat.png')).body.equals(buildPicture('en', 'akimat.png'))).toBe(true);
		expect((await picture('/snapshots/fr/spread.png')).body.equals(buildPicture('fr', 'spread.png'))).toBe(true);
		expect(readdirSync(join(dir, 'pictures', 'fr')).sort()).toEqual(['akimat-small.png', 'akimat.png']);
		expect(existsSync(join(dir, 'pictures', 'en'))).toBe(false);
		// derived files: not in the data directory's history, nor shown as a change
		expect(execFileSync('git', ['-C', dir, 'status', '--porcelain'], { encoding: 'utf8' })).toBe('');
	});

	test('Chromium killed in the middle of a drawing: the old picture is still served, then the retry draws the new one', async () => {
		const old = buildPicture('en', 'spread.png');
		await publishEdit((d) => (d.text.en.steps.spread.title = 'Protests spread across Kazakhstan and reach Almaty'), 'Title made clearer');
		await expect.poll(async () => (await pictures()).rendering, { timeout: 60_000, intervals: [50] }).toEqual({ id: 'spread', lang: 'en' });
		// the browser the server started, among its children
		const browsers = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(server.pid)], { encoding: 'utf8' })
			.split('\n')
			.filter((l) => /chrom/i.test(l))
			.map((l) => Number(l.trim().split(/\s+/)[0]));
		expect(browsers.length).toBeGreaterThan(0);
		for (const pid of browsers) process.kill(pid, 'SIGKILL');
		await expect
			.poll(() => server.output(), { timeout: 90_000 })
			.toMatch(/picture of step "spread" \(en\) could not be drawn \(attempt 1 of 3; the old one is still served\)/);
		expect((await picture('/snapshots/en/spread.png')).body.equals(old)).toBe(true);

		const fresh = await untilRedrawn('/snapshots/en/spread.png', old);
		expect(pngSize(fresh)).toEqual({ width: 1200, height: 630 });
		await expect.poll(async () => (await pictures()).pending, { timeout: 90_000 }).toEqual([]);
		expect((await pictures()).failed).toEqual([]);
	});

	test('a step added in the editor gets its picture (its og:image no longer 404s)', async () => {
		expect((await picture('/snapshots/fr/masimov-arrest.png')).status).toBe(404);
		await publishEdit((d) => {
			const from = d.steps.steps.find((s: any) => s.id === 'akimat');
			d.steps.steps.push({ ...structuredClone(from), id: 'masimov-arrest' });
			d.text.fr.steps['masimov-arrest'] = { ...d.text.fr.steps.akimat, title: 'Karim Massimov, ex-chef du KNB, arrêté' };
			d.text.en.steps['masimov-arrest'] = { ...d.text.en.steps.akimat, title: 'Karim Masimov, former KNB chief, arrested' };
		}, 'Added: the arrest of Karim Masimov');
		// French first (the queue draws a step's languages in order): the English follows the same way
		const fresh = await untilRedrawn('/snapshots/fr/masimov-arrest.png', null);
		expect(pngSize(fresh)).toEqual({ width: 1200, height: 630 });
		const small = await untilRedrawn('/snapshots/fr/masimov-arrest-small.png', null);
		expect(pngSize(small)).toEqual({ width: 600, height: 315 });
	});
});
