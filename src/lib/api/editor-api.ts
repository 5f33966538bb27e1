/**
 * The editor's HTTP API as both sides see it: the paths and the JSON of every
 * answer. Types only (and the paths): the routes under src/routes/api/ send
 * these shapes, the editor's client ($lib/editor/api-client) reads them.
 * Neither side imports the other.
 */

/** One thing the server refuses: where (file, feature index, id, field path) and what. */
export interface Problem {
	file?: string;
	/** index of the feature in the body that was sent */
	feature?: number;
	id?: string;
	/** e.g. "properties.name_en", "geometry.coordinates", "If-Match" */
	field?: string;
	message: string;
}

/** Every refusal: a sentence saying what is wrong, and the problems one by one. */
export interface ErrorBody {
	error: string;
	problems: Problem[];
}

/** Feature ids added, modified and removed by a revision (or since a version). */
export interface Changes {
	added: string[];
	modified: string[];
	removed: string[];
}

/** 200 to PUT /api/layers/<layer>. `rev` is null when nothing changed. */
export interface SaveAnswer {
	etag: string;
	rev: string | null;
	changes: Changes;
	warnings: Problem[];
}

/** 409 to a save or a restore: the current version, and what changed since yours (null: yours is not in the history). */
export interface ConflictBody extends ErrorBody {
	etag: string;
	changed: Changes | null;
}

/** 200 to POST /api/layers/<layer>/restore. */
export interface RestoreAnswer {
	etag: string;
	rev: string;
	/** the revision that was restored */
	restored: string;
	changes: Changes;
}

export interface Revision extends Changes {
	rev: string;
	author: string;
	date: string;
	message: string;
}

/** 200 to GET /api/layers/<layer>/history. */
export interface HistoryAnswer {
	layer: string;
	revisions: Revision[];
}

/** 200 to GET /api/layers/ids: every layer's feature ids, by layer id. */
export type LayerIdsAnswer = Record<string, string[]>;

export const LAYER_IDS_PATH = '/api/layers/ids';
export const layerPath = (layer: string) => `/api/layers/${encodeURIComponent(layer)}`;
export const historyPath = (layer: string, limit: number) => `${layerPath(layer)}/history?limit=${limit}`;
export const revisionPath = (layer: string, rev: string) => `${layerPath(layer)}/history/${encodeURIComponent(rev)}`;
export const restorePath = (layer: string) => `${layerPath(layer)}/restore`;
