/**
 * Publishes the draft (publishers only: 403 for an editor). Body
 * { etag, note, minor }: 409 when the draft moved since etag, 422 when readers
 * would see a change and neither a note nor minor was given (or the draft no
 * longer fits the layers). Readers see the new state at once.
 */
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { Published } from '$lib/api/story-api';
import { answer, ApiError, methodNotAllowed } from '$lib/server/editor/api-response';
import { readJsonBody, requirePublisher, requireSameOrigin, storageError } from '$lib/server/editor/request-checks';
import { publish } from '$lib/server/story/story-publish';
import { conflict, invalid, storyTreeOf } from '$lib/server/story/story-requests';
import { stepPicturesChanged, stepPicturesStatus } from '$lib/server/pictures/step-pictures';

const bodySchema = z.strictObject({
	etag: z.string(),
	note: z.string().max(1000, 'must be at most 1000 characters').default(''),
	minor: z.boolean().default(false)
});

export const POST: RequestHandler = (event) =>
	answer(async () => {
		const editor = await requirePublisher(event);
		requireSameOrigin(event);
		const { value } = await readJsonBody(event, 'publish', 'send { etag, note, minor }');
		const body = bodySchema.safeParse(value);
		if (!body.success) {
			const i = body.error.issues[0]!;
			throw new ApiError(400, `The publish request is malformed: ${i.path.join('.') || 'body'} ${i.message}`, [
				{ field: i.path.join('.'), message: i.message }
			]);
		}
		const tree = storyTreeOf(body.data.etag, 'etag');
		const result = await publish({ tree, note: body.data.note, minor: body.data.minor, editor }).catch(storageError);
		if (result.status === 409) throw conflict(result.etag, result.changed, 'review it before publishing');
		if (result.status === 422) throw invalid(result.problems, 'Not published');
		stepPicturesChanged(); // in the background: the answer does not wait for the pictures
		const answerBody: Published = { publishedRev: result.publishedRev, entries: result.entries, pictures: stepPicturesStatus() };
		return json(answerBody, { headers: { 'cache-control': 'no-store' } });
	});

export const fallback: RequestHandler = ({ request }) => methodNotAllowed(request.method, ['POST']);
