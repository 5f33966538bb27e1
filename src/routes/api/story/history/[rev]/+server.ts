/** The story document as a revision of the draft left it: { rev, document } (404 when the history has no such revision). Editors only. */
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { answer, ApiError, methodNotAllowed } from '$lib/server/editor/api-response';
import { requireEditor, storageError } from '$lib/server/editor/request-checks';
import { documentAt } from '$lib/server/story/story-store';

export const GET: RequestHandler = (event) =>
	answer(async () => {
		await requireEditor(event);
		const rev = event.params.rev;
		const document = await documentAt(rev).catch(storageError);
		if (!document)
			throw new ApiError(404, `The story's history has no revision "${rev.slice(0, 40)}" (or the story did not exist then)`, [
				{ field: 'rev', message: 'unknown revision' }
			]);
		return json({ rev, document }, { headers: { 'cache-control': 'no-store' } });
	});

export const fallback: RequestHandler = ({ request }) => methodNotAllowed(request.method, ['GET']);
