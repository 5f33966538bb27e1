/**
 * The story in the data directory: story/ holds the five YAML files, and its
 * working tree (as committed) is the draft editors share. Seeded from the
 * checkout's content/ when missing. A draft save is checked, compared with
 * the version the editor started from (the ETag is the git tree id of story/,
 * so a stale one names a version the history can show), written file by file
 * atomically and committed as one revision; a write killed before its commit
 * was never acknowledged and is rolled back. History is git's.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { STORY_FILES, validateStoryDocument, type StoryDocument, type DocumentProblem } from '$lib/schema/story-document';
import { changedPaths, storyChanges } from '$lib/story/story-diff';
import { indexLayers } from '$lib/map/layer-index';
import { contentDir } from '../content-dir';
import { dataDir, readAllLayers } from '../layer-store';
import { writeFileAtomic } from '../editor/atomic-write.js';
import { commitFiles, ensureRepository, isDirty, pathLog, restoreCommitted, revParse, showFile } from '../editor/git-history';
import { withLock } from '../editor/mutex';
import { writeInStep } from '../editor/data-remote';
import { PUBLISHED_FILE, publishedPath, type PublishedState } from './published';
import { appendCorrection, CORRECTIONS_FILE } from './corrections-log';

export const STORY_DIR = 'story';
/** written before a draft's files and removed after its commit: found later, the write was interrupted */
const PENDING = '.story-write-pending';
const SYSTEM = 'qantar';
const PARTS = Object.entries(STORY_FILES) as [keyof typeof STORY_FILES, string][];

export type Texts = Record<keyof typeof STORY_FILES, string>;

export const storyLock = <T>(fn: () => Promise<T>) => withLock('story', fn);

export function documentOf(texts: Texts): StoryDocument {
	return { steps: parse(texts.steps), text: { fr: parse(texts.fr), en: parse(texts.en) }, figures: parse(texts.figures), sources: parse(texts.sources) };
}

/** The YAML each file gets (long lines kept whole: a paragraph stays one line in diffs). */
export function serialise(doc: StoryDocument): Texts {
	const y = (v: unknown) => stringify(v, { lineWidth: 0 });
	return { steps: y(doc.steps), fr: y(doc.text.fr), en: y(doc.text.en), figures: y(doc.figures), sources: y(doc.sources) };
}

const storyFile = (dir: string, part: keyof typeof STORY_FILES) => join(dir, STORY_DIR, STORY_FILES[part]);

async function readTexts(dir: string): Promise<Texts> {
	const entries = await Promise.all(PARTS.map(async ([part]) => [part, await readFile(storyFile(dir, part), 'utf8')] as const));
	return Object.fromEntries(entries) as Texts;
}

/** The document of a tree of story/ (a stale ETag), or null when the history does not hold it. */
export async function documentAtTree(dir: string, tree: string): Promise<StoryDocument | null> {
	const texts: Partial<Texts> = {};
	for (const [part, file] of PARTS) {
		const t = await showFile(dir, tree, file);
		if (t === null) return null;
		texts[part] = t;
	}
	return documentOf(texts as Texts);
}

export interface Draft {
	document: StoryDocument;
	texts: Texts;
	/** git tree id of story/ */
	tree: string;
	etag: string;
	/** the last revision that changed story/ */
	draftRev: string;
}

export const etagOfTree = (tree: string) => `"${tree}"`;

export async function draft(dir: string): Promise<Draft> {
	const texts = await readTexts(dir);
	const tree = (await revParse(dir, `HEAD:${STORY_DIR}`))!;
	const [last] = await pathLog(dir, [STORY_DIR], 1);
	return { document: documentOf(texts), texts, tree, etag: etagOfTree(tree), draftRev: last!.rev };
}

export async function readPublishedFile(dir: string): Promise<PublishedState | null> {
	try {
		return JSON.parse(await readFile(join(dir, PUBLISHED_FILE), 'utf8')) as PublishedState;
	} catch {
		return null;
	}
}

/**
 * Makes the store whole; call under storyLock. Rolls back a draft write that
 * never reached its commit, seeds story/ from content/ (and publishes the
 * seed as it is: readers saw content/ until then), records a change made
 * outside the editor, and finishes a publish interrupted after its
 * published.json (appends its log entry, commits both).
 */
