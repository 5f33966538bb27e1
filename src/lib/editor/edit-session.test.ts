import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { EditorApi, type FetchLike } from './api-client';
import { EditSession, type LayerInfo } from './edit-session';
import { diff } from './merge';

const SOURCE = 'a-source';
const place = (id: string, over: Record<string, unknown> = {}): Feature => ({
	type: 'Feature',
	geometry: { type: 'Point', coordinates: [70, 45] },
	properties: {
		id,
		name_fr: `Lieu ${id}`,
		name_en: `Place ${id}`,
		kind: 'city',
		description_fr: '',
		description_en: '',
		sources: [SOURCE],
		confidence: 'medium',
		period: 'reported',
		...over
	}
});
const LAYERS: LayerInfo[] = [
	{ id: 'cities', file: 'cities.geojson', name: 'Cities', shape: 'point', color: '#d2452b' },
	{ id: 'bases', file: 'bases.geojson', name: 'Bases', shape: 'point', color: '#6b4fa0' }
];
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers });

/**
 * A small stand-in for the write API, in memory: layers with a version each (the ETag), If-Match
 * checked (409 with the ids changed since), a feature named "refused by the server" answered 422.
 */
function fakeServer(initial: Record<string, Feature[]>) {
	const layers = new Map(Object.entries(initial).map(([id, features]) => [id, { versions: [features] }]));
	const etagOf = (id: string) => `"${id}-v${layers.get(id)!.versions.length}"`;
	const current = (id: string) => layers.get(id)!.versions.at(-1)!;
	const requests: { method: string; url: string; ifMatch?: string; body?: { features: Feature[] } }[] = [];
	const write = (id: string, features: Feature[]) => {
		const before = current(id);
		layers.get(id)!.versions.push(features);
		return { etag: etagOf(id), rev: `rev-${id}-${layers.get(id)!.versions.length}`, changes: diff(before, features), warnings: [] };
	};
	const fetchFn: FetchLike = async (url, init = {}) => {
		const method = init.method ?? 'GET';
		const headers = new Headers(init.headers);
		const body = init.body instanceof Blob ? JSON.parse(await init.body.text()) : undefined;
		requests.push({ method, url, ifMatch: headers.get('if-match') ?? undefined, body });
		if (url === '/api/layers/ids') return json(Object.fromEntries([...layers.keys()].map((id) => [id, current(id).map((f) => f.properties!.id)])));
		const id = /^\/api\/layers\/([a-z-]+)$/.exec(url)?.[1] ?? '';
		if (!layers.has(id)) return json({ error: `There is no layer "${id}"`, problems: [{ field: 'layer', message: 'unknown layer' }] }, 404);
		if (method === 'GET') return json({ type: 'FeatureCollection', features: current(id) }, 200, { etag: etagOf(id) });
		if (headers.get('if-match') !== etagOf(id)) {
			const version = layers.get(id)!.versions.findIndex((_, i) => `"${id}-v${i + 1}"` === headers.get('if-match'));
			const changed = version < 0 ? null : diff(layers.get(id)!.versions[version]!, current(id));
			return json(
				{ error: 'The layer was saved by someone else since you loaded it', problems: [{ field: 'If-Match', message: 'stale' }], etag: etagOf(id), changed },
				409
			);
		}
		const refused = body.features.findIndex((f: Feature) => f.properties?.name_en === 'refused by the server');
		if (refused >= 0)
			return json(
				{
					error: 'The layer has 1 problem: nothing was saved',
					problems: [{ feature: refused, field: 'properties.name_en', message: 'is refused' }],
					warnings: []
				},
				422
			);
		return json(write(id, body.features), 200);
	};
	return { fetchFn, requests, current, etagOf, write };
}

async function open(layers: Record<string, Feature[]> = { cities: [place('aktau'), place('atyrau')], bases: [place('chkalovsky')] }) {
	const server = fakeServer(layers);
	const session = new EditSession(new EditorApi(server.fetchFn), { layers: LAYERS, retiredIds: ['old-town'], sourceIds: [SOURCE], layerId: 'cities' });
	await session.load('cities');
	return { server, session };
}
/** selects the feature with this id and sets one field */
function edit(session: EditSession, id: string, field: string, value: unknown) {
	session.copy.select(session.features.find((f) => f.properties.id === id)!.key);
	session.setField(field, value);
}
const propsOf = (fs: readonly { properties: Record<string, unknown> | null }[], id: string) => fs.find((f) => f.properties?.id === id)?.properties;

