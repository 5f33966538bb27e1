/**
 * One layer: GET returns it as stored (ETag = content hash, revalidated on
 * every use); PUT replaces it with the FeatureCollection the editor sends,
 * only from the version named by If-Match (428 without, 409 when stale).
 */
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { answer, ApiError, methodNotAllowed, problemsFrom } from '$lib/server/editor/api-response';
import { etagOf, readLayerText } from '$lib/server/editor/layer-files';
import { saveLayer } from '$lib/server/editor/layer-save';
import { readJsonBody, requireLayer, requireWrite, storageError } from '$lib/server/editor/request-checks';

export const GET: RequestHandler = ({ params, request }) =>
	answer(async () => {
		const layer = requireLayer(params.layer);
		const text = await readLayerText(layer);
		const etag = etagOf(text);
		const headers = { etag, 'cache-control': 'no-cache', 'content-type': 'application/geo+json; charset=utf-8' };
		if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
		return new Response(text, { headers });
	});

export const PUT: RequestHandler = (event) =>
	answer(async () => {
		const { layer, editor, baseId } = await requireWrite(event);
		const { text, parsed } = await readJsonBody(event, layer.file);
		const result = await saveLayer({ layer, text, parsed, baseId, editor }).catch(storageError);
		if (result.status === 409) {
			const c = result.changed;
			const what = c ? `changed since: ${[...c.added, ...c.modified, ...c.removed].join(', ') || 'formatting only'}` : 'your version is not in the history';
			throw new ApiError(
				409,
				`The layer was saved by someone else since you loaded it (${what}): reload it and apply your change again`,
				[{ file: layer.file, field: 'If-Match', message: `stale version; current ETag is ${result.etag}` }],
				{ etag: result.etag },
				{ etag: result.etag, changed: result.changed }
			);
		}
		if (result.status === 422) {
			const n = result.problems.length;
			throw new ApiError(
				422,
				`The layer has ${n} problem${n > 1 ? 's' : ''}: nothing was saved`,
				problemsFrom(result.problems),
				{},
				{ warnings: problemsFrom(result.warnings) }
			);
		}
		return json(
			{ etag: result.etag, rev: result.rev, changes: result.changes, warnings: problemsFrom(result.warnings) },
			{ headers: { etag: result.etag, 'cache-control': 'no-store' } }
		);
	});

export const fallback: RequestHandler = ({ request }) => methodNotAllowed(request.method, ['GET', 'PUT']);
