/**
 * Saving a layer: under the layer's lock, checks the version the editor
 * started from (If-Match), validates the new content with the shared checks
 * (in the context of the other layers and of the ids history retired), writes
 * it atomically and records a revision. A stale version is refused with the
 * ids changed since, never overwritten. Ids are unique across layers, so the
 * id checks, the write and the commit also hold one lock shared by all layers
 * (two layers cannot take the same new id at once).
 */
import type { StoryLayer } from '$lib/geo/layers';
import type { LayerProblem } from '$lib/schema/validate-layer';
import { validateEditedLayer } from '$lib/schema/validate-edit';
import { loadSources } from '$lib/server/sources-loader';
import { dataDir } from '$lib/server/layer-store';
import { writeFileAtomic } from './atomic-write.js';
import { blob, commitFile, commitMessage, commitOutsideChange, diffLayers, ensureRepository, removedIds, type Changes } from './git-history';
import { blobId, etagOf, idsOf, idsOfOtherLayers, layerPath, readLayerText, serialiseLayer } from './layer-files';
import { withLock } from './mutex';

export type SaveResult =
	| { status: 200; etag: string; rev: string | null; changes: Changes; warnings: LayerProblem[] }
	| { status: 409; etag: string; changed: Changes | null }
	| { status: 422; problems: LayerProblem[]; warnings: LayerProblem[] };

export interface SaveRequest {
	layer: StoryLayer;
	/** the new layer's JSON text (already checked to parse without forbidden keys) */
	text: string;
	/** blob id from If-Match */
	baseId: string;
	editor: string;
	/** set when restoring: the revision restored, whose ids may come back */
	restoredFrom?: { rev: string; text: string };
}

export function saveLayer(req: SaveRequest): Promise<SaveResult> {
	const { layer } = req;
	return withLock(`layer:${layer.id}`, async () => {
		const dir = dataDir();
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
			const result = validateEditedLayer(req.text, {
				file: layer.file,
				otherLayerIds: await idsOfOtherLayers(layer),
				knownIds,
				retiredIds: await removedIds(dir),
				sourceIds: new Set(loadSources().keys())
			});
			if (!result.ok) return { status: 422 as const, problems: result.problems, warnings: result.warnings };
			const text = req.restoredFrom ? req.restoredFrom.text : serialiseLayer(result.collection);
			const changes = diffLayers(current, text);
			if (text === current) return { status: 200 as const, etag: etagOf(current), rev: null, changes, warnings: result.warnings };
			await writeFileAtomic(layerPath(layer), text);
			const prefix = req.restoredFrom ? `restored ${req.restoredFrom.rev.slice(0, 10)}: ` : '';
			const rev = await commitFile(dir, layer.file, req.editor, commitMessage(layer.id, changes, prefix));
			return { status: 200 as const, etag: etagOf(text), rev, changes, warnings: result.warnings };
		});
	});
}
