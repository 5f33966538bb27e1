/**
 * The feature ids of every layer, by layer id: what the editor needs of the
 * layers it is not editing (ids are unique across layers), in one request
 * instead of every layer whole. Editors only. The ETag names the versions of
 * all the layer files: a matching If-None-Match answers 304.
 */
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { STORY_LAYERS } from '$lib/geo/layers';
import type { LayerIdsAnswer } from '$lib/api/editor-api';
import { answer, methodNotAllowed } from '$lib/server/editor/api-response';
import { blobId, etagOf, idsOf, readLayerText } from '$lib/server/editor/layer-files';
import { requireEditor } from '$lib/server/editor/request-checks';

export const GET: RequestHandler = (event) =>
	answer(async () => {
		await requireEditor(event);
		const texts = await Promise.all(STORY_LAYERS.map((layer) => readLayerText(layer)));
		const etag = etagOf(texts.map(blobId).join('\n'));
		const headers = { etag, 'cache-control': 'no-store' };
		if (event.request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
		const ids: LayerIdsAnswer = Object.fromEntries(STORY_LAYERS.map((layer, i) => [layer.id, [...idsOf(texts[i]!)]]));
		return json(ids, { headers });
	});

export const fallback: RequestHandler = ({ request }) => methodNotAllowed(request.method, ['GET']);
