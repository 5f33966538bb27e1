// Serves the production build (build/, made by `npm run build`) on a local port
// and says where. PORT and HOST can be set; defaults: 4173 on localhost.
// QANTAR_BUILD_DIR serves another build folder (the benchmark builds its own).
//
// adapter-node serves static files (sirv) before SvelteKit's hooks run, so the
// hooks cannot set headers on them: this small server wraps build/handler.js
// and gives EVERY response (pages, endpoints, static files, 304s, 404s) the
// security headers, plus the caching rules per kind of file:
//   /_app/immutable/*        public, max-age=31536000, immutable (set by adapter-node)
//   /geo/*, /snapshots/*     ETag + Last-Modified, public, max-age=60, must-revalidate
//   other static files       ETag + Last-Modified, public, max-age=300
// It also precompresses the GeoJSON data and MapLibre's worker (.gz, .br beside
// each .geojson / .mjs file; adapter-node only precompresses html/js/css/json/svg),
// so the basemap and the 520 kB worker travel compressed. The story layers
// (/geo/<layer>.geojson) are served from the data directory, where editors save
// them, not from the copy the build made (serveLayerFile).
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, createBrotliCompress, createGzip, gzipSync, constants as zlib } from 'node:zlib';

/** Same rule as src/lib/server/headers.ts: embed pages may be framed anywhere, the previews page may not. */
export const isEmbedPath = (path) => /^(\/en)?\/embed(\/|$)/.test(path) && !/^(\/en)?\/embed\/?$/.test(path);

/** CSP of static HTML files (pages get theirs, with a nonce, from SvelteKit: svelte.config.js). */
export const STATIC_HTML_CSP =
	"default-src 'self'; script-src 'self'; worker-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
/**
 * CSP of everything else (data, images, JSON): nothing may run in it. Scripts get
 * STATIC_HTML_CSP instead: a worker's policy is the one its script was served with,
 * and MapLibre's worker must fetch the data (connect-src 'self').
 */
export const NON_HTML_CSP = "default-src 'none'";

/** Cache-Control for a static file path, or null to leave it to the app. */
export function staticCacheControl(path) {
	if (path.startsWith('/_app/immutable/')) return 'public, max-age=31536000, immutable';
	if (path.startsWith('/geo/') || path.startsWith('/snapshots/')) return 'public, max-age=60, must-revalidate';
	if (/\.[a-z0-9]+$/i.test(path) && !path.startsWith('/api/')) return 'public, max-age=300';
	return null;
}

/**
 * Adds the headers the response lacks just before it is written (whoever writes
 * it: sirv, SvelteKit or Node's implicit headers). Headers the app set win.
 */
export function withHeaders(req, res) {
	let path = '/';
	try {
		path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
	} catch {
		/* keep "/" */
	}
	const writeHead = res.writeHead;
	res.writeHead = function (status, ...rest) {
		const obj = rest.find((x) => x && typeof x === 'object' && !Array.isArray(x));
		const has = (name) => res.hasHeader(name) || (obj ? Object.keys(obj).some((k) => k.toLowerCase() === name) : false);
		const get = (name) => {
			if (obj) for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === name) return String(v);
			return String(res.getHeader(name) ?? '');
		};
		const set = (name, value) => {
			if (obj) for (const k of Object.keys(obj)) if (k.toLowerCase() === name) delete obj[k];
			res.setHeader(name, value);
		};
		const embed = isEmbedPath(path);
		if (!has('x-content-type-options')) res.setHeader('X-Content-Type-Options', 'nosniff');
		if (!has('referrer-policy')) res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
		const type = get('content-type');
		const html = type.startsWith('text/html') || /javascript/.test(type);
		if (!has('content-security-policy')) {
			const frame = embed ? 'frame-ancestors *' : "frame-ancestors 'self'";
			res.setHeader('Content-Security-Policy', `${html ? STATIC_HTML_CSP : NON_HTML_CSP}; ${frame}`);
		}
		if (!embed && !has('x-frame-options')) res.setHeader('X-Frame-Options', 'SAMEORIGIN');
		// static files (sirv marks them with Last-Modified): caching per kind
		if (has('last-modified') || status === 304) {
			const cc = staticCacheControl(path);
			if (cc && (!has('cache-control') || /^\/(geo|snapshots|_app\/immutable)\//.test(path))) set('cache-control', cc);
		}
		if (res.capture) res.capture.head = { status, headers: { ...res.getHeaders(), ...(obj ?? {}) } };
		// pages and JSON made by the app (no precompressed file exists for them): compress on the fly
		const enc = encodingFor(req.headers['accept-encoding']);
		if (
			enc &&
			status === 200 &&
			req.method !== 'HEAD' &&
			!has('content-encoding') &&
			!has('last-modified') &&
			/^(text\/html|application\/json|text\/plain)/.test(type)
		) {
			set('content-encoding', enc);
			set('content-length', '');
			res.removeHeader('content-length');
			res.setHeader('Vary', 'Accept-Encoding');
			z = enc === 'br' ? createBrotliCompress({ params: { [zlib.BROTLI_PARAM_QUALITY]: 2 } }) : createGzip({ level: 4 });
			z.on('data', (d) => write.call(res, d));
			z.on('end', () => end.call(res));
		}
		return writeHead.call(this, status, ...rest);
	};
	/** @type {import('node:zlib').Gzip | import('node:zlib').BrotliCompress | null} */
	let z = null;
	const write = res.write;
	const end = res.end;
	// the compressor buffers: never report backpressure (pages and JSON are small)
	const keep = (chunk, encoding) => {
		if (res.capture && chunk != null && typeof chunk !== 'function')
			res.capture.body.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
	};
	res.write = function (chunk, encoding, cb) {
		if (!res.headersSent) res.writeHead(res.statusCode);
		keep(chunk, encoding);
		if (!z) return write.call(res, chunk, encoding, cb);
		z.write(chunk, typeof encoding === 'string' ? encoding : undefined);
		if (typeof cb === 'function') cb();
		else if (typeof encoding === 'function') encoding();
		return true;
	};
	res.end = function (chunk, encoding, cb) {
		if (!res.headersSent) res.writeHead(res.statusCode);
		keep(chunk, encoding);
		if (!z) return end.call(res, chunk, encoding, cb);
		if (typeof chunk === 'function') z.end(chunk);
		else if (chunk != null) z.end(chunk, typeof encoding === 'string' ? encoding : undefined);
		else z.end();
		return res;
	};
}

/** A file's bodies as sent compressed: gzip and brotli at their best (made once per file version). */
const compressed = (buf) => ({ gz: gzipSync(buf, { level: 9 }), br: brotliCompressSync(buf, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }) });

