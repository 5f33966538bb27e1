/** The draft's revisions, newest first: hash, who, when, what. Editors only. */
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import type { StoryHistory } from '$lib/api/story-api';
import { answer, methodNotAllowed } from '$lib/server/editor/api-response';
import { requireEditor, storageError } from '$lib/server/editor/request-checks';
import { storyHistory } from '$lib/server/story/story-store';

export const GET: RequestHandler = (event) =>
	answer(async () => {
		await requireEditor(event);
		const limit = Math.min(500, Math.max(1, Number(event.url.searchParams.get('limit')) || 100));
		const body: StoryHistory = { revisions: await storyHistory(limit).catch(storageError) };
		return json(body, { headers: { 'cache-control': 'no-store' } });
	});

export const fallback: RequestHandler = ({ request }) => methodNotAllowed(request.method, ['GET']);
