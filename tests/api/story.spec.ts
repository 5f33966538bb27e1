// The story API (docs/story-api.md) against the built server: the draft in
// the data directory with If-Match, 409 naming what changed, 422 naming the
// fields (nothing written), history, roles, and publishing to readers.
import { test, expect, type APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { client, credentials, getLayer, resetPublishedStory, signIn, writeHeaders } from './helpers';

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
	test.afterAll(async () => {
		await api.dispose();
		// the specs after this one read the story as content/ has it
		resetPublishedStory();
	});

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
		// a revision's document, for showing or restoring it
		const seed = await (await api.get(`/api/story/history/${revisions.at(-1).rev}`, { headers: { cookie: tester } })).json();
		expect(seed.document.text.fr.steps.akimat.title).not.toBe('Titre du testeur');
		const latest = await (await api.get(`/api/story/history/${revisions[0].rev}`, { headers: { cookie: tester } })).json();
		expect(latest.document.text.fr.steps.akimat.title).toBe('Titre du testeur');
		expect((await api.get(`/api/story/history/${'f'.repeat(40)}`, { headers: { cookie: tester } })).status()).toBe(404);
	});

	test('an editor (role editor) may save drafts but not publish (403)', async ({ baseURL }) => {
		const drafter = await signIn(baseURL!, 'drafter');
		const s = await getStory(api, drafter);
		expect(s.role).toBe('editor');
		const res = await api.post('/api/story/publish', { headers: headers(baseURL!, drafter), data: { etag: s.etag, note: 'x', minor: false } });
		expect(res.status()).toBe(403);
		expect((await res.json()).error).toMatch(/not publish/);
	});

	test('a draft save does not reach readers; publishing with a note does, on every reader page', async ({ baseURL }) => {
		const newTitle = 'Titre du testeur';
		// the draft holds the new title (saved above); readers still see the published one, also through the page cache
		const pages = ['/', '/step/akimat', '/embed/step/akimat'];
		for (const path of pages) {
			const html = await (await api.get(path)).text();
			expect(html, path).not.toContain(newTitle);
			expect(html, path).not.toContain('Mis à jour le');
		}
		const oembed = async () => (await (await api.get(`/oembed?url=${encodeURIComponent(`${baseURL}/step/akimat`)}&format=json`)).json()).title;
		expect(await oembed()).not.toContain(newTitle);
		const s = await getStory(api, tester);
		expect(s.unpublishedChanges).toBe(true);

		// a reader-visible change needs a note (or minor)
		const noNote = await api.post('/api/story/publish', { headers: headers(baseURL!, tester), data: { etag: s.etag, note: ' ', minor: false } });
		expect(noNote.status()).toBe(422);
		expect((await noNote.json()).problems[0].path).toEqual(['note']);
		// a stale etag is refused
		const stale = await api.post('/api/story/publish', { headers: headers(baseURL!, tester), data: { etag: `"${'0'.repeat(40)}"`, note: 'n', minor: false } });
		expect(stale.status()).toBe(409);

		const note = 'Le titre de l’étape sur l’akimat a été précisé.';
		const res = await api.post('/api/story/publish', { headers: headers(baseURL!, tester), data: { etag: s.etag, note, minor: false } });
		expect(res.status(), await res.text()).toBe(200);
		const { publishedRev, entries } = await res.json();
		expect(publishedRev).toMatch(/^[0-9a-f]{40}$/);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({ note, minor: false, steps: [{ id: 'akimat', fields: ['title (fr)'] }] });

		for (const path of pages) {
			const html = await (await api.get(path)).text();
			expect(html, path).toContain(newTitle);
			expect(html, path).toMatch(/Mis à jour le \d{1,2} \S+ \d{4} à \d{2}:\d{2} \(heure d’Almaty\) — Le titre de l’étape sur l’akimat a été précisé\./);
		}
		expect(await oembed()).toContain(newTitle);
		const corrections = await (await api.get('/corrections')).text();
		expect(corrections).toContain(note);
		expect(corrections).toContain(`href="/step/akimat">${newTitle}</a>`);
		const en = await (await api.get('/en/corrections')).text();
		expect(en).toContain(note);
		expect(en).toContain('href="/en/step/akimat"');
		// the English story did not change: no banner there is wrong; the step changed, so it shows the update
		expect(await (await api.get('/en/step/akimat')).text()).toMatch(/Updated \d{1,2} \S+ \d{4} at \d{2}:\d{2} \(Almaty time\) — /);

		const after = await getStory(api, tester);
		expect(after.unpublishedChanges).toBe(false);
		expect(after.publishedRev).toBe(publishedRev);
		const publishedDoc = await (await api.get('/api/story/published', { headers: { cookie: tester } })).json();
		expect(publishedDoc.text.fr.steps.akimat.title).toBe(newTitle);
		// committed with the publish, appended to the log
		expect(gitLog().split('\n')[0]).toMatch(/ tester publish: Le titre/);
		const log = readFileSync(join(dataDir(), 'corrections.jsonl'), 'utf8').trim().split('\n');
		expect(JSON.parse(log.at(-1)!).note).toBe(note);
	});

	test('a minor publish is logged without a banner; earlier lines of the log are kept byte for byte', async ({ baseURL }) => {
		const before = readFileSync(join(dataDir(), 'corrections.jsonl'), 'utf8');
		const s = await getStory(api, tester);
		const doc = s.document;
		doc.text.en.steps.akimat.kicker = `${doc.text.en.steps.akimat.kicker} `.trimEnd() + '.';
		const saved = await api.put('/api/story', { headers: headers(baseURL!, tester, s.etag), data: doc });
		expect(saved.status()).toBe(200);
		const res = await api.post('/api/story/publish', { headers: headers(baseURL!, tester), data: { etag: (await saved.json()).etag, note: '', minor: true } });
		expect(res.status(), await res.text()).toBe(200);
		const after = readFileSync(join(dataDir(), 'corrections.jsonl'), 'utf8');
		expect(after.startsWith(before)).toBe(true);
		expect(JSON.parse(after.trim().split('\n').at(-1)!)).toMatchObject({ minor: true, steps: [{ id: 'akimat', fields: ['kicker (en)'] }] });
		// the banner still names the last non-minor update
		expect(await (await api.get('/en/step/akimat')).text()).toContain('Le titre de l’étape sur l’akimat a été précisé.');
		expect(await (await api.get('/en/corrections')).text()).toContain('Minor correction');
	});

	test('the Atom feed is valid Atom 1.0 with the required elements', async ({ baseURL }) => {
		for (const path of ['/corrections.atom', '/en/corrections.atom']) {
			const res = await api.get(path);
			expect(res.status()).toBe(200);
			expect(res.headers()['content-type']).toMatch(/^application\/atom\+xml/);
			const xml = await res.text();
			expect(XMLValidator.validate(xml)).toBe(true);
			const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) }).parse(xml);
			const feed = parsed.feed;
			expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
			expect(feed.id).toBe(`${baseURL}${path.replace('.atom', '')}`);
			expect(String(feed.title['#text'] ?? feed.title)).toMatch(/Corrections/);
			expect(Date.parse(feed.updated)).not.toBeNaN();
			expect(feed.link.find((l: any) => l['@rel'] === 'self')['@href']).toBe(`${baseURL}${path}`);
			expect(feed.author.name).toBe('Qantar');
			expect(feed.entry.length).toBeGreaterThanOrEqual(2);
			for (const e of feed.entry) {
				expect(e.id).toMatch(/^http.*#\d{4}-/);
				expect(String(e.title['#text'] ?? e.title)).not.toBe('');
				expect(Date.parse(e.updated)).not.toBeNaN();
				expect(e.link[0]['@href']).toMatch(/^http/);
				expect(String(e.content['#text'] ?? e.content)).not.toBe('');
			}
			// newest first: the minor one, then the one with the note
			expect(String(feed.entry[1].title['#text'] ?? feed.entry[1].title)).toContain('Le titre de l’étape');
			expect(feed.entry[1].link[0]['@href']).toBe(`${baseURL}${path.startsWith('/en') ? '/en' : ''}/step/akimat`);
		}
	});

	test('a feature edit is live on save; the next publish needs a note for it and lists it', async ({ baseURL }) => {
		const { etag, collection } = await getLayer(api, 'protest-cities');
		const f = collection.features.find((x: any) => x.properties.id === 'zhanaozen');
		f.properties.description_en = `${f.properties.description_en} The price rise was reversed on 4 January.`;
		const saved = await api.put('/api/layers/protest-cities', { headers: writeHeaders(baseURL!, tester, etag), data: collection });
		expect(saved.status(), await saved.text()).toBe(200);
		const s = await getStory(api, tester);
		expect(s.unpublishedChanges).toBe(true);
		const noNote = await api.post('/api/story/publish', { headers: headers(baseURL!, tester), data: { etag: s.etag, note: '', minor: false } });
		expect(noNote.status()).toBe(422);
		expect((await noNote.json()).problems[0].message).toMatch(/zhanaozen/);
		const note = 'The description of Zhanaozen now says when the price rise was reversed.';
		const res = await api.post('/api/story/publish', { headers: headers(baseURL!, tester), data: { etag: s.etag, note, minor: false } });
		expect(res.status(), await res.text()).toBe(200);
		expect((await res.json()).entries[0].features).toEqual([{ id: 'zhanaozen', layer: 'protest-cities', fields: ['description_en'] }]);
		expect((await getStory(api, tester)).unpublishedChanges).toBe(false);
		// the explore details of the feature show the update
		const explore = await (await api.get('/en/explore?feature=zhanaozen')).text();
		expect(explore).toMatch(/Updated \d{1,2} \S+ \d{4} at \d{2}:\d{2} \(Almaty time\) — The description of Zhanaozen/);
		expect(await (await api.get('/en/corrections')).text()).toContain('Zhanaozen');
	});
});
