/** A layer's revisions, newest first: hash, who, when, ids added/modified/removed. Editors only. */
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { dataDir } from '$lib/server/layer-store';
import { answer, methodNotAllowed } from '$lib/server/editor/api-response';
import { ensureRepository, fileHistory } from '$lib/server/editor/git-history';
import { requireEditor, requireLayer, storageError } from '$lib/server/editor/request-checks';

export const GET: RequestHandler = (event) =>
	answer(async () => {
		const layer = requireLayer(event.params.layer);
		await requireEditor(event);
		const limit = Math.min(500, Math.max(1, Number(event.url.searchParams.get('limit')) || 100));
		await ensureRepository(dataDir()).catch(storageError);
		const revisions = await fileHistory(dataDir(), layer.file, limit);
		return json({ layer: layer.id, revisions }, { headers: { 'cache-control': 'no-store' } });
	});

export const fallback: RequestHandler = ({ request }) => methodNotAllowed(request.method, ['GET']);