/** The encoding to answer with for an Accept-Encoding header: brotli, else gzip, else none. */
const encodingFor = (accept) => (/\bbr\b/.test(String(accept ?? '')) ? 'br' : /\bgzip\b/.test(String(accept ?? '')) ? 'gzip' : null);

/** Where the story layers are read and saved (as in src/lib/server/layer-store.ts). */
const dataDirectory = () => resolve(process.env.QANTAR_DATA_DIR ?? 'static/geo');

/** Writes .gz and .br beside every file under dir whose name matches `pattern` (when missing or older). */
export function precompressData(dir, pattern = /\.(geojson|mjs)$/) {
	if (!existsSync(dir)) return 0;
	let n = 0;
	const walk = (d) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, e.name);
			if (e.isDirectory()) walk(p);
			else if (pattern.test(e.name)) {
				const mtime = statSync(p).mtimeMs;
				const fresh = (f) => existsSync(f) && statSync(f).mtimeMs >= mtime;
				if (fresh(`${p}.gz`) && fresh(`${p}.br`)) continue;
				const { gz, br } = compressed(readFileSync(p));
				writeFileSync(`${p}.gz`, gz);
				writeFileSync(`${p}.br`, br);
				n++;
			}
		}
	};
	walk(dir);
	return n;
}

/**
 * A cache of reader and embed pages (same for every reader: no cookie). A page
 * shows the story (read once per process: content ships with the build) and the
 * layer files, so it is kept until a layer file changes (a saved layer empties
 * it at once), at most QANTAR_PAGE_CACHE_MS (default 10 min; 0 turns it off):
 * a crowd costs one render per page, and a reader does not wait for one. Each
 * answer gets a fresh CSP nonce (the cached page's nonce is replaced in the
 * header and the markup), so a nonce is never served twice.
 */
