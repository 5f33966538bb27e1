// The story API (docs/story-api.md) against the built server: the draft in
// the data directory with If-Match, 409 naming what changed, 422 naming the
// fields (nothing written), history, roles, and publishing to readers.
import { test, expect, type APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { client, credentials, signIn } from './helpers';

const dataDir = () => credentials().dataDir;
const gitLog = () => execFileSync('git', ['-C', dataDir(), 'log', '--format=%H %an %s'], { encoding: 'utf8' });
const storyBytes = () =>
	['steps.yaml', 'story.fr.yaml', 'story.en.yaml', 'figures.yaml', 'sources.yaml'].map((f) => readFileSync(join(dataDir(), 'story', f), 'utf8'));
const headers = (baseURL: string, cookie: string, etag?: string) => ({
	cookie,
	origin: baseURL,
	'content-type': 'application/json',
	...(etag ? { 'if-match': etag } : {})
});

async function getStory(api: APIRequestContext, cookie: string) {
	const res = await api.get('/api/story', { headers: { cookie } });
	expect(res.status(), await res.text()).toBe(200);
	return res.json();
}

test.describe.serial('the story draft', () => {
	let api: APIRequestContext;
	let tester: string;
	let reviewer: string;
	test.beforeAll(async ({ baseURL }) => {
		api = await client(baseURL!);
		tester = await signIn(baseURL!, 'tester');
		reviewer = await signIn(baseURL!, 'reviewer');
	});
	test.afterAll(() => api.dispose());

	test('needs a session', async () => {
		const res = await api.get('/api/story');
		expect(res.status()).toBe(401);
		expect((await res.json()).error).toMatch(/not signed in/);
	});

	test('GET gives the draft seeded from content/, its ETag and the role', async () => {
		const s = await getStory(api, tester);
		expect(s.etag).toMatch(/^"[0-9a-f]{40}"$/);
		expect(s.role).toBe('publisher');
		expect(s.unpublishedChanges).toBe(false);
		expect(s.document.text.fr.steps.akimat.title).toBeTruthy();
		expect(s.document.steps.steps.map((x: { id: string }) => x.id)).toContain('akimat');
		expect(gitLog()).toMatch(/story: seeded from content\//);
	});

	test('PUT without If-Match is refused (428)', async ({ baseURL }) => {
		const s = await getStory(api, tester);
		const res = await api.put('/api/story', { headers: headers(baseURL!, tester), data: s.document });
		expect(res.status()).toBe(428);
	});

	test('an invalid story (unknown highlight, empty title) is refused with field paths and nothing is written', async ({ baseURL }) => {
		const s = await getStory(api, tester);
		const before = { files: storyBytes(), log: gitLog() };
		const doc = s.document;
		const i = doc.steps.steps.findIndex((x: { id: string }) => x.id === 'akimat');
		doc.steps.steps[i].highlight.push('no-such-feature');
		doc.text.fr.steps.akimat.title = '';
		const res = await api.put('/api/story', { headers: headers(baseURL!, tester, s.etag), data: doc });
		expect(res.status()).toBe(422);
		const body = await res.json();
		const paths = body.problems.map((p: { path: unknown[] }) => JSON.stringify(p.path));
		expect(paths).toContain(JSON.stringify(['text', 'fr', 'steps', 'akimat', 'title']));
		expect(paths).toContain(JSON.stringify(['steps', 'steps', i, 'highlight', doc.steps.steps[i].highlight.length - 1]));
		expect(body.problems.find((p: { message: string }) => /no-such-feature/.test(p.message)).field).toBe(
			`steps › steps › ${i} › highlight › ${doc.steps.steps[i].highlight.length - 1}`
		);
		expect(storyBytes()).toEqual(before.files);
		expect(gitLog()).toBe(before.log);
	});

	test('two saves from the same ETag: one 200, the other 409 naming what changed', async ({ baseURL }) => {
		const s = await getStory(api, tester);
		const mine = structuredClone(s.document);
		mine.text.fr.steps.akimat.title = 'Titre du testeur';
		const theirs = structuredClone(s.document);
		theirs.text.en.steps.overview.kicker = 'Reviewer’s kicker';
		const first = await api.put('/api/story', { headers: headers(baseURL!, tester, s.etag), data: mine });
		expect(first.status(), await first.text()).toBe(200);
		const saved = await first.json();
		expect(saved.etag).not.toBe(s.etag);
		expect(saved.rev).toMatch(/^[0-9a-f]{40}$/);
		const second = await api.put('/api/story', { headers: headers(baseURL!, reviewer, s.etag), data: theirs });
		expect(second.status()).toBe(409);
		const conflict = await second.json();
		expect(conflict.etag).toBe(saved.etag);
		expect(conflict.changed).toEqual(['steps › akimat › title (fr)']);
		expect(conflict.error).toMatch(/steps › akimat › title \(fr\)/);
		// the draft is the first save, committed by its editor
		expect((await getStory(api, reviewer)).document.text.fr.steps.akimat.title).toBe('Titre du testeur');
		expect(gitLog().split('\n')[0]).toMatch(/^[0-9a-f]{40} tester story: steps › akimat › title \(fr\)$/);
	});

	test('the history lists the draft revisions, newest first', async () => {
		const res = await api.get('/api/story/history', { headers: { cookie: tester } });
		expect(res.status()).toBe(200);
		const { revisions } = await res.json();
		expect(revisions[0]).toMatchObject({ author: 'tester', message: 'story: steps › akimat › title (fr)' });
		expect(revisions.at(-1).message).toBe('story: seeded from content/');
	});
});
