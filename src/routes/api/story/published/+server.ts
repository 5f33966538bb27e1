/** The published story document (what readers see), for the diff shown before publishing. Editors only. */
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { answer, methodNotAllowed } from '$lib/server/editor/api-response';
import { requireEditor, storageError } from '$lib/server/editor/request-checks';
import { readStory } from '$lib/server/story/story-store';

export const GET: RequestHandler = (event) =>
	answer(async () => {
		await requireEditor(event);
		const s = await readStory().catch(storageError);
		return json(s.published.document, { headers: { 'cache-control': 'no-store' } });
	});

export const fallback: RequestHandler = ({ request }) => methodNotAllowed(request.method, ['GET']);
