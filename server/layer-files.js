// /geo/<layer>.geojson from the data directory (QANTAR_DATA_DIR, where editors
// save), not from the copy the build made: a reader page's map (which loads its
// polygons from there: readLayers in src/lib/server/layer-store.ts) draws the
// layer as saved. ETag per version of the file, compressed once per version.
// Any other path (or a file that is not there) is left to the build's files.
import { stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Negotiator from 'negotiator';
import { dataDir } from '../src/lib/server/web-policy.js';
import { compressedBodiesAsync } from './precompress.js';
import { staticCacheControl } from './static-caching.js';
import { dataFileRoute } from './data-file-route.js';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

/** @typedef {{ etag: string, raw: Buffer, gz: Buffer, br: Buffer }} Bodies */
/** @type {Map<string, { etag: string, bodies: Promise<Bodies> }>} the layer files' bodies, per file version (read and compressed off the event loop, once) */
const bodies = new Map();

/**
 * @param {string} file
 * @param {string} etag
 * @returns {Promise<Bodies>}
 */
function bodiesOf(file, etag) {
	let entry = bodies.get(file);
	if (entry?.etag !== etag) {
		const made = readFile(file).then(async (raw) => ({ etag, raw, ...(await compressedBodiesAsync(raw)) }));
		entry = { etag, bodies: made };
		bodies.set(file, entry);
		// a failed read is not kept: the next request tries again
		made.catch(() => bodies.get(file) === entry && bodies.delete(file));
	}
	return entry.bodies;
}

/**
 * The encoding to answer with: brotli, else gzip, else none.
 * @param {Req} req
 */
export const encodingFor = (req) => new Negotiator(req).encoding(['br', 'gzip', 'identity'], ['br', 'gzip']);

/** a layer file of the data directory, the only files of it readers may fetch (the static build copies the same) */
export const LAYER_FILE = /^[a-z0-9-]+\.geojson$/;

/** Middleware: answers GET and HEAD of a story layer file, else passes on. */
export const layerFiles = dataFileRoute((url) => {
	const m = /^\/geo\/([^/?]+)(\?.*)?$/.exec(url);
	return m && LAYER_FILE.test(m[1] ?? '') ? join(dataDir(), m[1] ?? '') : null;
}, serve);

/**
 * @param {string} file
 * @param {Req} req
 * @param {Res} res
 * @returns {Promise<boolean>} false when there is no such file (the build's files answer)
 */
async function serve(file, req, res) {
	const st = await stat(file).catch(() => null);
	if (!st?.isFile()) return false;
	const etag = `"${st.size.toString(36)}-${Math.round(st.mtimeMs).toString(36)}"`;
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
		return true;
	}
	const body = await bodiesOf(file, etag);
	const enc = encodingFor(req);
	const data = enc === 'br' ? body.br : enc === 'gzip' ? body.gz : body.raw;
	if (enc === 'br' || enc === 'gzip') headers['Content-Encoding'] = enc;
	res.writeHead(200, { ...headers, 'Content-Length': data.length });
	res.end(req.method === 'HEAD' ? undefined : data);
	return true;
}
