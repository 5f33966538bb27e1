/**
 * What readers see: the published story. A publish writes the data
 * directory's published.json in one atomic step ({ rev, tree, publishedAt,
 * document, entry }: the revision made public and its story files, parsed);
 * readers stat that small file on each request and parse it again only when
 * it changed, so a publish reaches them at once without git, a rebuild or a
 * restart. Before the first publish (no file: a new data directory, or the
 * checkout's static/geo in development and unit tests) the story is the
 * checkout's content/, the seed of every data directory.
 */
import { readFileSync } from 'node:fs';
import { fileCache } from '../file-cache';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../content-dir';
import { dataDir } from '../web-policy.js';
import { STORY_FILES, type StoryDocument } from '$lib/schema/story-document';
import type { CorrectionEntry } from '$lib/corrections/entry';

export const PUBLISHED_FILE = 'published.json';

export interface PublishedState {
	/** the revision of the data directory made public; null: the checkout's content/ (never published) */
	rev: string | null;
	/** the git tree id of story/ at that revision */
	tree: string | null;
	publishedAt: string | null;
	document: StoryDocument;
	/** the corrections entry of this publish (also appended to corrections.jsonl) */
	entry: CorrectionEntry | null;
}

/** A published state plus a key that changes with it (caches of what derives from it use it). */
export type Published = PublishedState & { key: string };

export const publishedPath = () => join(dataDir(), PUBLISHED_FILE);

/** The checkout's content/ as a story document (the seed). */
export function contentDocument(dir = contentDir()): StoryDocument {
	const read = (f: string) => parse(readFileSync(join(dir, f), 'utf8')) as unknown;
	return {
		steps: read(STORY_FILES.steps),
		text: { fr: read(STORY_FILES.fr), en: read(STORY_FILES.en) },
		figures: read(STORY_FILES.figures),
		sources: read(STORY_FILES.sources)
	};
}

/** The published state (one stat per call; the file is read again only when it changed). */
export const published: () => Published = fileCache(
	publishedPath,
	(text) => {
		const state = JSON.parse(text) as PublishedState;
		return { ...state, key: `${state.rev}:${state.publishedAt}` };
	},
	// never published: the seed
	() => ({ rev: null, tree: null, publishedAt: null, document: contentDocument(), entry: null, key: `content:${contentDir()}` })
);
