/**
 * More than one server on one story: QANTAR_DATA_REMOTE names a git remote
 * (any git host, or a bare repository on disk) that every instance's data
 * repository follows on its branch `main`. A write fetches and fast-forwards
 * first, then commits, then pushes; a push refused because another instance
 * moved ahead is undone, and the write runs again on the new state, where the
 * editor's If-Match no longer matches a file another instance changed: the
 * same 409 as two editors on one server, never a lost update. Writes of one
 * instance take turns (they are rare; the costly checks run before). Between
 * writes, each instance fetches every QANTAR_DATA_SYNC_SECONDS (default 30) so
 * its readers see what the others saved.
 */
import { HistoryUnavailableError, ensureRepository, git } from './git-history';
import { withLock } from './mutex';

/** the remote's name in the data repository (not "origin": a data directory cloned from elsewhere keeps its own) */
const REMOTE = 'qantar-data';
const BRANCH = 'main';
const TRACKING = `refs/remotes/${REMOTE}/${BRANCH}`;
/** how often a write whose push was refused runs again before giving up */
const MAX_ATTEMPTS = 5;

export function dataRemote(env: Record<string, string | undefined> = process.env): string | null {
	return env.QANTAR_DATA_REMOTE || null;
}

/** git commands that move refs or files: under the repository's lock, like every commit (git-history.ts), so no two gits meet on its index */
const gitLocked = (dir: string, args: string[]) => withLock(`git:${dir}`, () => git(dir, args));
const head = async (dir: string) => (await git(dir, ['rev-parse', 'HEAD'])).trim();
const revOf = (dir: string, ref: string) =>
	git(dir, ['rev-parse', '--verify', '--quiet', ref]).then(
		(s) => s.trim() || null,
		() => null
	);
const isAncestor = (dir: string, a: string, b: string) =>
	git(dir, ['merge-base', '--is-ancestor', a, b]).then(
		() => true,
		() => false
	);

async function connect(dir: string, url: string): Promise<void> {
	const current = await git(dir, ['remote', 'get-url', REMOTE]).then(
		(s) => s.trim(),
		() => null
	);
	if (current === null) await git(dir, ['remote', 'add', REMOTE, url]);
	else if (current !== url) await git(dir, ['remote', 'set-url', REMOTE, url]);
}

/** Pushes HEAD to the remote's main; false when the remote refused it because it moved ahead. */
async function push(dir: string): Promise<boolean> {
	try {
		await gitLocked(dir, ['push', '--quiet', REMOTE, `HEAD:refs/heads/${BRANCH}`]);
		return true;
	} catch (e) {
		if (/\b(rejected|non-fast-forward|fetch first|stale info)\b/i.test((e as Error).message)) return false;
		throw new HistoryUnavailableError(`The data remote refused a push (nothing was saved): ${(e as Error).message}`);
	}
}

/**
 * Brings the data repository level with the remote: fast-forwards to what the
 * other instances pushed, pushes what this one committed and could not push
 * (a crash between commit and push). Commits of this instance that the remote
 * never took were never answered as saved (a write answers after its push):
 * when the histories part, they are kept under refs/qantar/unpushed/ and the
 * repository follows the remote.
 */
async function level(dir: string, url: string): Promise<void> {
	await ensureRepository(dir);
	await connect(dir, url);
	try {
		await gitLocked(dir, ['fetch', '--quiet', REMOTE, `+refs/heads/${BRANCH}:${TRACKING}`]);
	} catch (e) {
		// an empty remote has no main yet: push ours
		if (!/couldn't find remote ref/i.test((e as Error).message)) throw new HistoryUnavailableError(`The data remote cannot be read: ${(e as Error).message}`);
	}
	const local = await head(dir);
	const remote = await revOf(dir, TRACKING);
	if (remote === null || remote === local) {
		if (remote === null) await push(dir);
		return;
	}
	if (await isAncestor(dir, local, remote)) {
		// what the other instances saved: the working tree has no change of ours under the lock, so this only moves files forward
		await gitLocked(dir, ['merge', '--ff-only', '--quiet', TRACKING]).catch((e: Error) => {
			throw new HistoryUnavailableError(`The data directory has changes not recorded that the remote's newer version would overwrite: ${e.message}`);
		});
		return;
	}
	if (await isAncestor(dir, remote, local)) {
		await push(dir);
		return;
	}
	const kept = `refs/qantar/unpushed/${Date.now()}`;
	await gitLocked(dir, ['update-ref', kept, local]);
	console.warn(`qantar: the data repository and ${url} have parted; following the remote, this instance's unpushed commits are kept at ${kept}`);
	await gitLocked(dir, ['reset', '--hard', '--quiet', TRACKING]);
}

/** Brings the data repository level with the remote (when there is one), between writes. */
export async function syncWithRemote(dir: string, url = dataRemote()): Promise<void> {
	if (!url) return;
	await withLock(`remote:${dir}`, () => level(dir, url));
}

/**
 * Runs a write of the data repository in step with the remote (or just runs
 * it, without one). `write` reads the current files, checks the editor's
 * version, writes and commits (it must be safe to run again: it is, when
 * another instance moved ahead of this one). Resolves with what the last run
 * of `write` returned.
 */
export async function writeInStep<T>(dir: string, write: () => Promise<T>, url = dataRemote()): Promise<T> {
	if (!url) return write();
	return withLock(`remote:${dir}`, async () => {
		for (let attempt = 1; ; attempt++) {
			await level(dir, url);
			const before = await head(dir);
			const result = await write();
			if ((await head(dir)) === before) return result;
			const undo = () => gitLocked(dir, ['reset', '--hard', '--quiet', before]);
			let pushed: boolean;
			try {
				pushed = await push(dir);
			} catch (e) {
				// the remote cannot be reached or refused for another reason: the write is undone, and the editor told nothing was saved
				await undo();
				throw e;
			}
			if (pushed) return result;
			// another instance pushed between our fetch and our push: undo ours, and run again on theirs
			await undo();
			if (attempt === MAX_ATTEMPTS)
				throw new HistoryUnavailableError(`The data remote moved ahead ${MAX_ATTEMPTS} times during one save: try again (nothing was saved)`);
		}
	});
}

let timer: ReturnType<typeof setInterval> | undefined;

/**
 * Fetches every `seconds` so that readers see what other instances saved; a failed fetch is logged, and tried again next time.
 * `synced` runs after each sync (the step pictures look for a newly published state).
 */
export function startRemoteSync(dir: string, url = dataRemote(), seconds = Number(process.env.QANTAR_DATA_SYNC_SECONDS ?? 30), synced?: () => void): void {
	if (!url || timer || !(seconds > 0)) return;
	const run = () =>
		syncWithRemote(dir, url).then(synced, (e) => console.error(`qantar: could not sync the data directory with ${url}: ${(e as Error).message}`));
	void run();
	timer = setInterval(run, seconds * 1000);
	timer.unref();
}
