/**
 * The request handling both editor clients share (layers: api-client.ts,
 * story: story-api-client.ts): fetch without the browser's cache, a network
 * failure named as such, the answer's JSON read once, and a refusal's
 * sentence (`error`) and body handed back for the client's own typed errors.
 */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sends the request; no answer at all is thrown as `fail(request, message)`. */
export async function send(
	fetchFn: FetchLike,
	method: string,
	path: string,
	init: RequestInit,
	fail: (request: string, message: string) => Error
): Promise<Response> {
	try {
		return await fetchFn(path, { ...init, method, cache: 'no-store' });
	} catch (e) {
		throw fail(`${method} ${path}`, `the server could not be reached (${e instanceof Error ? e.message : String(e)})`);
	}
}

export type Answer =
	| { ok: true; request: string; body: unknown }
	| { ok: false; request: string; status: number; message: string; refusal: Record<string, unknown> }
	| { ok: 'not-json'; request: string; status: number };

/** The answer's JSON, or the refusal: its sentence (the body's `error`, else the status line) and its body. */
export async function readAnswer(method: string, path: string, r: Response): Promise<Answer> {
	const request = `${method} ${path}`;
	const text = await r.text().catch(() => '');
	let body: unknown;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		body = undefined;
	}
	if (r.ok) return body === undefined ? { ok: 'not-json', request, status: r.status } : { ok: true, request, body };
	const refusal = isObject(body) ? body : {};
	const message = typeof refusal.error === 'string' ? refusal.error : `${r.status} ${r.statusText || 'error'}`.trim();
	return { ok: false, request, status: r.status, message, refusal };
}
