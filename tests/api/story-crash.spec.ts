// A publish killed (SIGKILL) at each of its writes leaves readers the old
// published state or the new one, whole; the next start finishes or rolls
// back what it left (the log entry appended once, everything committed).
// Runs its own server on a copy of the layers (QANTAR_TEST_PUBLISH_PAUSE_MS
// makes the publish say which write comes next and wait, so the kill lands there).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startBuiltServer } from '../../server/start-built.js';
import { client, signIn } from './helpers';

type Server = Awaited<ReturnType<typeof startBuiltServer>>;

const dir = resolve(`.tmp/story-crash-${randomBytes(4).toString('hex')}`);
const env = { QANTAR_DATA_DIR: dir, QANTAR_EDITORS_FILE: resolve('.tmp/test-editors.json'), QANTAR_TEST_PUBLISH_PAUSE_MS: '1500', HOST: '127.0.0.1' };
const start = () => startBuiltServer({ env });
const publishedTitle = () => JSON.parse(readFileSync(join(dir, 'published.json'), 'utf8')).document.text.fr.steps.akimat.title as string;
const logLines = () =>
	existsSync(join(dir, 'corrections.jsonl')) ? readFileSync(join(dir, 'corrections.jsonl'), 'utf8').trim().split('\n').filter(Boolean) : [];
const gitStatus = () => execFileSync('git', ['-C', dir, 'status', '--porcelain'], { encoding: 'utf8' });

async function until(what: () => boolean, label: string) {
	const deadline = Date.now() + 60_000;
	while (!what()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

/** Saves a draft with this French title for step "akimat"; returns the new ETag. */
async function saveTitle(server: Server, cookie: string, title: string): Promise<string> {
	const api = await client(server.base);
	const s = await (await api.get('/api/story', { headers: { cookie } })).json();
	s.document.text.fr.steps.akimat.title = title;
	const res = await api.put('/api/story', {
		headers: { cookie, origin: server.base, 'content-type': 'application/json', 'if-match': s.etag },
		data: s.document
	});
	expect(res.status(), await res.text()).toBe(200);
	const { etag } = await res.json();
	await api.dispose();
	return etag;
}

test.describe.serial('a publish killed mid-way', () => {
	test.setTimeout(240_000);
	test.beforeAll(() => {
		mkdirSync(dir, { recursive: true });
		for (const f of readdirSync('static/geo')) if (f.endsWith('.geojson')) copyFileSync(join('static/geo', f), join(dir, f));
	});
	test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

	const points = [
		{ before: 'write published.json', readers: 'old' },
		{ before: 'append the corrections entry', readers: 'new' },
		{ before: 'commit', readers: 'new' }
	] as const;
	for (const [i, point] of points.entries())
		test(`killed before it could ${point.before}: readers see the ${point.readers} state, whole`, async () => {
			let server = await start();
			const cookie = await signIn(server.base, 'tester');
			const newTitle = `Titre publié ${i}`;
			const etag = await saveTitle(server, cookie, newTitle);
			const oldTitle = (await (await (await client(server.base)).get('/api/story/published', { headers: { cookie } })).json()).text.fr.steps.akimat.title;
			const linesBefore = logLines().length;

			const api = await client(server.base);
			const note = `Correction ${i}`;
			const publishing = api
				.post('/api/story/publish', { headers: { cookie, origin: server.base, 'content-type': 'application/json' }, data: { etag, note, minor: false } })
				.catch((e: Error) => e);
			await until(() => server.output().includes(`qantar test: publish about to ${point.before}`), point.before);
			await server.kill('SIGKILL');
			expect((await publishing) instanceof Error).toBe(true); // the publisher got no answer

			// on disk, before any restart: published.json is one whole state
			expect(publishedTitle()).toBe(point.readers === 'new' ? newTitle : oldTitle);
			expect(readdirSync(dir).filter((f) => f.endsWith('.qantar-tmp'))).toEqual([]);

			server = await start();
			try {
				const reader = await client(server.base);
				const page = await (await reader.get('/step/akimat')).text();
				expect(page).toContain(point.readers === 'new' ? newTitle : oldTitle);
				const corrections = await (await reader.get('/corrections')).text();
				if (point.readers === 'new') expect(corrections).toContain(note);
				else expect(corrections).not.toContain(note);
				// the store finishes or rolls back what the kill left: the entry once, everything committed
				const s = await (await reader.get('/api/story', { headers: { cookie: await signIn(server.base, 'tester') } })).json();
				expect(s.document.text.fr.steps.akimat.title).toBe(newTitle); // the draft is kept either way
				expect(logLines().length).toBe(linesBefore + (point.readers === 'new' ? 1 : 0));
				expect(logLines().filter((l) => l.includes(note))).toHaveLength(point.readers === 'new' ? 1 : 0);
				expect(gitStatus()).toBe('');
				await reader.dispose();
			} finally {
				await server.stop();
			}
		});
});
