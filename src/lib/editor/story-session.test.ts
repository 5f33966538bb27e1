import { describe, expect, it } from 'vitest';
import type { StoryDoc } from './story-api-client';
import { StoryApi, type FetchLike, type StoryProblem } from './story-api-client';
import { StorySession, type Validation } from './story-session';
import { changedPaths } from '$lib/story/story-diff';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers });
const step = (id: string, highlight: string[] = []) => ({
	id,
	date: '2022-01-05',
	period: 'reported',
	camera: { center: [76.9, 43.2], zoom: 10 },
	layers: { show: ['almaty-sites'] },
	highlight,
	sources: ['src-a']
});
const text = (title: string) => ({ kicker: '5 January', title, body: ['One paragraph.'], alt: 'A map.' });
function doc(): StoryDoc {
	return {
		steps: { dispatch: { sources: ['src-a'] }, method: { sources: ['src-a'] }, steps: [step('akimat', ['almaty-akimat']), step('airport')] },
		text: {
			fr: { title: 'T', dek: 'D', byline: 'B', sources_intro: 'S', steps: { akimat: text('Akimat'), airport: text('Aéroport') } },
			en: { title: 'T', dek: 'D', byline: 'B', sources_intro: 'S', steps: { akimat: text('Akimat'), airport: text('Airport') } }
		},
		figures: { groups: [] },
		sources: { sources: [{ id: 'src-a', url: 'https://example.org/a', title: 'A', headline: true, publisher: 'AP', date: '2022-01-05', lang: 'en' }] }
	} as unknown as StoryDoc;
}
const FEATURES = new Map([
	['almaty-akimat', 'almaty-sites'],
	['almaty-airport', 'almaty-sites'],
	['aktau', 'protest-cities']
]);

/** A stand-in for validateStoryDoc: empty titles and unknown features, with their field paths. */
function validate(d: StoryDoc): Validation {
	const problems: StoryProblem[] = [];
	d.steps.steps.forEach((s, i) => {
		s.highlight?.forEach((id, j) => {
			if (!FEATURES.has(id)) problems.push({ path: ['steps', 'steps', i, 'highlight', j], message: `unknown feature "${id}"` });
		});
		for (const lang of ['fr', 'en'] as const)
			if (!d.text[lang].steps[s.id]?.title.trim()) problems.push({ path: ['text', lang, 'steps', s.id, 'title'], message: 'is required' });
	});
	return problems.length ? { ok: false, problems } : ({ ok: true, stories: {} } as unknown as Validation);
}

/** The story API in memory: a draft with versions (ETag), If-Match checked, the published version, roles. */
function fakeServer(role: 'editor' | 'publisher' = 'publisher') {
	const versions: StoryDoc[] = [doc()];
	let published = 0;
	const etag = () => `"v${versions.length}"`;
	const requests: { method: string; url: string; body?: unknown }[] = [];
	const fetchFn: FetchLike = async (url, init = {}) => {
		const method = init.method ?? 'GET';
		const headers = new Headers(init.headers);
		const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
		requests.push({ method, url, body });
		if (url === '/api/story' && method === 'GET')
			return json(
				{
					document: versions.at(-1),
					etag: etag(),
					draftRev: `r${versions.length}`,
					publishedRev: `r${published + 1}`,
					publishedAt: '2026-12-06T00:00:00Z',
					unpublishedChanges: published !== versions.length - 1,
					role
				},
				200,
				{ etag: etag() }
			);
		if (url === '/api/story' && method === 'PUT') {
			if (headers.get('if-match') !== etag())
				return json({ error: 'The story was saved by someone else', etag: etag(), changed: ['steps › akimat › title (fr)'] }, 409);
			const v = validate(body);
			if (!v.ok) return json({ error: 'The story is invalid', problems: v.problems }, 422);
			versions.push(body);
			return json({ etag: etag(), rev: `r${versions.length}` });
		}
		if (url === '/api/story/published') return json(versions[published]);
		if (url === '/api/story/publish') {
			if (role !== 'publisher') return json({ error: 'Only publishers publish' }, 403);
			if (body.etag !== etag()) return json({ error: 'The draft moved', etag: etag(), changed: [] }, 409);
			if (!body.note && !body.minor)
				return json({ error: 'Say what changed for readers, or tick "minor"', problems: [{ path: ['note'], message: 'is required' }] }, 422);
			published = versions.length - 1;
			return json({ publishedRev: `r${versions.length}`, entries: [] });
		}
		return json({ error: 'not found' }, 404);
	};
	return {
		fetchFn,
		requests,
		versions,
		get published() {
			return versions[published]!;
		}
	};
}

