/** A layer as it was at one revision (its text, byte for byte). Editors only. */
import type { RequestHandler } from './$types';
import { dataDir } from '$lib/server/layer-store';
import { answer, ApiError, methodNotAllowed } from '$lib/server/editor/api-response';
import { ensureRepository, fileAt } from '$lib/server/editor/git-history';
import { etagOf } from '$lib/server/editor/layer-files';
import { requireEditor, requireLayer, storageError } from '$lib/server/editor/request-checks';

export const GET: RequestHandler = (event) =>
	answer(async () => {
		const layer = requireLayer(event.params.layer);
		await requireEditor(event);
		await ensureRepository(dataDir()).catch(storageError);
		const found = await fileAt(dataDir(), event.params.rev, layer.file);
		if (!found)
			throw new ApiError(404, `No revision "${event.params.rev.slice(0, 60)}" of ${layer.file}`, [
				{ file: layer.file, field: 'rev', message: 'unknown revision' }
			]);
		return new Response(found.text, {
			headers: { 'content-type': 'application/geo+json; charset=utf-8', 'cache-control': 'no-store', 'x-revision': found.rev, etag: etagOf(found.text) }
		});
	});

export const fallback: RequestHandler = ({ request }) => methodNotAllowed(request.method, ['GET']);
