/**
 * The write API's answers: JSON everywhere, and every refusal is
 * { error, problems: [{ file, feature, id, field, message }] } so a client (or
 * an editor reading it) knows what to fix. Editor answers are never cached.
 */
import { json } from '@sveltejs/kit';
import type { Problem } from '$lib/api/editor-api';
import type { LayerProblem } from '$lib/schema/validate-layer';

/** A refusal, thrown by the request checks and caught by the route. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly problems: Problem[] = [],
		readonly headers: Record<string, string> = {},
		readonly extra: Record<string, unknown> = {}
	) {
		super(message);
	}
}

export function errorResponse(e: ApiError): Response {
	const problems = e.problems.length ? e.problems : [{ message: e.message }];
	return json({ error: e.message, problems, ...e.extra }, { status: e.status, headers: { 'cache-control': 'no-store', ...e.headers } });
}

export function problemsFrom(list: LayerProblem[]): Problem[] {
	return list.map(({ file, feature, id, field, message }) => ({ file, feature, id, field, message }));
}

/** Runs a handler, turning ApiError into its JSON answer (anything else stays a 500). */
export async function answer(fn: () => Promise<Response>): Promise<Response> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof ApiError) return errorResponse(e);
		throw e;
	}
}

/** For methods a route does not serve: 405 with Allow, as JSON like every refusal. */
export function methodNotAllowed(method: string, allow: string[]): Response {
	return errorResponse(new ApiError(405, `${method} is not allowed here: use ${allow.join(' or ')}`, [], { allow: allow.join(', ') }));
}
