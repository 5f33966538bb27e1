/**
 * A small file's parsed contents for readers: one stat per call, the file read
 * and parsed again only when it changed (mtime, size or inode: an atomic
 * rename gives a new inode), `missing()` while there is no file. Used for the
 * published state and the corrections log, which a publish replaces or
 * appends to while the server runs.
 */
import { readFileSync, statSync } from 'node:fs';

export function fileCache<T>(path: () => string, parse: (text: string) => T, missing: () => T): () => T {
	let cached: { stamp: string; value: T } | null = null;
	return () => {
		const file = path();
		let stamp: string;
		try {
			const s = statSync(file);
			stamp = `${file}:${s.mtimeMs}:${s.size}:${s.ino}`;
		} catch {
			stamp = `missing:${file}`;
		}
		if (cached?.stamp !== stamp) cached = { stamp, value: stamp.startsWith('missing:') ? missing() : parse(readFileSync(file, 'utf8')) };
		return cached.value;
	};
}
