/** The step pictures being drawn again after a publish (pending, failed), for the story editor. Editors only. */
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { answer, methodNotAllowed } from '$lib/server/editor/api-response';
import { requireEditor } from '$lib/server/editor/request-checks';
import { stepPicturesStatus } from '$lib/server/pictures/step-pictures';
import type { PicturesStatus } from '$lib/api/story-api';

export const GET: RequestHandler = (event) =>
	answer(async () => {
		await requireEditor(event);
		const body: PicturesStatus = stepPicturesStatus();
		return json(body, { headers: { 'cache-control': 'no-store' } });
	});

export const fallback: RequestHandler = ({ request }) => methodNotAllowed(request.method, ['GET']);
