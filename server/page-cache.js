// A cache of reader and embed pages (the same for every reader: no cookie).
// A page shows the published story (published.json in the data directory) and
// the layer files, so it is kept until one of them changes (a saved layer or a
// publish empties it at once), at most QANTAR_PAGE_CACHE_MS (default 10 min; 0 turns it
// off): a crowd costs one render per page, and a reader does not wait for one.
// Each answer gets a fresh CSP nonce (the kept page's nonce is replaced in the
// header and the markup), so a nonce is never served twice. Which pages, under
// which key: page-cache-key.js.
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../src/lib/server/web-policy.js';
import { pageCacheKey } from './page-cache-key.js';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */
/** @typedef {{ at: number, stamp: string, nonce: string, headers: Record<string, string | number | string[]>, html: string }} Page */

/** Changes whenever a layer file is saved or the story published: a kept page never outlives the data it shows. */
export function dataStamp() {
	const dir = dataDir();
	try {
		return readdirSync(dir)
			.filter((f) => f.endsWith('.geojson') || f === 'published.json' || f === 'corrections.jsonl')
			.map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}`)
			.join('|');
	} catch {
		return '';
	}
}

/** headers that belong to one answer, not to the page */
const PER_ANSWER = new Set(['etag', 'content-length', 'content-encoding', 'vary', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * Calls `done` with the answer's body as the app wrote it (before compression, which wraps the
 * response earlier), once it is sent. The body is only observed: every call goes on unchanged.
 * @param {Res} res
 * @param {(body: Buffer) => void} done
 */
function observeBody(res, done) {
	/** @type {Buffer[]} */
	const chunks = [];
	/** @param {unknown} chunk @param {unknown} encoding */
	const keep = (chunk, encoding) => {
		if (chunk == null || typeof chunk === 'function') return;
		chunks.push(
			Buffer.isBuffer(chunk)
				? chunk
				: Buffer.from(/** @type {string} */ (chunk), typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8')
		);
	};
	const write = res.write;
	const end = res.end;
	res.write = /** @type {Res['write']} */ (
		function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
			keep(chunk, encoding);
			return write.call(res, chunk, encoding, cb);
		}
	);
	res.end = /** @type {Res['end']} */ (
		function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
			keep(chunk, encoding);
			return end.call(res, chunk, encoding, cb);
		}
	);
	res.on('finish', () => done(Buffer.concat(chunks)));
}

/**
 * @param {{ maxAgeMs?: number, maxEntries?: number, stamp?: () => string }} [options]
 */
export function createPageCache({ maxAgeMs = Number(process.env.QANTAR_PAGE_CACHE_MS ?? 600_000), maxEntries = 500, stamp = dataStamp } = {}) {
	/** @type {Map<string, Page>} */
	const pages = new Map();

	/**
	 * Middleware: answers a kept page, or keeps the page the app renders next.
	 * @param {Req} req
	 * @param {Res} res
	 * @param {() => void} next
	 */
	function pageCache(req, res, next) {
		if (!maxAgeMs || req.method !== 'GET' || req.headers.cookie) return next();
		const key = pageCacheKey(req.url ?? '/');
		if (key === null) return next();
		const now = stamp();
		const hit = pages.get(key);
		if (hit && Date.now() - hit.at < maxAgeMs && hit.stamp === now) {
			const nonce = randomBytes(16).toString('base64');
			/** @param {unknown} v */
			const swap = (v) => String(v).split(hit.nonce).join(nonce);
			const headers = Object.fromEntries(Object.entries(hit.headers).map(([k, v]) => [k, k === 'content-security-policy' ? swap(v) : v]));
			res.writeHead(200, headers);
			res.end(swap(hit.html));
			return;
		}
		observeBody(res, (body) => {
			const headers = res.getHeaders();
			const type = String(headers['content-type'] ?? '');
			const nonce = String(headers['content-security-policy'] ?? '').match(/'nonce-([^']+)'/)?.[1];
			if (res.statusCode !== 200 || !type.startsWith('text/html') || !nonce || headers['set-cookie']) return;
			/** @type {Page['headers']} */
			const kept = {};
			for (const [k, v] of Object.entries(headers)) if (v !== undefined && !PER_ANSWER.has(k)) kept[k] = v;
			if (pages.size >= maxEntries) pages.clear();
			pages.set(key, { at: Date.now(), stamp: now, nonce, headers: kept, html: body.toString('utf8') });
		});
		next();
	}
	/** how many pages are kept */
	pageCache.size = () => pages.size;
	return pageCache;
}
