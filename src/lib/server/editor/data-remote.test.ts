// Two data repositories on one bare remote, as two server instances: what one
// saves, the other reads before it writes; a push refused because the other
// moved ahead runs the write again on the new state; commits never pushed are
// pushed, or kept aside when the histories part.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitFile, git } from './git-history';
import { syncWithRemote, writeInStep } from './data-remote';

async function setUp(seedOfB = 'v1\n') {
	const root = await mkdtemp(join(tmpdir(), 'qantar-remote-'));
	const remote = join(root, 'remote.git');
	await git(root, ['init', '-q', '--bare', remote]);
	const instance = async (name: string, seed = 'v1\n') => {
		const dir = join(root, name);
		await import('node:fs/promises').then((fs) => fs.mkdir(dir));
		await writeFile(join(dir, 'sites.geojson'), seed);
		return {
			dir,
			read: () => readFile(join(dir, 'sites.geojson'), 'utf8'),
			/** a save as layer-save makes it: read, check the version the editor started from, write, commit */
			save: (base: string, text: string) =>
				writeInStep(
					dir,
					async () => {
						const current = await readFile(join(dir, 'sites.geojson'), 'utf8');
						if (current !== base) return { status: 409 as const, current };
						await writeFile(join(dir, 'sites.geojson'), text);
						await commitFile(dir, 'sites.geojson', name, `sites: ${text.trim()}`);
						return { status: 200 as const };
					},
					remote
				)
		};
	};
	const a = await instance('a');
	const b = await instance('b', seedOfB);
	await syncWithRemote(a.dir, remote);
	await syncWithRemote(b.dir, remote);
	const log = async () => (await git(root, ['--git-dir', remote, 'log', '--format=%an %s', 'main'])).trim().split('\n');
	return { remote, a, b, log };
}

describe('two instances on one remote', () => {
	it('the second instance follows the first one’s history (its own other initial import is set aside)', async () => {
		const { a, b, log } = await setUp('v1 seen by b only\n');
		expect(await b.read()).toBe('v1\n');
		expect(await log()).toEqual(['qantar Initial import of the story layers']);
		expect((await git(a.dir, ['rev-parse', 'HEAD'])).trim()).toBe((await git(b.dir, ['rev-parse', 'HEAD'])).trim());
		expect(await git(b.dir, ['for-each-ref', '--format=%(refname)', 'refs/qantar/unpushed'])).toMatch(/^refs\/qantar\/unpushed\/\d+/);
	});

	it('a save on one is read by the other before it writes: the same version is a 409, not a lost update', async () => {
		const { remote, a, b, log } = await setUp();
		expect(await a.save('v1\n', 'v2 by a\n')).toEqual({ status: 200 });
		// b's editor started from v1 too
		expect(await b.save('v1\n', 'v2 by b\n')).toEqual({ status: 409, current: 'v2 by a\n' });
		expect(await b.read()).toBe('v2 by a\n');
		expect(await log()).toEqual(['a sites: v2 by a', 'qantar Initial import of the story layers']);
		// from the version it now has, b saves
		expect(await b.save('v2 by a\n', 'v3 by b\n')).toEqual({ status: 200 });
		// and a's readers see it after a's next sync, without a write of a's own
		expect(await a.read()).toBe('v2 by a\n');
		await syncWithRemote(a.dir, remote);
		expect(await a.read()).toBe('v3 by b\n');
	});

	it('a push refused because the other moved ahead between fetch and push: the write runs again, on the new state', async () => {
		const { remote, a, b, log } = await setUp();
		let runs = 0;
		const result = await writeInStep(
			b.dir,
			async () => {
				runs++;
				const current = await b.read();
				if (runs === 1) expect(await a.save('v1\n', 'v2 by a\n')).toEqual({ status: 200 }); // a pushes while b writes
				if (current !== 'v1\n') return { status: 409 as const, current };
				await writeFile(join(b.dir, 'sites.geojson'), 'v2 by b\n');
				await commitFile(b.dir, 'sites.geojson', 'b', 'sites: v2 by b');
				return { status: 200 as const };
			},
			remote
		);
		expect(runs).toBe(2);
		expect(result).toEqual({ status: 409, current: 'v2 by a\n' });
		expect(await b.read()).toBe('v2 by a\n');
		expect(await log()).toEqual(['a sites: v2 by a', 'qantar Initial import of the story layers']);
	});

	it('a commit left unpushed (a crash between commit and push) is pushed by the next sync', async () => {
		const { remote, a, log } = await setUp();
		await writeFile(join(a.dir, 'sites.geojson'), 'v2\n');
		await commitFile(a.dir, 'sites.geojson', 'a', 'sites: v2');
		await syncWithRemote(a.dir, remote);
		expect(await log()).toEqual(['a sites: v2', 'qantar Initial import of the story layers']);
	});
});
