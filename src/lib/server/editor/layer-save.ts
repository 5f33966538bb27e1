/**
 * Saving a layer: first the content checks (schema, geometry, sources: the
 * costly part, in slices, before any lock); then, under the layer's lock,
 * checks the version the editor started from (If-Match) and the ids against
 * the other layers and those the history retired, writes
 * it atomically and records a revision. A stale version is refused with the
 * ids changed since, never overwritten. Ids are unique across layers, so the
 * id checks, the write and the commit also hold one lock shared by all layers
 * (two layers cannot take the same new id at once).
 */
import type { StoryLayer } from '$lib/geo/layers';
import type { LayerProblem } from '$lib/schema/validate-layer';
import { checkEditedContentInSlices, idProblems, type ParsedJson } from '$lib/schema/validate-edit';
import { loadSources } from '$lib/server/sources-loader';
import { dataDir } from '$lib/server/layer-store';
import { writeFileAtomic } from './atomic-write.js';
import { blob, commitFile, commitMessage, commitOutsideChange, diffLayers, ensureRepository, removedIds, type Changes } from './git-history';
import { blobId, etagOf, idsOf, idsOfOtherLayers, layerPath, readLayerText, serialiseLayer } from './layer-files';
import { withLock } from './mutex';
import { writeInStep } from './data-remote';
import { citedRemovals } from '$lib/story/feature-citations';
import { storiesNamingFeatures } from '$lib/server/story/story-references';

export type SaveResult =
	| { status: 200; etag: string; rev: string | null; changes: Changes; warnings: LayerProblem[] }
	| { status: 409; etag: string; changed: Changes | null }
	| { status: 422; problems: LayerProblem[]; warnings: LayerProblem[] };

export interface SaveRequest {
	layer: StoryLayer;
	/** the new layer's JSON text (already checked to parse without forbidden keys) */
	text: string;
	/** the text as the API parsed it (the checks then do not parse 5 MB again) */
	parsed?: ParsedJson;
	/** blob id from If-Match */
	baseId: string;
	editor: string;
	/** set when restoring: the revision restored, whose ids may come back */
	restoredFrom?: { rev: string; text: string };
}

export async function saveLayer(req: SaveRequest): Promise<SaveResult> {
	const { layer } = req;
	// the costly checks need no lock: run them first, in slices, so neither readers nor other layers' saves wait
	const content = await checkEditedContentInSlices(req.text, { file: layer.file, sourceIds: new Set(loadSources().keys()) }, req.parsed);
	if (!content.ok) return { status: 422, problems: content.problems, warnings: content.warnings };
	const dir = dataDir();
	// with QANTAR_DATA_REMOTE: level with the other instances first, pushed after (a refused push runs this again, and gets the 409)
	return writeInStep(dir, () => saveLocked(req, content, dir));
}

/** a layer whose content checks passed */
type CheckedContent = Extract<Awaited<ReturnType<typeof checkEditedContentInSlices>>, { ok: true }>;

async function saveLocked(req: SaveRequest, content: CheckedContent, dir: string): Promise<SaveResult> {
	const { layer } = req;
	return withLock(`layer:${layer.id}`, async () => {
		await ensureRepository(dir);
		const current = await readLayerText(layer);
		await commitOutsideChange(dir, layer.file, layer.id, current);
		const currentId = blobId(current);
		if (req.baseId !== currentId) {
			const base = await blob(dir, req.baseId);
			return { status: 409, etag: etagOf(current), changed: base === null ? null : diffLayers(base, current) };
		}
		return withLock('layers:ids', async () => {
			const knownIds = idsOf(current);
			if (req.restoredFrom) for (const id of idsOf(req.restoredFrom.text)) knownIds.add(id);
			const problems = idProblems(content.collection.features, {
				file: layer.file,
				otherLayerIds: await idsOfOtherLayers(layer),
				knownIds,
				retiredIds: await removedIds(dir),
				sourceIds: new Set()
			});
			if (problems.length) return { status: 422 as const, problems, warnings: content.warnings };
			const text = req.restoredFrom ? req.restoredFrom.text : serialiseLayer(content.collection);
			const changes = diffLayers(current, text);
			// a feature the story still names stays: readers' story (or the next publish) would not load without it
			const named = citedRemovals(changes.removed, await storiesNamingFeatures(dir));
			if (named.length)
				return { status: 422 as const, problems: named.map((n) => ({ file: layer.file, id: n.id, message: n.message })), warnings: content.warnings };
			if (text === current) return { status: 200 as const, etag: etagOf(current), rev: null, changes, warnings: content.warnings };
			await writeFileAtomic(layerPath(layer), text);
			const prefix = req.restoredFrom ? `restored ${req.restoredFrom.rev.slice(0, 10)}: ` : '';
			const rev = await commitFile(dir, layer.file, req.editor, commitMessage(layer.id, changes, prefix));
			return { status: 200 as const, etag: etagOf(text), rev, changes, warnings: content.warnings };
		});
	});
}
