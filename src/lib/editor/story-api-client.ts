/**
 * Every request the story editor makes to the server, typed, as
 * docs/story-api.md describes them: the draft and its ETag, a save with
 * If-Match, the published document, the history, a publish, the step pictures. A refusal becomes
 * a StoryApiError with the server's sentence and its problems (each with the
 * path of the field); a 409 a StoryConflictError with the current version and
 * the paths changed since. Nothing is cached by the browser.
 */
import type { z } from 'zod';
import type { PicturesStatus, Published, StoryHistory, StoryResponse, StoryRole, StorySaved } from '$lib/api/story-api';
import type { DocumentProblem } from '$lib/schema/story-document';
import type { stepsFileSchema, storyTextSchema } from '$lib/schema/story';
import type { figuresFileSchema } from '$lib/schema/figures';
import type { sourcesFileSchema } from '$lib/schema/sources';
import { isObject, readAnswer, send, type FetchLike } from './json-request';

export const STORY_PATH = '/api/story';
export const STORY_PUBLISHED_PATH = '/api/story/published';
export const STORY_HISTORY_PATH = '/api/story/history';
export const STORY_PUBLISH_PATH = '/api/story/publish';
export const STORY_PICTURES_PATH = '/api/story/pictures';

/**
 * The story document as the editor handles it: the StoryDocument of
 * $lib/schema/story-document (whose parts are `unknown` until validated) with
 * each part typed as its file's schema takes it. What the server sends was
 * validated before it was written.
 */
export interface StoryDoc {
	steps: z.input<typeof stepsFileSchema>;
	text: { fr: z.input<typeof storyTextSchema>; en: z.input<typeof storyTextSchema> };
	figures: z.input<typeof figuresFileSchema>;
	sources: z.input<typeof sourcesFileSchema>;
}
export type StoryProblem = DocumentProblem;
export type { StoryRole, StorySaved };
export type StoryDraft = Omit<StoryResponse, 'document'> & { document: StoryDoc };
export type StoryRevision = StoryHistory['revisions'][number];

export class StoryApiError extends Error {
	override readonly name: string = 'StoryApiError';
	constructor(
		/** what was asked, e.g. "PUT /api/story" */
		readonly request: string,
		/** 0 when no answer came */
		readonly status: number,
		message: string,
		readonly problems: readonly StoryProblem[] = []
	) {
		super(message);
	}
}

/** 409: the draft moved since the version sent. */
export class StoryConflictError extends StoryApiError {
	override readonly name = 'StoryConflictError';
	constructor(
		request: string,
		message: string,
		/** the draft's current version */
		readonly etag: string,
		/** what changed since, in words ("steps › akimat › title (fr)") */
		readonly changed: readonly string[] | null
	) {
		super(request, 409, message);
	}
}

export type { FetchLike };

function problemsOf(v: unknown): StoryProblem[] {
	if (!Array.isArray(v)) return [];
	return v.filter(isObject).map((p) => ({
		path: Array.isArray(p.path) ? p.path.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number') : [],
		message: typeof p.message === 'string' ? p.message : String(p.message ?? '')
	}));
}

export class StoryApi {
	readonly #fetch: FetchLike;
	constructor(fetchFn: FetchLike = (input, init) => fetch(input, init)) {
		this.#fetch = fetchFn;
	}

	/** The shared draft, its version, and what the signed-in editor may do. */
	async draft(): Promise<StoryDraft> {
		const r = await this.#send('GET', STORY_PATH);
		const d = await this.#json<StoryDraft>('GET', STORY_PATH, r);
		if (!isObject(d) || !isObject(d.document)) throw new StoryApiError(`GET ${STORY_PATH}`, r.status, 'the answer is not a story draft');
		return { ...d, etag: d.etag || (r.headers.get('etag') ?? '') };
	}

	/** Saves the whole document over the version `etag`. Throws StoryConflictError (409) or StoryApiError (422 with problems, any other refusal). */
	async save(doc: StoryDoc, etag: string): Promise<StorySaved> {
		const r = await this.#send('PUT', STORY_PATH, { headers: { 'content-type': 'application/json', 'if-match': etag }, body: JSON.stringify(doc) });
		return this.#json<StorySaved>('PUT', STORY_PATH, r);
	}

	/** The document readers see now. */
	async published(): Promise<StoryDoc> {
		return this.#json<StoryDoc>('GET', STORY_PUBLISHED_PATH, await this.#send('GET', STORY_PUBLISHED_PATH));
	}

	async history(): Promise<StoryRevision[]> {
		return (await this.#json<StoryHistory>('GET', STORY_HISTORY_PATH, await this.#send('GET', STORY_HISTORY_PATH))).revisions;
	}

	/** Makes the draft of version `etag` what readers see. */
	async publish(etag: string, note: string, minor: boolean): Promise<Published> {
		const r = await this.#send('POST', STORY_PUBLISH_PATH, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ etag, note, minor }) });
		return this.#json<Published>('POST', STORY_PUBLISH_PATH, r);
	}

	/** The step pictures being drawn again after a publish. */
	async pictures(): Promise<PicturesStatus> {
		return this.#json<PicturesStatus>('GET', STORY_PICTURES_PATH, await this.#send('GET', STORY_PICTURES_PATH));
	}

	#send(method: string, path: string, init: RequestInit = {}): Promise<Response> {
		return send(this.#fetch, method, path, init, (request, message) => new StoryApiError(request, 0, message));
	}

	async #json<T>(method: string, path: string, r: Response): Promise<T> {
		const a = await readAnswer(method, path, r);
		if (a.ok === true) return a.body as T;
		if (a.ok === 'not-json') throw new StoryApiError(a.request, a.status, 'the answer is not JSON');
		const { refusal } = a;
		if (a.status === 409)
			throw new StoryConflictError(
				a.request,
				a.message,
				String(refusal.etag ?? r.headers.get('etag') ?? ''),
				Array.isArray(refusal.changed) ? refusal.changed.map(String) : null
			);
		throw new StoryApiError(a.request, a.status, a.message, problemsOf(refusal.problems));
	}
}
