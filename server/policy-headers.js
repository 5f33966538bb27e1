// Every answer of the server carries the web policy's headers (security
// headers, CSP, framing: src/lib/server/web-policy.js), static files and 304s
// included: adapter-node serves files before SvelteKit's hooks run, so they are
// completed here, just before the headers are written (on-headers), whoever
// writes them. Headers the app set win. Static files also get their caching
// rule (static-caching.js).
import onHeaders from 'on-headers';
import { securityHeaders } from '../src/lib/server/web-policy.js';
import { OVERRIDES_FILE_SERVER, staticCacheControl } from './static-caching.js';

/**
 * The request's path, decoded ("/" when it cannot be).
 * @param {string | undefined} url
 */
export function pathOf(url) {
	try {
		return decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
	} catch {
		return '/';
	}
}

/**
 * Middleware: completes the headers of the answer, whoever writes it.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {() => void} next
 */
export function policyHeaders(req, res, next) {
	const path = pathOf(req.url);
	onHeaders(res, function () {
		const policy = securityHeaders({
			path,
			contentType: String(res.getHeader('content-type') ?? ''),
			csp: null,
			origin: process.env.ORIGIN ?? '',
			env: process.env
		});
		for (const [name, value] of Object.entries(policy)) if (!res.hasHeader(name)) res.setHeader(name, value);
		// static files (the file server marks them with Last-Modified) and their 304s: caching per kind
		if (res.hasHeader('last-modified') || res.statusCode === 304) {
			const rule = staticCacheControl(path);
			if (rule && (!res.hasHeader('cache-control') || OVERRIDES_FILE_SERVER.test(path))) res.setHeader('Cache-Control', rule);
		}
	});
	next();
}
