/**
 * The checks every write request passes, in this order: editors configured
 * (503, saying how to add one), a valid session (401), the same origin (403;
 * a write without Origin is refused too), a JSON content type (415), a body
 * under the size limit (413) that is UTF-8 and parses as JSON without
 * prototype keys (400). Each throws an ApiError naming the problem.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { layerById, LAYER_IDS, type StoryLayer } from '$lib/geo/layers';
import { parseJsonBody, type ParsedJson } from '$lib/schema/validate-edit';
import { HistoryUnavailableError } from './git-history';
import { loadEditors, type Role } from './editors';
import { currentEditor } from './sessions';
import { ApiError, problemsFrom } from './api-response';
import { parseIfMatch } from './layer-files';
import { API_MAX_BODY_BYTES } from '../web-policy.js';

export const MAX_BODY_BYTES = API_MAX_BODY_BYTES;
const JSON_TYPES = new Set(['application/json', 'application/geo+json']);

export function requireLayer(name: string): StoryLayer {
	const layer = layerById(name);
	if (!layer)
		throw new ApiError(404, `There is no layer "${name.slice(0, 80)}": layers are ${LAYER_IDS.join(', ')}`, [
			{ field: 'layer', message: `unknown layer "${name.slice(0, 80)}"` }
		]);
	return layer;
}

/** The signed-in editor, or 503 (no editors configured) / 401. */
export async function requireEditor(event: RequestEvent): Promise<string> {
	const editors = await loadEditors();
	if (!editors.ok) throw new ApiError(503, editors.message);
	const name = await currentEditor(event.cookies);
	if (!name) throw new ApiError(401, 'You are not signed in (or your session expired): sign in at /edit/login');
	return name;
}

export function requireSameOrigin(event: RequestEvent): void {
	const origin = event.request.headers.get('origin');
	if (origin === null) throw new ApiError(403, 'The Origin header is missing: writes are accepted only from the editor of this site');
	if (origin !== event.url.origin) throw new ApiError(403, `Cross-origin write refused: Origin ${origin.slice(0, 200)} is not ${event.url.origin}`);
}

/** The checks every write shares, in order: layer, session, origin, If-Match (428 without a usable one). */
export async function requireWrite(event: RequestEvent): Promise<{ layer: StoryLayer; editor: string; baseId: string }> {
	const layer = requireLayer(event.params.layer ?? '');
	const editor = await requireEditor(event);
	requireSameOrigin(event);
	const ifMatch = parseIfMatch(event.request.headers.get('if-match'));
	if (!ifMatch.ok) throw new ApiError(428, ifMatch.message, [{ file: layer.file, field: 'If-Match', message: ifMatch.message }]);
	return { layer, editor, baseId: ifMatch.id };
}

/** Reads the body as text, enforcing the content type and the size limit even without Content-Length. */
export async function readJsonBody(
	event: RequestEvent,
	file: string,
	emptyHint = 'send the layer as a GeoJSON FeatureCollection'
): Promise<{ text: string; value: unknown; parsed: ParsedJson }> {
	const type = event.request.headers.get('content-type') ?? '';
	const [media, ...params] = type.split(';').map((s) => s.trim().toLowerCase());
	const charset = params
		.find((p) => p.startsWith('charset='))
		?.slice(8)
		.replace(/"/g, '');
	if (!media || !JSON_TYPES.has(media) || (charset && charset !== 'utf-8'))
		throw new ApiError(415, `Content-Type must be application/json or application/geo+json (UTF-8), not "${type.slice(0, 100) || 'none'}"`);
	const length = Number(event.request.headers.get('content-length') ?? NaN);
	const tooBig = () => new ApiError(413, `The body is larger than the limit of ${MAX_BODY_BYTES / 1024 / 1024} MB`);
	if (length > MAX_BODY_BYTES) throw tooBig();
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (event.request.body) {
		// read to the end even past the limit (adapter-node's BODY_SIZE_LIMIT bounds it), keeping nothing:
		// a body left half read cuts a client off mid-write or spoils its next request on the connection
		for await (const value of event.request.body) {
			size += value.byteLength;
			if (size <= MAX_BODY_BYTES) chunks.push(value);
		}
	}
	if (size > MAX_BODY_BYTES) throw tooBig();
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.concat(chunks));
	} catch {
		throw new ApiError(400, 'The body is not valid UTF-8');
	}
	if (text.trim() === '') throw new ApiError(400, `The body is empty: ${emptyHint}`, [{ file, message: 'empty body' }]);
	const parsed = parseJsonBody(text, file);
	if (!parsed.ok) throw new ApiError(400, parsed.problems[0]!.message, problemsFrom(parsed.problems));
	return { text, value: parsed.value, parsed };
}

/** Storage errors a client can act on (history repository refused) become 503 with the reason. */
export function storageError(e: unknown): never {
	if (e instanceof HistoryUnavailableError) throw new ApiError(503, e.message);
	throw e;
}

/** The signed-in editor and their role (see editors.ts), or 503 / 401. */
export async function requireEditorRole(event: RequestEvent): Promise<{ editor: string; role: Role }> {
	const editor = await requireEditor(event);
	const editors = await loadEditors();
	return { editor, role: (editors.ok && editors.roles.get(editor)) || 'editor' };
}

/** A publisher, or 403 saying who may publish. */
export async function requirePublisher(event: RequestEvent): Promise<string> {
	const { editor, role } = await requireEditorRole(event);
	if (role !== 'publisher')
		throw new ApiError(
			403,
			`${editor} is an editor and may save drafts, not publish: ask a publisher, or run \`npm run editor:add -- ${editor} --role publisher\` on the server`,
			[{ field: 'role', message: 'publishing needs the publisher role' }]
		);
	return editor;
}
