// A layer save cannot delete a feature the story still names (published or
// draft): readers' story would fail to load, or the next publish. The save is
// refused with the steps that name it; the file and its history stay as they were.
import { test, expect, type APIRequestContext } from '@playwright/test';
import { bytesOnDisk, client, getLayer, resetPublishedStory, restoreOriginal, signIn, writeHeaders } from './helpers';

const history = async (api: APIRequestContext, cookie: string, layer: string) =>
	(await (await api.get(`/api/layers/${layer}/history?limit=500`, { headers: { cookie } })).json()).revisions.length as number;
const without = (collection: { features: { properties: { id: string } }[] }, id: string) => ({
	...collection,
	features: collection.features.filter((f) => f.properties.id !== id)
});

test.describe.serial('deleting a feature the story names', () => {
	let api: APIRequestContext;
	let cookie: string;
	test.beforeAll(async ({ baseURL }) => {
		api = await client(baseURL!);
		cookie = await signIn(baseURL!, 'tester');
	});
	test.afterAll(async ({ baseURL }) => {
		await api.dispose();
		await restoreOriginal(baseURL!, 'protest-cities');
		resetPublishedStory();
	});

	test('a feature the published story highlights: 422 naming the step and field, nothing written', async ({ baseURL }) => {
		const layer = await getLayer(api, 'almaty-sites');
		const before = bytesOnDisk('almaty-sites');
		const revisions = await history(api, cookie, 'almaty-sites');
		const res = await api.put('/api/layers/almaty-sites', {
			headers: writeHeaders(baseURL!, cookie, layer.etag),
			data: without(layer.collection, 'almaty-presidential-residence')
		});
		expect(res.status(), await res.text()).toBe(422);
		const body = await res.json();
		const [problem] = body.problems;
		expect(problem.id).toBe('almaty-presidential-residence');
		expect(problem.message).toMatch(/^"almaty-presidential-residence" cannot be deleted: the published story \(/);
		for (const place of ['step "residence" › highlight', 'step "residence" › distances', 'step "akimat" › camera › fit'])
			expect(problem.message).toContain(place);
		expect(problem.message).toMatch(/and publish first, then delete it$/);
		expect(bytesOnDisk('almaty-sites').equals(before)).toBe(true);
		expect(await history(api, cookie, 'almaty-sites')).toBe(revisions);
	});

	test('a feature only the draft names: refused, asking to change the draft; once the draft lets go of it, it can be deleted', async ({ baseURL }) => {
		// the draft highlights Atyrau (not named by the published story) at the first step showing protest cities
		const story = await (await api.get('/api/story', { headers: { cookie } })).json();
		const doc = structuredClone(story.document);
		const step = doc.steps.steps.find((s: { layers: { show: string[] } }) => s.layers.show.includes('protest-cities'));
		const original = [...step.highlight];
		step.highlight.push('atyrau');
		const storyHeaders = (etag: string) => ({ cookie, origin: baseURL!, 'content-type': 'application/json', 'if-match': etag });
		const saved = await api.put('/api/story', { headers: storyHeaders(story.etag), data: doc });
		expect(saved.status(), await saved.text()).toBe(200);

		const layer = await getLayer(api, 'protest-cities');
		const refused = await api.put('/api/layers/protest-cities', {
			headers: writeHeaders(baseURL!, cookie, layer.etag),
			data: without(layer.collection, 'atyrau')
		});
		expect(refused.status()).toBe(422);
		const [problem] = (await refused.json()).problems;
		expect(problem.message).toBe(
			`"atyrau" cannot be deleted: the draft (step "${step.id}" › highlight) still names it. Take it out of those steps in the story editor (/edit/story) first, then delete it`
		);

		step.highlight = original;
		const back = await api.put('/api/story', { headers: storyHeaders(JSON.parse(await saved.text()).etag), data: doc });
		expect(back.status(), await back.text()).toBe(200);
		const deleted = await api.put('/api/layers/protest-cities', {
			headers: writeHeaders(baseURL!, cookie, layer.etag),
			data: without(layer.collection, 'atyrau')
		});
		expect(deleted.status(), await deleted.text()).toBe(200);
	});
});
