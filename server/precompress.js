// The big static files travel compressed without costing a compression per
// request: gzip and brotli at their best, made once per file version.
// adapter-node precompresses HTML, JS, CSS, JSON and SVG at build time;
// precompressData adds the GeoJSON data, the label glyphs (.pbf: 30 KB gzip
// where 55 KB raw) and MapLibre's worker (.mjs), whose .br/.gz adapter-node's
// file server (sirv) then sends.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, gzip, gzipSync, constants as zlib } from 'node:zlib';

const BROTLI = { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } };

/**
 * A file's bodies as sent compressed: gzip 9 and brotli 9.
 * @param {Buffer} buf
 */
export const compressedBodies = (buf) => ({ gz: gzipSync(buf, { level: 9 }), br: brotliCompressSync(buf, BROTLI) });

/**
 * The same, compressed on libuv's thread pool: for files that change while the
 * server runs (an editor's save of 10,000 features is megabytes; brotli 9 of it
 * on the event loop kept every other request waiting).
 * @param {Buffer} buf
 */
export const compressedBodiesAsync = async (buf) => {
	const [gz, br] = await Promise.all([promisify(gzip)(buf, { level: 9 }), promisify(brotliCompress)(buf, BROTLI)]);
	return { gz, br };
};

/**
 * Writes .gz and .br beside every file under `dir` whose name matches `pattern`, when missing or
 * older than the file. Returns how many files it compressed.
 * @param {string} dir
 * @param {RegExp} [pattern]
 */
export function precompressData(dir, pattern = /\.(geojson|pbf|mjs)$/) {
	if (!existsSync(dir)) return 0;
	let n = 0;
	/** @param {string} d */
	const walk = (d) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, e.name);
			if (e.isDirectory()) walk(p);
			else if (pattern.test(e.name)) {
				const mtime = statSync(p).mtimeMs;
				/** @param {string} f */
				const fresh = (f) => existsSync(f) && statSync(f).mtimeMs >= mtime;
				if (fresh(`${p}.gz`) && fresh(`${p}.br`)) continue;
				const { gz, br } = compressedBodies(readFileSync(p));
				writeFileSync(`${p}.gz`, gz);
				writeFileSync(`${p}.br`, br);
				n++;
			}
		}
	};
	walk(dir);
	return n;
}
