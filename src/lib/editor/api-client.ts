/**
 * Every request the editor makes to the server, typed: a layer and its ETag,
 * the ids of all layers (one request, revalidated by ETag), a save with
 * If-Match, the history, one revision, a restore. A refusal becomes an
 * EditorApiError carrying the server's sentence, its problems (with their
 * field paths) and the request that was refused; a 409 a LayerConflictError
 * with the current version and what changed since. No request is cached by
 * the browser (the layers change under the editor's feet).
 */
import type { Feature, FeatureCollection } from 'geojson';
import {
	historyPath,
	LAYER_IDS_PATH,
	layerPath,
	restorePath,
	revisionPath,
	type Changes,
	type ConflictBody,
	type ErrorBody,
	type HistoryAnswer,
	type LayerIdsAnswer,
	type Problem,
	type RestoreAnswer,
	type Revision,
	type SaveAnswer
} from '$lib/api/editor-api';
import { collectionBlob } from './io';
import { isObject, readAnswer, send, type FetchLike } from './json-request';

/** A refused or failed request: `status` 0 when no answer came. */
export class EditorApiError extends Error {
	override readonly name: string = 'EditorApiError';
	constructor(
		/** what was asked, e.g. "PUT /api/layers/protest-cities" */
		readonly request: string,
		readonly status: number,
		/** the server's sentence (its `error`), else what went wrong */
		message: string,
		/** the server's problems, each with where (feature index, field path) and what */
		readonly problems: readonly Problem[] = []
	) {
		super(message);
	}
}

/** 409: someone saved the layer since the version named by If-Match. */
export class LayerConflictError extends EditorApiError {
	override readonly name = 'LayerConflictError';
	constructor(
		request: string,
		message: string,
		problems: readonly Problem[],
		/** the layer's current version */
		readonly etag: string,
		/** ids changed since the version sent (null: that version is not in the history) */
		readonly changed: Changes | null
	) {
		super(request, 409, message, problems);
	}
}

export interface LoadedLayer {
	etag: string;
	features: Feature[];
}

export type { FetchLike };

export class EditorApi {
	readonly #fetch: FetchLike;
	/** the last answer of the ids request and its ETag: an unchanged set of layers is not sent again */
	#ids: { etag: string; answer: LayerIdsAnswer } | null = null;

	constructor(fetchFn: FetchLike = (input, init) => fetch(input, init)) {
		this.#fetch = fetchFn;
	}

	/** The layer as stored, with the ETag a save must name. */
	async layer(layer: string): Promise<LoadedLayer> {
		const path = layerPath(layer);
		const r = await this.#send('GET', path);
		const fc = await this.#json<FeatureCollection>('GET', path, r);
		if (!Array.isArray(fc?.features)) throw new EditorApiError(`GET ${path}`, r.status, 'the answer is not a FeatureCollection');
		return { etag: r.headers.get('etag') ?? '', features: fc.features };
	}

	/** Every layer's feature ids, by layer id (one request; 304 when nothing changed since the last one). */
	async layerIds(): Promise<LayerIdsAnswer> {
		const hit = this.#ids;
		const r = await this.#send('GET', LAYER_IDS_PATH, hit ? { headers: { 'if-none-match': hit.etag } } : {});
		if (r.status === 304 && hit) return hit.answer;
		const answer = await this.#json<LayerIdsAnswer>('GET', LAYER_IDS_PATH, r);
		if (!isObject(answer) || !Object.values(answer).every(Array.isArray))
			throw new EditorApiError(`GET ${LAYER_IDS_PATH}`, r.status, 'the answer is not a list of ids per layer');
		const etag = r.headers.get('etag');
		this.#ids = etag ? { etag, answer } : null;
		return answer;
	}

	/** Saves the whole layer from the version `etag` (If-Match). Throws LayerConflictError (409), EditorApiError (422: problems by feature and field; any other refusal). */
	async save(layer: string, features: readonly Feature[], etag: string): Promise<SaveAnswer> {
		const path = layerPath(layer);
		const body = await collectionBlob(features);
		const r = await this.#send('PUT', path, { headers: { 'content-type': 'application/json', 'if-match': etag }, body });
		return this.#json<SaveAnswer>('PUT', path, r);
	}

	/** The layer's revisions, newest first. */
	async history(layer: string, limit = 50): Promise<Revision[]> {
		const path = historyPath(layer, limit);
		return (await this.#json<HistoryAnswer>('GET', path, await this.#send('GET', path))).revisions;
	}

	/** The layer as it was at a revision. */
	async revision(layer: string, rev: string): Promise<FeatureCollection> {
		const path = revisionPath(layer, rev);
		return this.#json<FeatureCollection>('GET', path, await this.#send('GET', path));
	}

	/** Restores a revision as a new one, from the version `etag` (If-Match). */
	async restore(layer: string, rev: string, etag: string): Promise<RestoreAnswer> {
		const path = restorePath(layer);
		const r = await this.#send('POST', path, { headers: { 'content-type': 'application/json', 'if-match': etag }, body: JSON.stringify({ rev }) });
		return this.#json<RestoreAnswer>('POST', path, r);
	}

	#send(method: string, path: string, init: RequestInit = {}): Promise<Response> {
		return send(this.#fetch, method, path, init, (request, message) => new EditorApiError(request, 0, message));
	}

	/** The JSON of a successful answer; a refusal thrown as a typed error with the server's words. */
	async #json<T>(method: string, path: string, r: Response): Promise<T> {
		const a = await readAnswer(method, path, r);
		if (a.ok === true) return a.body as T;
		if (a.ok === 'not-json') throw new EditorApiError(a.request, a.status, 'the answer is not JSON');
		const refusal = a.refusal as Partial<ConflictBody & ErrorBody>;
		const problems = Array.isArray(refusal.problems) ? refusal.problems : [];
		if (a.status === 409) throw new LayerConflictError(a.request, a.message, problems, String(refusal.etag ?? ''), refusal.changed ?? null);
		throw new EditorApiError(a.request, a.status, a.message, problems);
	}
}
