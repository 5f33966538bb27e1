// /geo/<layer>.geojson from the data directory (QANTAR_DATA_DIR, where editors
// save), not from the copy the build made: a reader page's map (which loads its
// polygons from there: readLayers in src/lib/server/layer-store.ts) draws the
// layer as saved. ETag per version of the file, compressed once per version.
// Any other path (or a file that is not there) is left to the build's files.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Negotiator from 'negotiator';
import { dataDir } from '../src/lib/server/web-policy.js';
import { compressedBodies } from './precompress.js';
import { staticCacheControl } from './static-caching.js';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

/** @type {Map<string, { etag: string, raw: Buffer, gz: Buffer, br: Buffer }>} compressed bodies of the layer files, per file version */
const bodies = new Map();

/**
 * The encoding to answer with: brotli, else gzip, else none.
 * @param {Req} req
 */
export const encodingFor = (req) => new Negotiator(req).encoding(['br', 'gzip', 'identity'], ['br', 'gzip']);

/**
 * Middleware: answers GET and HEAD of a story layer file, else passes on.
 * @param {Req} req
 * @param {Res} res
 * @param {() => void} next
 */
export function layerFiles(req, res, next) {
	if (req.method !== 'GET' && req.method !== 'HEAD') return next();
	const m = /^\/geo\/([a-z0-9-]+\.geojson)(\?.*)?$/.exec(req.url ?? '');
	if (!m) return next();
	const file = join(dataDir(), m[1] ?? '');
	let st;
	try {
		st = statSync(file);
	} catch {
		return next();
	}
	if (!st.isFile()) return next();
	const etag = `"${st.size.toString(36)}-${Math.round(st.mtimeMs).toString(36)}"`;
	let body = bodies.get(file);
	if (body?.etag !== etag) {
		const raw = readFileSync(file);
		body = { etag, raw, ...compressedBodies(raw) };
		bodies.set(file, body);
	}
	/** @type {Record<string, string | number>} */
	const headers = {
		'Content-Type': 'application/geo+json',
		'Cache-Control': staticCacheControl('/geo/') ?? '',
		ETag: etag,
		'Last-Modified': st.mtime.toUTCString(),
		Vary: 'Accept-Encoding'
	};
	if (req.headers['if-none-match'] === etag) {
		res.writeHead(304, headers);
		res.end();
		return;
	}
	const enc = encodingFor(req);
	const data = enc === 'br' ? body.br : enc === 'gzip' ? body.gz : body.raw;
	if (enc === 'br' || enc === 'gzip') headers['Content-Encoding'] = enc;
	res.writeHead(200, { ...headers, 'Content-Length': data.length });
	res.end(req.method === 'HEAD' ? undefined : data);
}
