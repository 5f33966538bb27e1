// Two servers on one data remote (QANTAR_DATA_REMOTE, a bare repository on
// disk), each with its own data directory: a session opened on one is valid on
// the other; two saves from the same version sent at once to the two servers:
// one lands, the other gets the 409 an editor already handles, with what
// changed; the loser's readers then see the winner's feature, and the remote
// holds one revision of it.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startBuiltServer } from '../../server/start-built.js';
import { client, getLayer, newCity, postSignIn, password, writeHeaders } from './helpers';

const LAYER = 'protest-cities';
const ids = (fc: any): string[] => fc.features.map((f: any) => f.properties.id);
const remoteLog = (remote: string) => execFileSync('git', ['--git-dir', remote, 'log', '--format=%an %s', 'main'], { encoding: 'utf8' }).trim().split('\n');

test.describe.serial('two servers on one data remote', () => {
	const root = resolve(`.tmp/remote-${randomBytes(4).toString('hex')}`);
	const remote = join(root, 'data.git');
	let servers: Awaited<ReturnType<typeof startBuiltServer>>[] = [];

	test.beforeAll(async () => {
		test.setTimeout(120_000);
		mkdirSync(root, { recursive: true });
		execFileSync('git', ['init', '-q', '--bare', remote]);
		const env = (name: string) => {
			const dir = join(root, name);
			mkdirSync(dir);
			for (const f of readdirSync('static/geo').filter((f) => f.endsWith('.geojson'))) cpSync(join('static/geo', f), join(dir, f));
			return {
				QANTAR_DATA_DIR: dir,
				QANTAR_EDITORS_FILE: resolve('.tmp/test-editors.json'),
				QANTAR_DATA_REMOTE: remote,
				QANTAR_SESSION_SECRET: 'a session secret shared by the two servers',
				QANTAR_DATA_SYNC_SECONDS: '1'
			};
		};
		servers = [await startBuiltServer({ env: env('a') }), await startBuiltServer({ env: env('b') })];
	});
	test.afterAll(async () => {
		await Promise.all(servers.map((s) => s.stop()));
		rmSync(root, { recursive: true, force: true });
	});

	test('a session opened on one server is valid on the other', async () => {
		const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
		const api = await client(a.base);
		const res = await postSignIn(api, a.base, 'tester', password('tester'));
		expect(res.status()).toBe(303);
		const cookie = res
			.headersArray()
			.find((h) => h.name.toLowerCase() === 'set-cookie')!
			.value.split(';')[0]!;
		const other = await client(b.base);
		expect((await other.get(`/api/layers/${LAYER}/history`, { headers: { cookie } })).status()).toBe(200);
		expect((await other.get(`/api/layers/${LAYER}/history`)).status()).toBe(401);
		await Promise.all([api.dispose(), other.dispose()]);
	});

	test('concurrent saves from the same version: one lands, the other gets 409 with what changed; nothing is lost', async () => {
		const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
		const cookieOf = async (base: string) => {
			const api = await client(base);
			const res = await postSignIn(api, base, 'tester', password('tester'));
			await api.dispose();
			return res
				.headersArray()
				.find((h) => h.name.toLowerCase() === 'set-cookie')!
				.value.split(';')[0]!;
		};
		const [apiA, apiB] = [await client(a.base), await client(b.base)];
		const [cookieA, cookieB] = [await cookieOf(a.base), await cookieOf(b.base)];
		const [fromA, fromB] = [await getLayer(apiA, LAYER), await getLayer(apiB, LAYER)];
		expect(fromA.etag).toBe(fromB.etag);

		const put = (api: typeof apiA, base: string, cookie: string, id: string) =>
			api.put(`/api/layers/${LAYER}`, {
				headers: writeHeaders(base, cookie, fromA.etag),
				data: { ...fromA.collection, features: [...fromA.collection.features, newCity(id)] }
			});
		const [resA, resB] = await Promise.all([put(apiA, a.base, cookieA, 'town-saved-on-a'), put(apiB, b.base, cookieB, 'town-saved-on-b')]);
		const statuses = [resA.status(), resB.status()];
		expect(statuses.sort()).toEqual([200, 409]);

		const [winner, loser] = resA.status() === 200 ? (['town-saved-on-a', 'town-saved-on-b'] as const) : (['town-saved-on-b', 'town-saved-on-a'] as const);
		const conflict = await (resA.status() === 409 ? resA : resB).json();
		expect(conflict.changed).toEqual({ added: [winner], modified: [], removed: [] });
		expect(remoteLog(remote)[0]).toBe(`tester ${LAYER}: added ${winner}`);
		expect(remoteLog(remote).filter((l) => l.includes(loser))).toEqual([]);

		// the loser's server took the winner's revision while refusing: its editor reloads and saves on top of it
		const loserApi = resA.status() === 409 ? apiA : apiB;
		const loserBase = resA.status() === 409 ? a.base : b.base;
		const loserCookie = resA.status() === 409 ? cookieA : cookieB;
		const fresh = await getLayer(loserApi, LAYER);
		expect(ids(fresh.collection)).toContain(winner);
		const again = await loserApi.put(`/api/layers/${LAYER}`, {
			headers: writeHeaders(loserBase, loserCookie, fresh.etag),
			data: { ...fresh.collection, features: [...fresh.collection.features, newCity(loser)] }
		});
		expect(again.status(), await again.text()).toBe(200);
		expect(remoteLog(remote).slice(0, 2)).toEqual([`tester ${LAYER}: added ${loser}`, `tester ${LAYER}: added ${winner}`]);

		// the winner's server follows the remote between writes: its readers get both towns within a few syncs
		const winnerApi = loserApi === apiA ? apiB : apiA;
		await expect.poll(async () => ids((await getLayer(winnerApi, LAYER)).collection), { timeout: 15_000 }).toEqual(expect.arrayContaining([winner, loser]));
		await Promise.all([apiA.dispose(), apiB.dispose()]);
	});
});
