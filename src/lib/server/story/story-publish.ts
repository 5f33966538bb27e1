/**
 * Publishing the draft: under the story's lock, the draft must still be the
 * version the publisher reviewed (409 otherwise) and still valid against the
 * layers as they are now; what changed since the last publish (story fields,
 * steps, figures, sources, and the features whose facts changed in the layer
 * files' history) becomes one corrections entry, which needs a note for
 * readers unless it is minor or changes nothing a reader sees. Then
 * published.json is replaced atomically (the moment readers switch), the
 * entry appended to corrections.jsonl, and both committed. Killed at any
 * point, readers see the old published state or the new one, whole.
 */
import { STORY_LAYERS } from '$lib/geo/layers';
import { validateStoryDocument, type DocumentProblem } from '$lib/schema/story-document';
import { changedPaths, fieldsById, storyChanges } from '$lib/story/story-diff';
import { featureFactChanges, type FeatureFactChange } from '$lib/story/feature-facts';
import { isEmptyEntry, type CorrectionEntry } from '$lib/corrections/entry';
import { writeFileAtomic } from '../editor/atomic-write.js';
import { commitFiles, revParse, showFile } from '../editor/git-history';
import { readLayerText } from '../editor/layer-files';
import { PUBLISHED_FILE, publishedPath, type PublishedState } from './published';
import { appendCorrection, CORRECTIONS_FILE } from './corrections-log';
import { dataDir } from '../layer-store';
import { writeInStep } from '../editor/data-remote';
import { currentLayerOf, documentAtTree, draft, etagOfTree, prepareStore, readPublishedFile, storyLock } from './story-store';

export type PublishResult =
	| { status: 200; publishedRev: string; entries: CorrectionEntry[] }
	| { status: 409; etag: string; changed: string[] | null }
	| { status: 422; problems: DocumentProblem[] };

export interface PublishRequest {
	/** the draft's ETag the publisher reviewed */
	tree: string;
	note: string;
	minor: boolean;
	editor: string;
}

/**
 * Test hook (tests/api/story-crash.spec.ts): with QANTAR_TEST_PUBLISH_PAUSE_MS set, the publish says
 * which write comes next and waits that long, so a test can kill the server (SIGKILL) just there.
 */
const pause = (next: string) => {
	const ms = Number(process.env.QANTAR_TEST_PUBLISH_PAUSE_MS ?? 0);
	if (!(ms > 0)) return Promise.resolve();
	console.log(`qantar test: publish about to ${next}`);
	return new Promise((r) => setTimeout(r, ms));
};

/** Features whose facts changed between the last publish and the layers as saved now. */
async function featureChangesSince(dir: string, rev: string): Promise<FeatureFactChange[]> {
	const out: FeatureFactChange[] = [];
	for (const layer of STORY_LAYERS) out.push(...featureFactChanges(layer.id, await showFile(dir, rev, layer.file), await readLayerText(layer)));
	return out;
}

/** Whether the layers' facts changed since the last publish (the draft's own changes are compared by tree). */
export async function featuresChangedSince(rev: string): Promise<boolean> {
	return (await featureChangesSince(dataDir(), rev)).length > 0;
}

export function publish(req: PublishRequest): Promise<PublishResult> {
	// with QANTAR_DATA_REMOTE: level with the other instances first, pushed after (a refused push runs this again, and gets the 409)
	return writeInStep(dataDir(), () => publishLocked(req));
}

function publishLocked(req: PublishRequest): Promise<PublishResult> {
	return storyLock(async () => {
		const dir = await prepareStore();
		const state = await draft(dir);
		if (req.tree !== state.tree) {
			const base = await documentAtTree(dir, req.tree);
			return { status: 409 as const, etag: etagOfTree(state.tree), changed: base ? changedPaths(base, state.document) : null };
		}
		const pub = (await readPublishedFile(dir))!;
		const checked = validateStoryDocument(state.document, { layerOf: await currentLayerOf() });
		if (!checked.ok)
			return {
				status: 422 as const,
				problems: checked.problems.map((p) => ({ ...p, message: `the draft is no longer valid against the layers as saved: ${p.message}` }))
			};
		const changes = storyChanges(pub.document, state.document);
		const features = await featureChangesSince(dir, pub.rev!);
		const note = req.note.trim();
		if (!note && !req.minor && (changes.some((c) => c.visible) || features.length))
			return {
				status: 422 as const,
				problems: [
					{
						path: ['note'],
						message: `readers will see changes (${[...changes.filter((c) => c.visible).map((c) => c.id ?? c.field), ...features.map((f) => f.id)].slice(0, 8).join(', ')}): write a note for them, or mark the publish as minor (a typo)`
					}
				]
			};
		const head = (await revParse(dir, 'HEAD'))!;
		const date = new Date().toISOString();
		const entry: CorrectionEntry = {
			id: `${date}-${head.slice(0, 10)}`,
			date,
			rev: head,
			note,
			minor: req.minor,
			story: changes.filter((c) => c.kind === 'story').map((c) => (c.lang ? `${c.field} (${c.lang})` : c.field)),
			steps: fieldsById(changes, 'step'),
			figures: fieldsById(changes, 'figure'),
			sources: fieldsById(changes, 'source'),
			features
		};
		if (isEmptyEntry(entry) && pub.tree === state.tree) return { status: 200 as const, publishedRev: pub.rev!, entries: [] };
		const next: PublishedState = { rev: head, tree: state.tree, publishedAt: date, document: state.document, entry };
		await pause('write published.json');
		await writeFileAtomic(publishedPath(), `${JSON.stringify(next)}\n`); // readers switch here
		await pause('append the corrections entry');
		await appendCorrection(entry);
		await pause('commit');
		await commitFiles(
			dir,
			[PUBLISHED_FILE, CORRECTIONS_FILE],
			req.editor,
			`publish: ${note || '(minor)'}${req.minor ? ' [minor]' : ''}\n\n${changedPaths(pub.document, state.document).join('\n')}\n`
		);
		return { status: 200 as const, publishedRev: head, entries: [entry] };
	});
}
