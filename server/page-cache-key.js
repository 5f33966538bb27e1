// Which reader pages the page cache keeps, and under what key: the path plus
// only the query parameters the page reads on the server, so random query
// strings (a crawler's, a host page's pym.js parameters) share one entry
// instead of each adding one. A query with a parameter the page would refuse
// (a step embed answers 400 for it) is not looked up: the app answers it.
import { HOST_PARAMS, OPTION_PARAMS } from '../src/lib/schema/embed-params.js';

/** @type {{ path: RegExp, reads: string[], ignores: string[] | 'all' }[]} */
const PAGES = [
	// the story, at its start or at a step: the server reads no query parameter (the browser reads ?test and the #step)
	{ path: /^(\/en)?(\/|\/step\/[a-z0-9-]+)?$/, reads: [], ignores: 'all' },
	// a step embed: its options (src/lib/schema/embed.ts); the host's parameters it ignores
	{ path: /^(\/en)?\/embed\/step\/[a-z0-9-]+$/, reads: OPTION_PARAMS, ignores: HOST_PARAMS }
];

/**
 * The cache key of a request's URL, or null when the answer is not kept.
 * @param {string} url the request's URL (path and query)
 */
export function pageCacheKey(url) {
	const q = url.indexOf('?');
	const path = q < 0 ? url : url.slice(0, q);
	const page = PAGES.find((p) => p.path.test(path));
	if (!page) return null;
	const params = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
	const { reads, ignores } = page;
	if (ignores !== 'all' && [...params.keys()].some((name) => !reads.includes(name) && !ignores.includes(name))) return null;
	// the page reads a parameter's first value (URLSearchParams.get), so the key does too
	const read = reads.flatMap((name) => (params.has(name) ? [`${name}=${encodeURIComponent(params.get(name) ?? '')}`] : []));
	return read.length ? `${path}?${read.join('&')}` : path;
}