export async function prepareStore(): Promise<string> {
	const dir = dataDir();
	await ensureRepository(dir);
	if (existsSync(join(dir, PENDING))) {
		console.warn('qantar: a story draft write was interrupted before its commit: the draft is put back as last committed');
		await restoreCommitted(dir, [STORY_DIR]);
		await rm(join(dir, PENDING), { force: true });
	}
	if (!existsSync(join(dir, STORY_DIR, STORY_FILES.steps))) {
		await mkdir(join(dir, STORY_DIR), { recursive: true });
		for (const [, file] of PARTS) await copyFile(join(contentDir(), file), join(dir, STORY_DIR, file));
		await commitFiles(dir, [STORY_DIR], SYSTEM, 'story: seeded from content/\n\nThe story files of the checkout, the draft editors start from.\n');
	} else if (await isDirty(dir, STORY_DIR)) {
		console.warn('qantar: story/ changed outside the editor: recording it as a revision');
		await commitFiles(dir, [STORY_DIR], SYSTEM, 'story: change made outside the editor\n');
	}
	let pub = await readPublishedFile(dir);
	if (!pub) {
		const d = await draft(dir);
		const head = (await revParse(dir, 'HEAD'))!;
		pub = { rev: head, tree: d.tree, publishedAt: new Date().toISOString(), document: d.document, entry: null };
		await writeFileAtomic(publishedPath(), `${JSON.stringify(pub)}\n`);
	}
	if (pub.entry) await appendCorrection(pub.entry);
	if ((await isDirty(dir, PUBLISHED_FILE)) || (await isDirty(dir, CORRECTIONS_FILE)))
		await commitFiles(
			dir,
			[PUBLISHED_FILE, CORRECTIONS_FILE].filter((f) => existsSync(join(dir, f))),
			SYSTEM,
			'publish: recorded\n'
		);
	return dir;
}

export interface StoryState extends Draft {
	publishedRev: string;
	publishedAt: string;
	published: PublishedState;
}

/** The draft and what is published. */
export function readStory(): Promise<StoryState> {
	return storyLock(async () => {
		const dir = await prepareStore();
		const d = await draft(dir);
		const pub = (await readPublishedFile(dir))!;
		return { ...d, publishedRev: pub.rev!, publishedAt: pub.publishedAt!, published: pub };
	});
}

/** feature id -> layer, from the layers as saved (what a step may highlight) */
export async function currentLayerOf(): Promise<ReadonlyMap<string, string>> {
	return indexLayers(await readAllLayers()).layerOf;
}

export type SaveDraftResult =
	{ status: 200; etag: string; rev: string | null } | { status: 409; etag: string; changed: string[] | null } | { status: 422; problems: DocumentProblem[] };

export async function saveDraft(doc: unknown, baseTree: string, editor: string): Promise<SaveDraftResult> {
	const checked = validateStoryDocument(doc, { layerOf: await currentLayerOf() });
	if (!checked.ok) return { status: 422, problems: checked.problems };
	const next = doc as StoryDocument;
	// with QANTAR_DATA_REMOTE: level with the other instances first, pushed after (a refused push runs this again, and gets the 409)
	return writeInStep(dataDir(), () =>
		storyLock(async () => {
			const dir = await prepareStore();
			const current = await draft(dir);
			if (baseTree !== current.tree) {
				const base = await documentAtTree(dir, baseTree);
				return { status: 409 as const, etag: current.etag, changed: base ? changedPaths(base, current.document) : null };
			}
			const texts = serialise(next);
			const changedParts = PARTS.filter(([part]) => texts[part] !== current.texts[part]);
			if (!changedParts.length) return { status: 200 as const, etag: current.etag, rev: null };
			const labels = changedPaths(current.document, next);
			await writeFile(join(dir, PENDING), `${process.pid}\n`);
			for (const [part] of changedParts) await writeFileAtomic(storyFile(dir, part), texts[part]);
			const n = labels.length;
			const subject = `story: ${n ? labels.slice(0, 3).join('; ') + (n > 3 ? ` and ${n - 3} more` : '') : 'formatting'}`;
			const rev = await commitFiles(dir, [STORY_DIR], editor, `${subject}\n\n${labels.join('\n')}\n`);
			await rm(join(dir, PENDING), { force: true });
			const tree = (await revParse(dir, `HEAD:${STORY_DIR}`))!;
			return { status: 200 as const, etag: etagOfTree(tree), rev };
		})
	);
}

/** Revisions of the draft, newest first. */
export function storyHistory(limit = 100) {
	return storyLock(async () => pathLog(await prepareStore(), [STORY_DIR], limit));
}

export { storyChanges };

/** The draft as a revision left it (to show or restore it: the client PUTs it back with the current ETag), or null. */
export function documentAt(rev: string): Promise<StoryDocument | null> {
	return storyLock(async () => {
		const dir = await prepareStore();
		if (!/^[0-9a-f]{4,40}$/.test(rev)) return null;
		const tree = await revParse(dir, `${rev}^{commit}:${STORY_DIR}`);
		return tree ? documentAtTree(dir, tree) : null;
	});
}
