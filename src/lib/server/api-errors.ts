/**
 * The API answers JSON, its errors included. SvelteKit's own error answers (no
 * route for the address, a method a route does not serve, an exception in a
 * handler) are an HTML page for a browser and { message } otherwise; under
 * /api/ they become the API's { error, problems } (editor/api-response.ts),
 * status and Allow header kept, saying what failed and where.
 */
import { ApiError, errorResponse } from './editor/api-response';

export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

function explain(status: number, method: string, path: string): string {
	if (status === 404) return `No API endpoint at ${path}: the API serves /api/layers/<layer> and its /history, /history/<rev> and /restore`;
	if (status === 405) return `${method} is not allowed at ${path}`;
	if (status >= 500) return `The server failed to answer ${method} ${path} (${status}): the cause is in its log`;
	return `${method} ${path} was refused (${status})`;
}

/** The answer to an API request, as the API's JSON when SvelteKit made an error answer of its own. */
export async function apiErrorAsJson(method: string, path: string, response: Response): Promise<Response> {
	if (response.status < 400) return response;
	if ((response.headers.get('content-type') ?? '').startsWith('application/json')) {
		const body: unknown = await response
			.clone()
			.json()
			.catch(() => null);
		if (body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string') return response;
	}
	const allow = response.headers.get('allow');
	return errorResponse(new ApiError(response.status, explain(response.status, method, path), [], allow ? { allow } : {}));
}
