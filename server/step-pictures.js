// /snapshots/<lang>/<id>.png and <id>-small.png: the step pictures the server
// drew again after a publish (the data directory's pictures/:
// src/lib/server/pictures/step-pictures.ts), at the build's URLs, so an
// og:image or oEmbed thumbnail keeps its address. A picture not drawn yet (or
// never to be: a step unchanged since the build) is left to the build's files.
// Same caching as the build's pictures (max-age=60, must-revalidate) with an
// ETag per version, so a cache asks again and gets the new one within a minute.
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDir } from '../src/lib/server/web-policy.js';
import { staticCacheControl } from './static-caching.js';
import { dataFileRoute } from './data-file-route.js';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

/** the picture files the server may draw: /snapshots/<lang>/<id>(-small).png */
export const PICTURE_PATH = /^\/snapshots\/(fr|en)\/([a-z0-9][a-z0-9-]*\.png)(\?.*)?$/;

/** Middleware: answers GET and HEAD of a step picture drawn by the server, else passes on. */
export const stepPictures = dataFileRoute((url) => {
	const m = PICTURE_PATH.exec(url);
	return m ? join(dataDir(), 'pictures', m[1] ?? '', m[2] ?? '') : null;
}, serve);

/**
 * @param {string} file
 * @param {Req} req
 * @param {Res} res
 * @returns {Promise<boolean>} false when the server drew no such picture (the build's answers)
 */
async function serve(file, req, res) {
	// opened first, then measured: the file is replaced by rename, never written in place, so the
	// handle reads the one version it opened, whole, whatever a drawing renames over it meanwhile
	const handle = await open(file, 'r').catch((e) => {
		if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return null;
		throw e;
	});
	if (!handle) return false;
	try {
		const st = await handle.stat();
		if (!st.isFile()) {
			await handle.close();
			return false;
		}
		const etag = `"p-${st.size.toString(36)}-${Math.round(st.mtimeMs).toString(36)}"`;
		/** @type {Record<string, string | number>} */
		const headers = {
			'Content-Type': 'image/png',
			'Cache-Control': staticCacheControl('/snapshots/') ?? '',
			ETag: etag,
			'Last-Modified': st.mtime.toUTCString()
		};
		const unchanged = req.headers['if-none-match'] === etag;
		if (unchanged || req.method === 'HEAD') {
			res.writeHead(unchanged ? 304 : 200, unchanged ? headers : { ...headers, 'Content-Length': st.size });
			res.end();
			await handle.close();
			return true;
		}
		res.writeHead(200, { ...headers, 'Content-Length': st.size });
		handle.createReadStream().pipe(res); // closes the handle at its end
		return true;
	} catch (e) {
		await handle.close().catch(() => {});
		throw e;
	}
}
