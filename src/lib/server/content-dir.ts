import { resolve } from 'node:path';

/** Where the story's content lives (steps, texts, figures, sources): QANTAR_CONTENT_DIR, default content/. */
export function contentDir(): string {
	return resolve(process.env.QANTAR_CONTENT_DIR ?? 'content');
}
