/**
 * The story draft (docs/story-api.md). GET: the draft document with its ETag,
 * what is published and the editor's role. PUT: replaces the draft with the
 * document sent, only from the version named by If-Match (428 without, 409
 * with what changed when stale, 422 with field paths when invalid: nothing
 * written).
 */
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import type { StoryResponse, StorySaved } from '$lib/api/story-api';
import { answer, methodNotAllowed } from '$lib/server/editor/api-response';
import { readJsonBody, requireEditorRole, requireSameOrigin, storageError } from '$lib/server/editor/request-checks';
import { readStory, saveDraft } from '$lib/server/story/story-store';
import { featuresChangedSince } from '$lib/server/story/story-publish';
import { conflict, ifMatchTree, invalid } from '$lib/server/story/story-requests';

const NO_STORE = { 'cache-control': 'no-store' };

export const GET: RequestHandler = (event) =>
	answer(async () => {
		const { role } = await requireEditorRole(event);
		const s = await readStory().catch(storageError);
		const body: StoryResponse = {
			document: s.document,
			etag: s.etag,
			draftRev: s.draftRev,
			publishedRev: s.publishedRev,
			publishedAt: s.publishedAt,
			unpublishedChanges: s.tree !== s.published.tree || (await featuresChangedSince(s.publishedRev)),
			role
		};
		return json(body, { headers: { ...NO_STORE, etag: s.etag } });
	});

export const PUT: RequestHandler = (event) =>
	answer(async () => {
		const { editor } = await requireEditorRole(event);
		requireSameOrigin(event);
		const tree = ifMatchTree(event);
		const { value } = await readJsonBody(event, 'story', 'send the story document { steps, text: { fr, en }, figures, sources }');
		const result = await saveDraft(value, tree, editor).catch(storageError);
		if (result.status === 409) throw conflict(result.etag, result.changed, 'apply your change');
		if (result.status === 422) throw invalid(result.problems, 'The story has problems, nothing was saved');
		const body: StorySaved = { etag: result.etag, rev: result.rev };
		return json(body, { headers: { ...NO_STORE, etag: result.etag } });
	});

export const fallback: RequestHandler = ({ request }) => methodNotAllowed(request.method, ['GET', 'PUT']);
