/**
 * The story API's shared request checks and refusals: the If-Match of a draft
 * (the ETag of story/), and the 409 and 422 answers of a save or a publish,
 * as JSON like the layer API's.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { ApiError } from '../editor/api-response';
import { pathLabel, type DocumentProblem } from '$lib/schema/story-document';

/** The tree id in If-Match (or an etag field), or 428 saying what to send. */
export function storyTreeOf(value: string | null | undefined, where: 'If-Match' | 'etag'): string {
	if (value === null || value === undefined || String(value).trim() === '')
		throw new ApiError(428, `${where} is required: send the ETag you got from GET /api/story, so a newer draft is never overwritten`, [
			{ field: where, message: 'missing' }
		]);
	const m = /^\s*"([0-9a-f]{40})"\s*$/.exec(String(value));
	if (!m) throw new ApiError(428, `${where} must be the ETag from GET /api/story (e.g. "${'0'.repeat(40)}")`, [{ field: where, message: 'not a story ETag' }]);
	return m[1]!;
}

export const ifMatchTree = (event: RequestEvent) => storyTreeOf(event.request.headers.get('if-match'), 'If-Match');

export function conflict(etag: string, changed: string[] | null, what: string): ApiError {
	const since = changed === null ? 'your version is not in the history' : `changed since: ${changed.join('; ') || 'formatting only'}`;
	return new ApiError(
		409,
		`The draft was saved by someone else since you loaded it (${since}): reload it and ${what} again`,
		[{ field: 'If-Match', message: `stale version; the current ETag is ${etag}` }],
		{ etag },
		{ etag, changed }
	);
}

export function invalid(problems: DocumentProblem[], what: string): ApiError {
	const n = problems.length;
	const withField = problems.map((p) => ({ ...p, field: pathLabel(p.path) }));
	return new ApiError(
		422,
		`${what}: ${n} problem${n > 1 ? 's' : ''} (${withField
			.slice(0, 3)
			.map((p) => `${p.field}: ${p.message}`)
			.join('; ')}${n > 3 ? '…' : ''})`,
		[],
		{},
		{ problems: withField }
	);
}
