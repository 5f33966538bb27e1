// A write to the API whose declared body is over the API's limit is refused
// here, as the API's JSON (413, what the limit is), before anything reads it:
// adapter-node would otherwise answer its own plain-text 413 for bodies over
// BODY_SIZE_LIMIT. The answer goes out at once; the body is then read and
// dropped, so that a client still sending it is not cut off mid-write (EPIPE)
// and can reuse the connection.
import { API_MAX_BODY_BYTES } from '../src/lib/server/web-policy.js';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

/**
 * @param {Req} req
 * @param {Res} res
 * @param {() => void} next
 */
export function apiBodyLimit(req, res, next) {
	const length = Number(req.headers['content-length'] ?? NaN);
	if (!(length > API_MAX_BODY_BYTES) || !/^\/api(\/|$)/.test(req.url ?? '')) return next();
	const error = `The body is larger than the limit of ${API_MAX_BODY_BYTES / 1024 / 1024} MB`;
	res.writeHead(413, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
	res.end(JSON.stringify({ error, problems: [{ message: error }] }));
	req.resume();
}
