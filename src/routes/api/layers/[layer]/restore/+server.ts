/**
 * Restores a layer to an earlier revision, as a new revision: POST { "rev" }
 * with If-Match naming the current version. The restored content passes the
 * same checks as any save (its ids may come back; ids now used elsewhere not).
 */
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { dataDir } from '$lib/server/layer-store';
import { answer, ApiError, methodNotAllowed, problemsFrom } from '$lib/server/editor/api-response';
import { ensureRepository, fileAt } from '$lib/server/editor/git-history';
import { saveLayer } from '$lib/server/editor/layer-save';
import { readJsonBody, requireWrite, storageError } from '$lib/server/editor/request-checks';

export const POST: RequestHandler = (event) =>
	answer(async () => {
		const { layer, editor, baseId } = await requireWrite(event);
		const { value } = await readJsonBody(event, layer.file);
		const rev = (value as { rev?: unknown } | null)?.rev;
		if (typeof rev !== 'string' || !/^[0-9a-f]{4,40}$/.test(rev))
			throw new ApiError(400, 'The body must be { "rev": "<revision hash>" }', [{ field: 'rev', message: 'must be a revision hash (hex)' }]);
		await ensureRepository(dataDir()).catch(storageError);
		const found = await fileAt(dataDir(), rev, layer.file);
		if (!found) throw new ApiError(404, `No revision "${rev}" of ${layer.file}`, [{ file: layer.file, field: 'rev', message: 'unknown revision' }]);
		const result = await saveLayer({ layer, text: found.text, baseId, editor, restoredFrom: found }).catch(storageError);
		if (result.status === 409)
			throw new ApiError(
				409,
				'The layer was saved by someone else since you loaded it: reload it before restoring',
				[],
				{ etag: result.etag },
				{
					etag: result.etag,
					changed: result.changed
				}
			);
		if (result.status === 422) throw new ApiError(422, `Revision ${rev} cannot be restored as it is: it fails today's checks`, problemsFrom(result.problems));
		return json(
			{ etag: result.etag, rev: result.rev, restored: found.rev, changes: result.changes },
			{ headers: { etag: result.etag, 'cache-control': 'no-store' } }
		);
	});

export const fallback: RequestHandler = ({ request }) => methodNotAllowed(request.method, ['POST']);
