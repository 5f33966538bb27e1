/**
 * The stories a layer save must not break: what readers see (published) and
 * what editors share (the draft, once story/ exists in the data directory).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { STORY_FILES, type StoryDocument } from '$lib/schema/story-document';
import { published } from './published';
import { STORY_DIR } from './story-store';

export async function storiesNamingFeatures(dir: string): Promise<{ label: string; doc: Pick<StoryDocument, 'steps'> }[]> {
	const stories: { label: string; doc: Pick<StoryDocument, 'steps'> }[] = [{ label: 'the published story', doc: published().document }];
	const draftSteps = join(dir, STORY_DIR, STORY_FILES.steps);
	if (existsSync(draftSteps)) {
		try {
			stories.push({ label: 'the draft', doc: { steps: parse(await readFile(draftSteps, 'utf8')) as unknown } });
		} catch (e) {
			console.warn(`qantar: the draft's ${STORY_FILES.steps} could not be read for a layer save's check: ${(e as Error).message}`);
		}
	}
	return stories;
}
