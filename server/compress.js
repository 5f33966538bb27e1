// Compression of what the app makes per request (pages, JSON, text) by the
// `compression` middleware: brotli when the browser takes it, else gzip, with
// Vary: Accept-Encoding. Static files are not compressed here: the build's are
// compressed ahead of time (adapter-node, precompress.js) and the file server
// marks them with Last-Modified, as do the layer files (layer-files.js).
import compression from 'compression';
import { constants as zlib } from 'node:zlib';

export const compress = compression({
	// light levels: every page answer is compressed again (its nonce changes), and a crowd shares the CPU
	level: 4,
	brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 2 } },
	filter: (req, res) => !res.hasHeader('last-modified') && compression.filter(req, res)
});
