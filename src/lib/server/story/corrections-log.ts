/**
 * The public corrections log: corrections.jsonl in the data directory, one
 * entry (JSON) per line, appended by each publish and committed with it;
 * nothing in it is ever rewritten (a later correction is a new entry).
 * Readers read it with one stat per request (parsed again only when it
 * changed). The publish's own entry is also in published.json, written first:
 * a publish killed between the two writes still shows its entry, and the next
 * write of the store appends it.
 */
import { fileCache } from '../file-cache';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDir } from '../web-policy.js';
import { writeFileAtomic } from '../editor/atomic-write.js';
import { published } from './published';
import type { CorrectionEntry } from '$lib/corrections/entry';

export const CORRECTIONS_FILE = 'corrections.jsonl';
export const correctionsPath = () => join(dataDir(), CORRECTIONS_FILE);

/** The log's entries; a line that is not JSON (a hand edit, a disk that filled mid-line) is left out and named in the server's log, so that one bad line takes down neither the reader pages nor the next publish. */
const parseLog = (text: string): CorrectionEntry[] =>
	text.split('\n').flatMap((l, i) => {
		if (!l.trim()) return [];
		try {
			return [JSON.parse(l) as CorrectionEntry];
		} catch (e) {
			console.error(`qantar: ${CORRECTIONS_FILE} line ${i + 1} is not JSON and is left out: ${(e as Error).message}`);
			return [];
		}
	});

const logged = fileCache(correctionsPath, parseLog, () => []);

/** Every entry, newest first (the last publish's entry included even if a crash kept it out of the file). */
export function corrections(): CorrectionEntry[] {
	const entries = logged();
	const last = published().entry;
	const all = last && !entries.some((e) => e.id === last.id) ? [...entries, last] : entries;
	return [...all].reverse();
}

/** Appends an entry unless the log already ends with it (the old lines are kept byte for byte). */
export async function appendCorrection(entry: CorrectionEntry): Promise<void> {
	const file = correctionsPath();
	const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
		if (e.code === 'ENOENT') return '';
		throw e;
	});
	if (parseLog(text).some((e) => e.id === entry.id)) return;
	const sep = text === '' || text.endsWith('\n') ? '' : '\n';
	await writeFileAtomic(file, `${text}${sep}${JSON.stringify(entry)}\n`);
}