const PAGE_CACHE_MS = Number(process.env.QANTAR_PAGE_CACHE_MS ?? 600_000);
const CACHEABLE = /^(\/en)?(\/|\/step\/[a-z0-9-]+|\/embed\/step\/[a-z0-9-]+)?$/;
const pageCache = new Map();
/** changes whenever a layer file is saved: a cached page never outlives the data it shows */
function dataStamp() {
	const dir = dataDirectory();
	try {
		return readdirSync(dir)
			.filter((f) => f.endsWith('.geojson'))
			.map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}`)
			.join('|');
	} catch {
		return '';
	}
}

function fromCache(req, res) {
	if (!PAGE_CACHE_MS || req.method !== 'GET' || req.headers.cookie) return false;
	const url = req.url ?? '/';
	if (!CACHEABLE.test(url.split('?')[0] ?? '')) return false;
	const hit = pageCache.get(url);
	const stamp = dataStamp();
	if (hit && Date.now() - hit.at < PAGE_CACHE_MS && hit.stamp === stamp) {
		const nonce = randomBytes(16).toString('base64');
		const swap = (v) => String(v).split(hit.nonce).join(nonce);
		const headers = Object.fromEntries(Object.entries(hit.headers).map(([k, v]) => [k, k === 'content-security-policy' ? swap(v) : v]));
		res.writeHead(200, headers);
		res.end(swap(hit.html));
		return true;
	}
	res.capture = { body: [], head: null };
	res.on('finish', () => {
		const head = res.capture?.head;
		if (!head || head.status !== 200) return;
		const type = String(head.headers['content-type'] ?? '');
		const nonce = String(head.headers['content-security-policy'] ?? '').match(/'nonce-([^']+)'/)?.[1];
		if (!type.startsWith('text/html') || !nonce || head.headers['set-cookie']) return;
		const headers = {};
		for (const [k, v] of Object.entries(head.headers))
			if (!['etag', 'content-length', 'content-encoding', 'vary', 'date', 'connection', 'keep-alive', 'transfer-encoding'].includes(k.toLowerCase())) headers[k.toLowerCase()] = v;
		if (pageCache.size > 500) pageCache.clear();
		pageCache.set(url, { at: Date.now(), stamp, nonce, headers, html: Buffer.concat(res.capture.body).toString('utf8') });
	});
	return false;
}

/** compressed bodies of the layer files, per file version */
const layerBodies = new Map();

/**
 * /geo/<layer>.geojson from the data directory (QANTAR_DATA_DIR, default
 * static/geo), so a reader page's map (which loads its polygons from there:
 * readLayers in src/lib/server/layer-store.ts) draws the layer as saved,
 * not as built. ETag per version, compressed once per version. Returns false
 * for any other path (or a file that is not there), left to the build's files.
 */
export function serveLayerFile(req, res) {
	if (req.method !== 'GET' && req.method !== 'HEAD') return false;
	const m = /^\/geo\/([a-z0-9-]+\.geojson)(\?.*)?$/.exec(req.url ?? '');
	if (!m) return false;
	const file = join(dataDirectory(), m[1]);
	let st;
	try {
		st = statSync(file);
	} catch {
		return false;
	}
	if (!st.isFile()) return false;
	const etag = `"${st.size.toString(36)}-${Math.round(st.mtimeMs).toString(36)}"`;
	let body = layerBodies.get(file);
	if (body?.etag !== etag) {
		const raw = readFileSync(file);
		body = { etag, raw, ...compressed(raw) };
		layerBodies.set(file, body);
	}
	const headers = {
		'Content-Type': 'application/geo+json',
		'Cache-Control': staticCacheControl('/geo/'),
		ETag: etag,
		'Last-Modified': st.mtime.toUTCString(),
		Vary: 'Accept-Encoding'
	};
	if (req.headers['if-none-match'] === etag) {
		res.writeHead(304, headers);
		res.end();
		return true;
	}
	const enc = encodingFor(req.headers['accept-encoding']);
	const data = enc ? body[enc === 'br' ? 'br' : 'gz'] : body.raw;
	res.writeHead(200, { ...headers, ...(enc ? { 'Content-Encoding': enc } : {}), 'Content-Length': data.length });
	res.end(req.method === 'HEAD' ? undefined : data);
	return true;
}

/** Starts the server; resolves with it once it listens. */
export async function start({ buildDir = process.env.QANTAR_BUILD_DIR ?? 'build', port = Number(process.env.PORT), host = process.env.HOST } = {}) {
	const dir = resolve(buildDir);
	precompressData(join(dir, 'client'));
	const { handler } = await import(pathToFileURL(join(dir, 'handler.js')).href);
	const server = createServer((req, res) => {
		withHeaders(req, res);
		if (serveLayerFile(req, res)) return;
		if (fromCache(req, res)) return;
		handler(req, res, () => {
			res.statusCode = 404;
			res.setHeader('Content-Type', 'text/plain; charset=utf-8');
			res.end('Not found');
		});
	});
	// many readers at once: keep connections open between their requests
	server.keepAliveTimeout = 65_000;
	await new Promise((r) => server.listen(port, host, () => r(undefined)));
	return server;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
	process.env.PORT ??= '4173';
	process.env.HOST ??= '127.0.0.1';
	process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
	// adapter-node's default body limit (512K) is below the write API's own 5 MB limit
	process.env.BODY_SIZE_LIMIT ??= '6M';
	const buildDir = process.env.QANTAR_BUILD_DIR ?? 'build';
	if (!existsSync(join(buildDir, 'handler.js'))) {
		console.error('No production build found: run `npm run build` first (npm start does it for you).');
		process.exit(1);
	}
	const server = await start({ buildDir });
	const stop = () => {
		server.close(() => process.exit(0));
		server.closeAllConnections();
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	console.log(`\n  Qantar is running: http://localhost:${process.env.PORT}/  (press Ctrl+C to stop)\n`);
}
