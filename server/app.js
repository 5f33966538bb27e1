// The production server: SvelteKit's adapter-node handler (build/handler.js:
// the build's static files, then the app) behind the few things it does not
// do, in this order:
//   policy-headers.js  every answer's security and caching headers, static files included
//   api-body-limit.js  a write to the API declaring a body over its limit: a JSON 413, unread
//   compress.js        pages and JSON compressed per answer (files are precompressed)
//   layer-files.js     /geo/<layer>.geojson from the data directory, as editors saved it
//   step-pictures.js   /snapshots/<lang>/<id>.png drawn again after a publish (the data directory's pictures/)
//   page-cache.js      reader and embed pages rendered once, kept until the data changes
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { apiBodyLimit } from './api-body-limit.js';
import { compress } from './compress.js';
import { layerFiles } from './layer-files.js';
import { createPageCache } from './page-cache.js';
import { policyHeaders } from './policy-headers.js';
import { precompressData } from './precompress.js';
import { stepPictures } from './step-pictures.js';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */
/** @typedef {(req: Req, res: Res, next: () => void) => unknown} Middleware */

/**
 * The request listener: the middlewares in order, then `handler`; what none answers is a 404.
 * @param {Middleware} handler adapter-node's handler (a test passes its own)
 * @param {{ pageCache?: Middleware }} [options]
 */
export function createApp(handler, { pageCache = createPageCache() } = {}) {
	/** @type {Middleware[]} */
	const chain = [policyHeaders, apiBodyLimit, compress, layerFiles, stepPictures, pageCache, handler];
	/** @param {Req} req @param {Res} res */
	return (req, res) => {
		/** @param {number} i */
		const step = (i) => {
			const middleware = chain[i];
			if (middleware) return middleware(req, res, () => step(i + 1));
			res.statusCode = 404;
			res.setHeader('Content-Type', 'text/plain; charset=utf-8');
			res.end('Not found');
		};
		step(0);
	};
}

/**
 * Serves the build in `buildDir`; resolves with the server once it listens.
 * @param {{ buildDir?: string, port?: number, host?: string }} [options]
 */
export async function start({ buildDir = process.env.QANTAR_BUILD_DIR ?? 'build', port = Number(process.env.PORT), host = process.env.HOST } = {}) {
	const dir = resolve(buildDir);
	precompressData(join(dir, 'client'));
	const { handler } = await import(pathToFileURL(join(dir, 'handler.js')).href);
	const server = createServer(createApp(handler));
	// many readers at once: keep connections open between their requests
	server.keepAliveTimeout = 65_000;
	await new Promise((r) => server.listen(port, host, () => r(undefined)));
	return server;
}