describe('EditSession', () => {
	it('loads a layer with two requests, the layer and the ids of all layers, and nothing is unsaved', async () => {
		const { server, session } = await open();
		expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/layers/cities', 'GET /api/layers/ids']);
		expect(session.features.map((f) => f.properties.id)).toEqual(['aktau', 'atyrau']);
		expect(session.state).toMatchObject({ etag: '"cities-v1"', loading: false, status: 'Cities: 2 features loaded' });
		expect(session.copy.dirty).toBe(false);
		expect(session.summary).toMatchObject({ problems: 0, pending: 0 });
	});

	it('an edit makes the layer dirty; undoing back to what was loaded makes it clean again', async () => {
		const { session } = await open();
		edit(session, 'aktau', 'description_en', 'Edited');
		expect(session.copy.dirty).toBe(true);
		expect(session.copy.countUnsaved()).toBe(1);
		session.undo();
		expect(session.copy.dirty).toBe(false);
		expect(session.state.status).toBe('Undone');
		session.redo();
		expect(propsOf(session.features, 'aktau')!.description_en).toBe('Edited');
	});

	it('a new feature takes an id from its English name that no layer uses and history never retired', async () => {
		const { session } = await open({ cities: [place('aktau')], bases: [place('chkalovsky')] });
		session.addFeature('n1', { type: 'Point', coordinates: [71, 46] }, 'New feature drawn');
		session.setField('name_en', 'Chkalovsky');
		expect(session.copy.selected!.properties.id).toBe('chkalovsky-2');
		session.setField('name_en', 'Old town');
		expect(session.copy.selected!.properties.id).toBe('old-town-2');
		// a new feature starts without sources, which a feature needs
		expect(session.errorsOf(session.copy.selected!).get('sources')).toEqual([expect.stringContaining('at least one source')]);
	});

	it('a save sends the working copy with If-Match, and its answer gives the next ETag', async () => {
		const { server, session } = await open();
		edit(session, 'aktau', 'description_en', 'First');
		await session.save();
		const put = server.requests.at(-1)!;
		expect(put).toMatchObject({ method: 'PUT', url: '/api/layers/cities', ifMatch: '"cities-v1"' });
		expect(propsOf(put.body!.features, 'aktau')!.description_en).toBe('First');
		expect(session.state).toMatchObject({
			etag: '"cities-v2"',
			saving: false,
			saved: { rev: 'rev-cities-2', changes: { modified: ['aktau'] } },
			historyVersion: 1
		});
		expect(session.state.status).toBe('Saved as revision rev-citi');
		expect(session.copy.dirty).toBe(false);

		edit(session, 'atyrau', 'description_en', 'Second');
		await session.save();
		expect(server.requests.at(-1)!.ifMatch).toBe('"cities-v2"');
		expect(propsOf(server.current('cities'), 'atyrau')!.description_en).toBe('Second');
	});

	it('a feature with a problem stops the save before any request', async () => {
		const { server, session } = await open();
		edit(session, 'aktau', 'sources', []);
		expect(session.summary.problems).toBe(1);
		const before = server.requests.length;
		await session.save();
		expect(server.requests).toHaveLength(before);
		expect(session.copy.dirty).toBe(true);
	});

	it('a 409 keeps my edits and shows what the other editor changed; merging keeps both, and the merged layer saves', async () => {
		const { server, session } = await open();
		edit(session, 'aktau', 'description_en', 'Mine');
		server.write(
			'cities',
			server.current('cities').map((f) => (f.properties!.id === 'atyrau' ? place('atyrau', { description_en: 'Theirs' }) : f))
		);
		await session.save();
		expect(session.state.conflict).toEqual({
			etag: '"cities-v2"',
			message: 'The layer was saved by someone else since you loaded it',
			changed: { added: [], modified: ['atyrau'], removed: [] }
		});
		expect(session.state.status).toBe('Not saved: someone else saved this layer since you loaded it');
		expect(session.state.etag).toBe('"cities-v1"');
		expect(session.copy.dirty).toBe(true);

		await session.mergeWithServer();
		expect(session.state.conflict).toBeNull();
		expect(session.state.etag).toBe('"cities-v2"');
		expect(session.state.status).toContain("Merged with the other editor's changes (atyrau)");
		expect(propsOf(session.features, 'aktau')!.description_en).toBe('Mine');
		expect(propsOf(session.features, 'atyrau')!.description_en).toBe('Theirs');
		await session.save();
		expect(server.requests.at(-1)!.ifMatch).toBe('"cities-v2"');
		expect(propsOf(server.current('cities'), 'aktau')!.description_en).toBe('Mine');
		expect(propsOf(server.current('cities'), 'atyrau')!.description_en).toBe('Theirs');
	});

	it('a 409 then reload: the server’s version is loaded and my changed feature is kept aside, to apply again', async () => {
		const { server, session } = await open();
		edit(session, 'aktau', 'description_en', 'Mine');
		server.write('cities', [...server.current('cities'), place('zhanaozen')]);
		await session.save();
		await session.reloadKeepingEdits();
		expect(session.features.map((f) => f.properties.id)).toEqual(['aktau', 'atyrau', 'zhanaozen']);
		expect(session.copy.dirty).toBe(false);
		expect(session.state.kept.map((f) => f.properties.id)).toEqual(['aktau']);
		session.applyKept(session.state.kept[0]!);
		expect(session.state.kept).toEqual([]);
		expect(propsOf(session.features, 'aktau')!.description_en).toBe('Mine');
		expect(session.copy.selected!.properties.id).toBe('aktau');
		expect(session.copy.dirty).toBe(true);
	});

	it('a 422 shows the server’s problem on the feature and field it names; editing that feature clears it', async () => {
		const { session } = await open();
		edit(session, 'atyrau', 'name_en', 'refused by the server');
		session.copy.select(null);
		await session.save();
		expect(session.state.status).toBe('Not saved: The layer has 1 problem: nothing was saved');
		expect(session.copy.selected!.properties.id).toBe('atyrau');
		expect(session.errorsOf(session.copy.selected!).get('name_en')).toEqual(['server: is refused']);
		expect(session.summary.invalid.has(session.copy.selectedKey!)).toBe(true);
		session.setField('name_en', 'Atyrau');
		expect(session.errorsOf(session.copy.selected!).get('name_en')).toBeUndefined();
		expect(session.summary.invalid.size).toBe(0);
	});

	it('switching layers discards unsaved edits; coming back loads the layer as saved', async () => {
		const { session } = await open();
		edit(session, 'aktau', 'description_en', 'Not saved');
		await session.switchLayer('bases');
		expect(session.features.map((f) => f.properties.id)).toEqual(['chkalovsky']);
		expect(session.copy.dirty).toBe(false);
		await session.switchLayer('cities');
		expect(propsOf(session.features, 'aktau')!.description_en).toBe('');
	});

	it('the ids of the other layers are taken: a feature reusing one is a problem', async () => {
		const { session } = await open();
		edit(session, 'aktau', 'id', 'chkalovsky');
		expect(session.errorsOf(session.copy.selected!).get('id')).toEqual(['is already used in bases.geojson: ids are unique across all layers']);
	});

	it('a layer that cannot be loaded says why, in the server’s words', async () => {
		const { session } = await open();
		await session.load('nowhere');
		expect(session.state.status).toBe('The layer could not be loaded: There is no layer "nowhere"');
		expect(session.state.loading).toBe(false);
	});

	it('a layer answered after a newer choice is ignored: the layer chosen last is the one edited', async () => {
		const server = fakeServer({ cities: [place('aktau')], bases: [place('chkalovsky')] });
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		const slow: FetchLike = async (url, init) => {
			if (url === '/api/layers/cities') await held;
			return server.fetchFn(url, init);
		};
		const session = new EditSession(new EditorApi(slow), { layers: LAYERS, retiredIds: [], sourceIds: [SOURCE], layerId: 'cities' });
		const first = session.load('cities');
		await session.load('bases');
		release();
		await first;
		expect(session.state).toMatchObject({ layerId: 'bases', etag: '"bases-v1"', loading: false, status: 'Bases: 1 feature loaded' });
		expect(session.features.map((f) => f.properties.id)).toEqual(['chkalovsky']);
	});

	it('tells its subscribers of every change, until they unsubscribe or it stops', async () => {
		const { session } = await open();
		let heard = 0;
		const stop = session.subscribe(() => heard++);
		edit(session, 'aktau', 'description_en', 'x');
		expect(heard).toBeGreaterThan(0);
		stop();
		const after = heard;
		session.undo();
		expect(heard).toBe(after);
	});
});
