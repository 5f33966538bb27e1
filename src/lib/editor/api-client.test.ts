import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { EditorApi, EditorApiError, LayerConflictError, type FetchLike } from './api-client';

interface Call {
	url: string;
	method: string;
	headers: Record<string, string>;
	body: string | null;
}

/** A fake fetch that answers from a list of responses, in order, and records what it was asked. */
function fakeFetch(...answers: (Response | Error)[]) {
	const calls: Call[] = [];
	const fetchFn: FetchLike = async (url, init = {}) => {
		const body = init.body instanceof Blob ? await init.body.text() : ((init.body as string | undefined) ?? null);
		calls.push({ url, method: init.method ?? 'GET', headers: Object.fromEntries(new Headers(init.headers).entries()), body });
		const next = answers.shift();
		if (!next) throw new Error(`unexpected request ${url}`);
		if (next instanceof Error) throw next;
		return next;
	};
	return { fetchFn, calls };
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const point = (id: string): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [70, 45] }, properties: { id } });

describe('EditorApi', () => {
	it('loads a layer with its ETag, never from the browser cache', async () => {
		const { fetchFn, calls } = fakeFetch(json({ type: 'FeatureCollection', features: [point('a')] }, 200, { etag: '"e1"' }));
		const layer = await new EditorApi(fetchFn).layer('protest-cities');
		expect(layer).toEqual({ etag: '"e1"', features: [point('a')] });
		expect(calls[0]).toMatchObject({ url: '/api/layers/protest-cities', method: 'GET' });
	});

	it('asks for the ids of all layers once, then revalidates with the ETag (304 keeps the last answer)', async () => {
		const ids = { a: ['x', 'y'], b: [] };
		const { fetchFn, calls } = fakeFetch(
			json(ids, 200, { etag: '"ids1"' }),
			new Response(null, { status: 304 }),
			json({ a: ['x'], b: ['z'] }, 200, { etag: '"ids2"' })
		);
		const api = new EditorApi(fetchFn);
		expect(await api.layerIds()).toEqual(ids);
		expect(calls[0]!.headers['if-none-match']).toBeUndefined();
		expect(await api.layerIds()).toEqual(ids);
		expect(calls[1]!.headers['if-none-match']).toBe('"ids1"');
		expect(await api.layerIds()).toEqual({ a: ['x'], b: ['z'] });
		expect(calls.map((c) => c.url)).toEqual(['/api/layers/ids', '/api/layers/ids', '/api/layers/ids']);
	});

	it('saves the whole collection with If-Match and returns the new ETag and revision', async () => {
		const answer = { etag: '"e2"', rev: 'abc', changes: { added: ['b'], modified: [], removed: [] }, warnings: [] };
		const { fetchFn, calls } = fakeFetch(json(answer, 200, { etag: '"e2"' }));
		expect(await new EditorApi(fetchFn).save('protest-cities', [point('a'), point('b')], '"e1"')).toEqual(answer);
		expect(calls[0]).toMatchObject({ method: 'PUT', url: '/api/layers/protest-cities', headers: { 'if-match': '"e1"', 'content-type': 'application/json' } });
		expect(JSON.parse(calls[0]!.body!)).toEqual({ type: 'FeatureCollection', features: [point('a'), point('b')] });
	});

	it('a 409 is a LayerConflictError with the current version and what the other editor changed', async () => {
		const changed = { added: [], modified: ['atyrau'], removed: [] };
		const { fetchFn } = fakeFetch(
			json({ error: 'The layer was saved by someone else', problems: [{ field: 'If-Match', message: 'stale' }], etag: '"e9"', changed }, 409)
		);
		const e = await new EditorApi(fetchFn).save('protest-cities', [], '"e1"').catch((x) => x);
		expect(e).toBeInstanceOf(LayerConflictError);
		expect(e).toMatchObject({ status: 409, etag: '"e9"', changed, message: 'The layer was saved by someone else', request: 'PUT /api/layers/protest-cities' });
	});

	it('a 422 is an EditorApiError with the server’s sentence and each problem’s feature and field path', async () => {
		const problems = [{ file: 'x.geojson', feature: 1, id: 'b', field: 'properties.name_en', message: 'required' }];
		const { fetchFn } = fakeFetch(json({ error: 'The layer has 1 problem: nothing was saved', problems, warnings: [] }, 422));
		const e = await new EditorApi(fetchFn).save('protest-cities', [point('a'), point('b')], '"e1"').catch((x) => x);
		expect(e).toBeInstanceOf(EditorApiError);
		expect(e).not.toBeInstanceOf(LayerConflictError);
		expect(e).toMatchObject({ status: 422, message: 'The layer has 1 problem: nothing was saved', problems });
	});

	it('an answer that is not JSON (a proxy’s HTML 502) says the status and which request', async () => {
		const { fetchFn } = fakeFetch(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
		const e = await new EditorApi(fetchFn).history('protest-cities').catch((x) => x);
		expect(e).toMatchObject({ status: 502, message: '502 Bad Gateway', request: 'GET /api/layers/protest-cities/history?limit=50', problems: [] });
	});

	it('no answer at all (offline) is status 0 and says so', async () => {
		const { fetchFn } = fakeFetch(new TypeError('Failed to fetch'));
		const e = await new EditorApi(fetchFn).layer('kazakhstan').catch((x) => x);
		expect(e).toBeInstanceOf(EditorApiError);
		expect(e).toMatchObject({ status: 0, message: 'the server could not be reached (Failed to fetch)', request: 'GET /api/layers/kazakhstan' });
	});

	it('a successful answer of the wrong shape is refused, not passed on', async () => {
		const { fetchFn } = fakeFetch(json({ type: 'Feature' }), json(['a', 'b']));
		const api = new EditorApi(fetchFn);
		await expect(api.layer('kazakhstan')).rejects.toThrow('the answer is not a FeatureCollection');
		await expect(api.layerIds()).rejects.toThrow('the answer is not a list of ids per layer');
	});

	it('history, one revision and a restore (with If-Match) reach their routes', async () => {
		const revisions = [{ rev: 'r2', author: 'ana', date: '2026-12-01T00:00:00Z', message: 'm', added: [], modified: ['a'], removed: [] }];
		const restored = { etag: '"e3"', rev: 'r3', restored: 'r1', changes: { added: [], modified: [], removed: [] } };
		const { fetchFn, calls } = fakeFetch(json({ layer: 'kazakhstan', revisions }), json({ type: 'FeatureCollection', features: [] }), json(restored));
		const api = new EditorApi(fetchFn);
		expect(await api.history('kazakhstan', 50)).toEqual(revisions);
		expect(await api.revision('kazakhstan', 'r1')).toEqual({ type: 'FeatureCollection', features: [] });
		expect(await api.restore('kazakhstan', 'r1', '"e2"')).toEqual(restored);
		expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
			'GET /api/layers/kazakhstan/history?limit=50',
			'GET /api/layers/kazakhstan/history/r1',
			'POST /api/layers/kazakhstan/restore'
		]);
		expect(calls[2]).toMatchObject({ headers: { 'if-match': '"e2"' }, body: '{"rev":"r1"}' });
	});
});
