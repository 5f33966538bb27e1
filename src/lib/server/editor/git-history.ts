/**
 * The history of the data directory, kept as a git repository of its own:
 * every accepted save is a commit by the editor ("<layer>: added a; modified
 * b; removed c", with the full id lists in the body), so editors and
 * developers can read, diff, revert and publish it with git. Initialised on
 * the first write (initial commit of the existing files). A data directory
 * tracked by another repository (the default static/geo in a checkout) is
 * refused: the editor would otherwise commit into the developer's repository.
 * One inside a directory that repository ignores (e.g. .tmp/) gets its own.
 */
import { execFile } from 'node:child_process';
import { realpath, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { withLock } from './mutex';

export class HistoryUnavailableError extends Error {}

export interface Changes {
	added: string[];
	modified: string[];
	removed: string[];
}

export interface Revision extends Changes {
	rev: string;
	author: string;
	date: string;
	message: string;
}

const SYSTEM_AUTHOR = 'qantar';
const MAX_BUFFER = 256 * 1024 * 1024;

/** Runs git in the data directory; `input` goes to its standard input (a commit message of any length: no argument limit). */
export function git(dir: string, args: string[], author = SYSTEM_AUTHOR, input?: string): Promise<string> {
	const config = [
		'-c',
		`safe.directory=${dir}`,
		'-c',
		'core.hooksPath=/dev/null',
		'-c',
		'commit.gpgSign=false',
		'-c',
		'core.quotePath=false',
		'-c',
		`user.name=${author}`,
		'-c',
		`user.email=${author}@qantar.invalid`
	];
	return new Promise((resolve, reject) => {
		const child = execFile(
			'git',
			['-C', dir, ...config, ...args],
			{ maxBuffer: MAX_BUFFER, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' } },
			(err, stdout, stderr) => (err ? reject(new Error(`git ${args[0]} failed: ${stderr.trim() || err.message}`)) : resolve(stdout))
		);
		// a git that does not read its input may exit first: EPIPE on its stdin is not an error of ours (its exit code says how it went)
		child.stdin?.on('error', () => {});
		child.stdin?.end(input);
	});
}

/**
 * A lock git left behind when it was killed mid-commit (a container stop, the
 * OOM killer): every later git write would fail on it. Callers hold the
 * directory's lock, so no git of this process is running: the lock is stale.
 * It is removed and the index read again from HEAD (the file on disk is kept:
 * the next write records it as a change made outside the editor).
 */
async function recoverStaleLock(dir: string): Promise<void> {
	const lock = join(dir, '.git', 'index.lock');
	if (
		!(await stat(lock).then(
			() => true,
			() => false
		))
	)
		return;
	console.warn(`qantar: removing a stale ${lock} (git was stopped mid-write); the index is read again from the last commit`);
	await rm(lock, { force: true });
	await git(dir, ['reset', '-q']);
}

const ready = new Map<string, Promise<void>>();

async function init(dir: string): Promise<void> {
	const real = await realpath(dir);
	let top: string | null;
	try {
		top = await realpath((await git(dir, ['rev-parse', '--show-toplevel'])).trim());
	} catch {
		top = null;
	}
	if (top === real) return recoverStaleLock(dir);
	const ignoredByTop =
		top !== null &&
		(await git(top, ['check-ignore', '-q', '--', real]).then(
			() => true,
			() => false
		));
	if (top !== null && !ignoredByTop)
		throw new HistoryUnavailableError(
			`The data directory ${real} is inside the git repository ${top}; the editor keeps its history in a repository of its own. Set QANTAR_DATA_DIR to a copy outside it (e.g. cp -r static/geo ../qantar-data).`
		);
	await git(dir, ['init', '-q']);
	await git(dir, ['add', '--', ':(glob)*.geojson']); // the layers at the top only, not generated subfolders
	await git(dir, ['commit', '-q', '--no-verify', '--allow-empty', '-m', 'Initial import of the story layers']);
}

/** Makes sure the data directory is a repository of its own (once per process and directory). */
export function ensureRepository(dir: string): Promise<void> {
	let p = ready.get(dir);
	if (!p) {
		p = withLock(`git:${dir}`, () => init(dir));
		ready.set(dir, p);
		p.catch(() => ready.delete(dir));
	}
	return p;
}

const list = (ids: string[]) => (ids.length > 12 ? `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more` : ids.join(', '));

export function commitMessage(layer: string, c: Changes, prefix = ''): string {
	const parts = [
		c.added.length ? `added ${list(c.added)}` : '',
		c.modified.length ? `modified ${list(c.modified)}` : '',
		c.removed.length ? `removed ${list(c.removed)}` : ''
	].filter(Boolean);
	const subject = `${layer}: ${prefix}${parts.join('; ') || 'no feature changed'}`;
	const body = [`Added: ${c.added.join(' ')}`, `Modified: ${c.modified.join(' ')}`, `Removed: ${c.removed.join(' ')}`].join('\n');
	return `${subject}\n\n${body}\n`;
}

/** Commits one file of the data directory as `author`; returns the new revision's hash. */
export async function commitFile(dir: string, file: string, author: string, message: string): Promise<string> {
	return withLock(`git:${dir}`, async () => {
		await recoverStaleLock(dir);
		await git(dir, ['add', '--', file], author);
		// the message through stdin: thousands of ids would overflow a command-line argument (E2BIG)
		await git(dir, ['commit', '-q', '--no-verify', '-F', '-', '--', file], author, message);
		return (await git(dir, ['rev-parse', 'HEAD'])).trim();
	});
}

/** The file as last committed, or null when it has never been. */
export async function committedText(dir: string, file: string): Promise<string | null> {
	try {
		return await git(dir, ['show', `HEAD:${file}`]);
	} catch {
		return null;
	}
}

/** Records a change made to a layer file outside the editor (or left by a crash before its commit), diffed against its last commit. */
export async function commitOutsideChange(dir: string, file: string, layerId: string, current: string): Promise<void> {
	if (!(await isDirty(dir, file))) return;
	const changes = diffLayers(await committedText(dir, file), current);
	console.warn(
		`qantar: ${file} changed outside the editor (or a write was interrupted): recording it (${changes.added.length} added, ${changes.modified.length} modified, ${changes.removed.length} removed)`
	);
	await commitFile(dir, file, SYSTEM_AUTHOR, commitMessage(layerId, changes, 'change made outside the editor: '));
}

/** True when the file differs from its last commit (edited outside the editor, or a crash between write and commit). */
export async function isDirty(dir: string, file: string): Promise<boolean> {
	return (await git(dir, ['status', '--porcelain', '--', file])).trim() !== '';
}

const REV = /^[0-9a-f]{4,40}$/;
const BLOB = /^[0-9a-f]{40}$/;

/** A file's content at a revision, or null when the revision or the file there does not exist. */
export async function fileAt(dir: string, rev: string, file: string): Promise<{ rev: string; text: string } | null> {
	if (!REV.test(rev)) return null;
	try {
		const full = (await git(dir, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).trim();
		return { rev: full, text: await git(dir, ['show', `${full}:${file}`]) };
	} catch {
		return null;
	}
}

/** A blob by its id (the ETag of a layer is its blob id), or null when the repository does not hold it. */
export async function blob(dir: string, id: string): Promise<string | null> {
	if (!BLOB.test(id)) return null;
	try {
		return await git(dir, ['cat-file', 'blob', id]);
	} catch {
		return null;
	}
}

function parseBody(body: string): Changes | null {
	const line = (key: string) => new RegExp(`^${key}:(.*)$`, 'm').exec(body)?.[1];
	const [a, m, r] = [line('Added'), line('Modified'), line('Removed')];
	if (a === undefined || m === undefined || r === undefined) return null;
	const ids = (s: string) => s.trim().split(/\s+/).filter(Boolean);
	return { added: ids(a), modified: ids(m), removed: ids(r) };
}

/** Ids added, modified and removed between two versions of a layer's text. */
export function diffLayers(before: string | null, after: string): Changes {
	const byId = (text: string | null) => {
		const m = new Map<string, string>();
		if (!text) return m;
		try {
			for (const f of (JSON.parse(text) as { features: { properties?: { id?: unknown } }[] }).features ?? [])
				if (typeof f?.properties?.id === 'string') m.set(f.properties.id, JSON.stringify(f));
		} catch {
			/* an unparseable old version: everything counts as added */
		}
		return m;
	};
	const [old, now] = [byId(before), byId(after)];
	return {
		added: [...now.keys()].filter((id) => !old.has(id)),
		modified: [...now.keys()].filter((id) => old.has(id) && old.get(id) !== now.get(id)),
		removed: [...old.keys()].filter((id) => !now.has(id))
	};
}

const FIELD = '\x1f';
const RECORD = '\x1e';

/** Revisions that touched a file, newest first. */
export async function fileHistory(dir: string, file: string, limit = 100): Promise<Revision[]> {
	const out = await git(dir, ['log', `-n${limit}`, `--format=%H${FIELD}%an${FIELD}%aI${FIELD}%s${FIELD}%b${RECORD}`, '--', file]);
	const revisions: Revision[] = [];
	for (const record of out.split(RECORD)) {
		const [rev, author, date, message, body] = record.replace(/^\n/, '').split(FIELD);
		if (!rev || !author || !date || message === undefined) continue;
		let changes = parseBody(body ?? '');
		if (!changes) {
			// a commit made outside the editor: compare the file with its parent's version
			const after = await fileAt(dir, rev, file);
			const parent = await git(dir, ['rev-parse', '--verify', '--quiet', `${rev}~1`])
				.then((s) => s.trim())
				.catch(() => null);
			const before = parent ? await fileAt(dir, parent, file) : null;
			changes = diffLayers(before?.text ?? null, after?.text ?? '{"features":[]}');
		}
		revisions.push({ rev, author, date, message, ...changes });
	}
	return revisions;
}

const retiredCache = new Map<string, { head: string; ids: Set<string> }>();

/** Every id a recorded revision removed from a layer (whether or not it is back somewhere). */
export async function removedIds(dir: string): Promise<Set<string>> {
	const head = (await git(dir, ['rev-parse', 'HEAD'])).trim();
	const cached = retiredCache.get(dir);
	if (cached?.head === head) return cached.ids;
	const ids = new Set<string>();
	for (const body of (await git(dir, ['log', `--format=%b${RECORD}`])).split(RECORD)) {
		const c = parseBody(body);
		if (c) for (const id of c.removed) ids.add(id);
	}
	retiredCache.set(dir, { head, ids });
	return ids;
}

/** Commits several paths of the data directory (files or folders) as one revision by `author`; returns HEAD (unchanged when nothing differed). */
export async function commitFiles(dir: string, paths: string[], author: string, message: string): Promise<string> {
	return withLock(`git:${dir}`, async () => {
		await recoverStaleLock(dir);
		await git(dir, ['add', '-A', '--', ...paths], author);
		if ((await git(dir, ['status', '--porcelain', '--', ...paths])).trim() !== '')
			await git(dir, ['commit', '-q', '--no-verify', '-F', '-', '--', ...paths], author, message);
		return (await git(dir, ['rev-parse', 'HEAD'])).trim();
	});
}

/** Puts paths back as last committed, dropping files added since (an interrupted write that was never acknowledged). */
export async function restoreCommitted(dir: string, paths: string[]): Promise<void> {
	return withLock(`git:${dir}`, async () => {
		await recoverStaleLock(dir);
		await git(dir, ['checkout', '-q', 'HEAD', '--', ...paths]);
		await git(dir, ['clean', '-fdq', '--', ...paths]);
	});
}

/** The object a revision expression names ("HEAD:story", a tree id), or null when there is none. */
export async function revParse(dir: string, spec: string): Promise<string | null> {
	try {
		return (await git(dir, ['rev-parse', '--verify', '--quiet', spec])).trim() || null;
	} catch {
		return null;
	}
}

/** A file's text inside a commit or tree (`<tree id>:steps.yaml`), or null when there is none. */
export async function showFile(dir: string, treeish: string, path: string): Promise<string | null> {
	if (!REV.test(treeish)) return null;
	try {
		return await git(dir, ['show', `${treeish}:${path}`]);
	} catch {
		return null;
	}
}

/** Revisions that touched any of these paths, newest first: hash, author, ISO date, subject. */
export async function pathLog(dir: string, paths: string[], limit = 100): Promise<{ rev: string; author: string; date: string; message: string }[]> {
	const out = await git(dir, ['log', `-n${limit}`, `--format=%H${FIELD}%an${FIELD}%aI${FIELD}%s${RECORD}`, '--', ...paths]);
	return out
		.split(RECORD)
		.map((r) => r.replace(/^\n/, '').split(FIELD))
		.filter((f): f is [string, string, string, string] => f.length === 4 && !!f[0])
		.map(([rev, author, date, message]) => ({ rev, author, date, message }));
}

/** True when any of these paths differs between a revision and HEAD. */
export async function changedSince(dir: string, rev: string, paths: string[]): Promise<boolean> {
	if (!REV.test(rev)) return true;
	return (await git(dir, ['diff', '--name-only', rev, 'HEAD', '--', ...paths])).trim() !== '';
}