async function open(role: 'editor' | 'publisher' = 'publisher') {
	const server = fakeServer(role);
	const session = new StorySession(new StoryApi(server.fetchFn), validate);
	await session.load();
	return { server, session };
}

describe('StorySession', () => {
	it('loads the draft with its version and the editor role', async () => {
		const { session } = await open('editor');
		expect(session.state).toMatchObject({ loading: false, etag: '"v1"', role: 'editor', dirty: false });
		expect(session.steps.map((s) => s.id)).toEqual(['akimat', 'airport']);
	});

	it('saves an edited title as a new draft version with If-Match; readers keep the published one', async () => {
		const { server, session } = await open();
		session.updateText('fr', 0, (t) => (t.title = 'L’akimat en feu'));
		expect(session.state.dirty).toBe(true);
		await session.save();
		expect(session.state).toMatchObject({ etag: '"v2"', dirty: false, unpublishedChanges: true });
		expect(server.versions.at(-1)!.text.fr.steps.akimat!.title).toBe('L’akimat en feu');
		expect(server.published.text.fr.steps.akimat!.title).toBe('Akimat');
	});

	it('puts each problem next to its field and refuses to save an unknown feature or an empty title', async () => {
		const { server, session } = await open();
		session.toggleHighlight(1, 'zzz-nowhere');
		session.updateText('en', 0, (t) => (t.title = ' '));
		expect(session.problemsAt(['steps', 'steps', 1, 'highlight']).map((p) => p.message)).toEqual(['unknown feature "zzz-nowhere"']);
		expect(session.problemsAt(['text', 'en', 'steps', 'akimat', 'title'])).toHaveLength(1);
		expect(session.problemCount(0)).toBe(1);
		expect(session.problemCount(1)).toBe(1);
		expect(session.canSave).toBe(false);
		await session.save();
		expect(session.state.status).toMatch(/names a feature that no layer has/);
		expect(server.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
	});

	it('a highlight in a layer the step does not show adds that layer', async () => {
		const { session } = await open();
		session.toggleHighlight(0, 'aktau', (id) => FEATURES.get(id));
		expect(session.steps[0]!.layers.show).toEqual(['almaty-sites', 'protest-cities']);
		session.toggleHighlight(0, 'aktau');
		expect(session.steps[0]!.highlight).toEqual(['almaty-akimat']);
	});

	it('adds, moves (announcing it) and deletes steps, their texts following them', async () => {
		const { session } = await open();
		session.addStep();
		expect(session.steps.map((s) => s.id)).toEqual(['akimat', 'new-step-1', 'airport']);
		expect(session.state.selected).toBe(1);
		expect(session.text('fr', 'new-step-1')).toEqual({ kicker: '', title: '', body: [''], alt: '' });
		session.renameStep(1, 'massimov');
		expect(Object.keys(session.doc!.text.en.steps)).toEqual(['akimat', 'airport', 'massimov']);
		session.updateText('en', 1, (t) => (t.title = 'Massimov detained'));
		session.moveStep(1, 2);
		expect(session.steps.map((s) => s.id)).toEqual(['akimat', 'airport', 'massimov']);
		expect(session.state.announcement).toBe('Step “Massimov detained” moved to position 3 of 3');
		expect(session.state.selected).toBe(2);
		session.deleteStep(0);
		expect(session.steps.map((s) => s.id)).toEqual(['airport', 'massimov']);
		expect(session.doc!.text.fr.steps.akimat).toBeUndefined();
		expect(session.state.announcement).toBe('Step “Akimat” deleted');
	});

	it('a 409 says what changed; reloading keeps my version aside to put back', async () => {
		const { server, session } = await open();
		const other = new StorySession(new StoryApi(server.fetchFn), validate);
		await other.load();
		other.updateText('fr', 0, (t) => (t.title = 'Theirs'));
		await other.save();
		session.updateText('fr', 0, (t) => (t.title = 'Mine'));
		await session.save();
		expect(session.state.conflict?.changed).toEqual(['steps › akimat › title (fr)']);
		expect(server.versions.at(-1)!.text.fr.steps.akimat!.title).toBe('Theirs');
		await session.reloadKeepingMine();
		expect(session.state.conflict).toBeNull();
		expect(session.text('fr', 'akimat')!.title).toBe('Theirs');
		expect(session.state.kept!.text.fr.steps.akimat!.title).toBe('Mine');
		session.reapplyKept();
		expect(session.text('fr', 'akimat')!.title).toBe('Mine');
		await session.save();
		expect(server.versions.at(-1)!.text.fr.steps.akimat!.title).toBe('Mine');
	});

	it('shows a 422 problem from the server next to its field until the next edit', async () => {
		const { session } = await open();
		// the server refuses what the browser did not see (another validation): simulated by a permissive validator here
		const lax = new StorySession(new StoryApi(fakeServer().fetchFn), () => ({ ok: true, stories: {} }) as unknown as Validation);
		await lax.load();
		lax.updateText('fr', 1, (t) => (t.title = ''));
		await lax.save();
		expect(lax.problemsAt(['text', 'fr', 'steps', 'airport', 'title']).map((p) => p.message)).toEqual(['is required']);
		lax.updateText('fr', 1, (t) => (t.title = 'Aéroport'));
		expect(lax.problems).toHaveLength(0);
		expect(session.problems).toHaveLength(0);
	});

	it('publishes the saved draft with a note; refuses before saving, and says why when refused', async () => {
		const { server, session } = await open();
		session.updateText('fr', 0, (t) => (t.title = 'Nouveau'));
		expect(await session.publish('Typo', true)).toMatch(/Save the draft first/);
		await session.save();
		expect(changedPaths(await session.published(), session.doc!)).toEqual(['steps › akimat › title (fr)']);
		expect(await session.publish('', false)).toMatch(/Say what changed/);
		expect(await session.publish('Title corrected', false)).toBeNull();
		expect(server.published.text.fr.steps.akimat!.title).toBe('Nouveau');
		expect(session.state.unpublishedChanges).toBe(false);
	});

	it('an editor who may not publish is told so', async () => {
		const { session } = await open('editor');
		expect(await session.publish('note', false)).toBe('Only publishers publish');
	});
});

describe('StorySession with the server’s own checks on the real story', () => {
	it('puts an empty French title and an unknown highlight next to those fields, and refuses to save', async () => {
		const { readFileSync } = await import('node:fs');
		const { parse } = await import('yaml');
		const { STORY_LAYERS } = await import('$lib/geo/layers');
		const { validateStoryDocument } = await import('$lib/schema/story-document');
		const read = (f: string) => parse(readFileSync(`content/${f}`, 'utf8'));
		const real = {
			steps: read('steps.yaml'),
			text: { fr: read('story.fr.yaml'), en: read('story.en.yaml') },
			figures: read('figures.yaml'),
			sources: read('sources.yaml')
		};
		const layerOf = new Map<string, string>();
		for (const l of STORY_LAYERS) for (const f of JSON.parse(readFileSync(`static/geo/${l.file}`, 'utf8')).features) layerOf.set(String(f.properties.id), l.id);
		const puts: string[] = [];
		const fetchFn: FetchLike = async (url, init = {}) => {
			if (init.method === 'PUT') puts.push(url);
			return json({
				document: real,
				etag: '"t1"',
				draftRev: 'a',
				publishedRev: 'a',
				publishedAt: '2026-12-06T00:00:00Z',
				unpublishedChanges: false,
				role: 'publisher'
			});
		};
		const session = new StorySession(new StoryApi(fetchFn), (d) => validateStoryDocument(d, { layerOf }));
		await session.load();
		expect(session.problems).toEqual([]);
		const i = session.steps.findIndex((s) => s.id === 'akimat');
		session.updateText('fr', i, (t) => (t.title = ''));
		session.updateStep(i, (s) => (s.highlight = [...(s.highlight ?? []), 'no-such-place']));
		expect(session.problemsAt(['text', 'fr', 'steps', 'akimat', 'title']).length).toBe(1);
		expect(
			session
				.problemsAt(['steps', 'steps', i, 'highlight'])
				.map((p) => p.message)
				.join()
		).toMatch(/no-such-place/);
		expect(session.problemCount(i)).toBe(2);
		expect(session.unknownFeatures).toHaveLength(1);
		await session.save();
		expect(puts).toEqual([]);
		expect(session.state.status).toMatch(/names a feature that no layer has/);
	});
});
