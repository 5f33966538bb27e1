import { describe, expect, it } from 'vitest';
import { commitFile, commitMessage, commitOutsideChange, diffLayers, ensureRepository, fileHistory, isDirty, removedIds } from './git-history';

const fc = (...features: [string, number][]) =>
	JSON.stringify({
		type: 'FeatureCollection',
		features: features.map(([id, x]) => ({ properties: { id }, geometry: { type: 'Point', coordinates: [x, 0] } }))
	});

describe('diffLayers', () => {
	it('lists added, modified and removed ids', () => {
		expect(diffLayers(fc(['a', 1], ['b', 1], ['c', 1]), fc(['a', 1], ['b', 2], ['d', 1]))).toEqual({ added: ['d'], modified: ['b'], removed: ['c'] });
	});
	it('counts everything as added without a previous version', () => {
		expect(diffLayers(null, fc(['a', 1]))).toEqual({ added: ['a'], modified: [], removed: [] });
	});
});

describe('commitMessage', () => {
	it('says what changed in the subject and lists every id in the body', () => {
		expect(commitMessage('almaty-sites', { added: ['a', 'b'], modified: ['c'], removed: ['d'] })).toBe(
			'almaty-sites: added a, b; modified c; removed d\n\nAdded: a b\nModified: c\nRemoved: d\n'
		);
		const many = Array.from({ length: 30 }, (_, i) => `f${i}`);
		const m = commitMessage('x', { added: many, modified: [], removed: [] });
		expect(m.split('\n')[0]).toBe('x: added f0, f1, f2, f3, f4, f5, f6, f7, f8, f9 and 20 more');
		expect(m).toContain(`Added: ${many.join(' ')}`);
	});
});

describe('the history in a real repository', () => {
	const layer = (ids: string[]) => `${fc(...ids.map((id): [string, number] => [id, 1]))}\n`;
	async function repo(ids: string[]) {
		const { mkdtemp, writeFile } = await import('node:fs/promises');
		const { tmpdir } = await import('node:os');
		const { join } = await import('node:path');
		const dir = await mkdtemp(join(tmpdir(), 'qantar-history-'));
		await writeFile(join(dir, 'sites.geojson'), layer(ids));
		await ensureRepository(dir);
		return { dir, write: (text: string) => writeFile(join(dir, 'sites.geojson'), text), path: (p: string) => join(dir, p) };
	}

	it('records a save of 5,000 long ids (the message goes through stdin: no E2BIG), with every id in the history', async () => {
		const r = await repo(['a']);
		const ids = Array.from({ length: 5000 }, (_, i) => `a-new-feature-with-a-forty-char-id-${String(i).padStart(4, '0')}`);
		await r.write(layer(['a', ...ids]));
		const message = commitMessage('sites', { added: ids, modified: [], removed: [] });
		expect(message.length).toBeGreaterThan(200_000);
		await commitFile(r.dir, 'sites.geojson', 'tester', message);
		const [last] = await fileHistory(r.dir, 'sites.geojson', 1);
		expect(last!.added).toHaveLength(5000);
		expect(await isDirty(r.dir, 'sites.geojson')).toBe(false);
	}, 30_000);

	it('recovers from a stale index.lock left by a killed git, and says so', async () => {
		const { writeFile } = await import('node:fs/promises');
		const { vi } = await import('vitest');
		const r = await repo(['a']);
		await writeFile(r.path('.git/index.lock'), '');
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		await r.write(layer(['a', 'b']));
		await commitFile(r.dir, 'sites.geojson', 'tester', commitMessage('sites', { added: ['b'], modified: [], removed: [] }));
		expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/stale .*index\.lock/);
		warn.mockRestore();
		expect((await fileHistory(r.dir, 'sites.geojson', 1))[0]!.added).toEqual(['b']);
		expect(await isDirty(r.dir, 'sites.geojson')).toBe(false);
	});

	it('records a change made outside the editor against the last commit: removed ids are removed (and never reused)', async () => {
		const { vi } = await import('vitest');
		const r = await repo(['a', 'b', 'c']);
		await r.write(layer(['a', 'c', 'd']));
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		await commitOutsideChange(r.dir, 'sites.geojson', 'sites', layer(['a', 'c', 'd']));
		warn.mockRestore();
		const [last] = await fileHistory(r.dir, 'sites.geojson', 1);
		expect(last).toMatchObject({ added: ['d'], modified: [], removed: ['b'] });
		expect([...(await removedIds(r.dir))]).toEqual(['b']);
	});
});
