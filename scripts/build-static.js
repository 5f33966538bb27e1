// npm run build:static: the reader and embed pages as plain files for a CDN or
// any static host (docs/deployment.md, "Readers on a CDN, editors on one small server").
//   node scripts/build-static.js [--origin https://maps.example.org] [--out build-static]
//                                [--from http://localhost:4173] [--server https://edit.example.org]
// --origin  the public address the folder will be served from (absolute URLs in
//           og:image, oEmbed answers and discovery links); default http://localhost:4180
// --from    take the pages from this running Qantar server (same build as build/);
//           default: serve build/ here on a loopback port
// --server  the Node server's address: /embed/view (composed views) forwards there
// Writes: /, /en, /step/<id>, /en/step/<id> (reader: the published story), /corrections,
// /en/corrections and their .atom feeds, /embed/step/<id>, /en/embed/step/<id>
// (embeds), /embed, /en/embed (previews), each page's __data.json (client navigation),
// static oEmbed answers /oembed/<page>.json (the pages' discovery tags point there),
// /_app, /geo (from the data folder, so accepted edits are published), /snapshots
// (the build's, with those the server drew again after a publish over them: the data folder's pictures/),
// /embed.js, and _headers (framing, security and caching rules for hosts that
// read it, from the server's web policy: src/lib/server/static-headers.js).
// Each page keeps a strict CSP as a <meta> tag: its inline start-up script by hash.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { precompressData } from '../server/precompress.js';
import { LAYER_FILE } from '../server/layer-files.js';
import { staticHeadersFile } from '../src/lib/server/static-headers.js';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const PUBLIC = arg('origin', process.env.QANTAR_PUBLIC_ORIGIN ?? 'http://localhost:4180').replace(/\/+$/, '');
const OUT = resolve(arg('out', 'build-static'));
const BUILD = resolve(arg('build', process.env.QANTAR_BUILD_DIR ?? 'build'));
const DATA = resolve(arg('data', process.env.QANTAR_DATA_DIR ?? 'static/geo'));
const SERVER = arg('server', process.env.QANTAR_SERVER_ORIGIN ?? '')?.replace(/\/+$/, '');
let FROM = arg('from', null)?.replace(/\/+$/, '');

if (!existsSync(join(BUILD, 'handler.js'))) {
	console.error(`No production build in ${BUILD}: run \`npm run build\` first (npm run build:static does it).`);
	process.exit(1);
}

let server;
if (!FROM) {
	const port = Number(process.env.STATIC_BUILD_PORT ?? 4395);
	process.env.ORIGIN = PUBLIC; // the pages' absolute URLs are the public ones
	process.env.HOST = '127.0.0.1';
	process.env.PORT = String(port);
	const { start } = await import('../server/app.js');
	server = await start({ buildDir: BUILD, port, host: '127.0.0.1' });
	FROM = `http://127.0.0.1:${port}`;
}
/** the origin the pages were rendered for (replaced by PUBLIC) */
const RENDERED = server ? PUBLIC : FROM;
const toPublic = (text) => text.split(RENDERED).join(PUBLIC);

// the published story's steps (docs/story-api.md): the data directory's published.json, or content/ before the first publish
const PUBLISHED = join(DATA, 'published.json');
const steps = (
	existsSync(PUBLISHED) ? JSON.parse(readFileSync(PUBLISHED, 'utf8')).document.steps : parse(readFileSync('content/steps.yaml', 'utf8'))
).steps.map((s) => s.id);
const pages = ['', '/en'].flatMap((p) => [p || '/', `${p}/embed`, `${p}/corrections`, ...steps.flatMap((id) => [`${p}/step/${id}`, `${p}/embed/step/${id}`])]);
/**
 * What of the data directory readers may see: its layer files (the rule of server/layer-files.js) and the
 * generated basemap and fonts. Nothing else: not its history, the story's drafts, the publish records, nor
 * any other file an operator keeps there (an editors file, notes).
 */
const PUBLIC_DIRS = new Set(['basemap', 'fonts']);
const publicData = (src) => {
	const rel = src.slice(DATA.length + 1);
	if (rel === '') return true;
	const [top, ...rest] = rel.split('/');
	if (rest.length === 0) return statSync(src).isDirectory() ? PUBLIC_DIRS.has(top) : LAYER_FILE.test(top);
	return PUBLIC_DIRS.has(top) && !/\.(gz|br)$/.test(rel);
};
const fileOf = (path) => (path === '/' ? 'index.html' : `${path.slice(1)}.html`);
const oembedFile = (path) => `oembed/${path === '/' ? 'index' : path.slice(1)}.json`;
const write = (rel, data) => {
	const f = join(OUT, rel);
	mkdirSync(dirname(f), { recursive: true });
	writeFileSync(f, data);
};

async function get(path, headers = {}) {
	const res = await fetch(FROM + path, { headers });
	if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text().then((t) => t.slice(0, 300))}`);
	return res;
}

/** The server's CSP with the nonce replaced by the hashes of the page's inline scripts (frame-ancestors cannot live in a meta tag). */
function staticPage(html, csp) {
	const hashes = [];
	html = html.replace(/<script nonce="[^"]*"([^>]*)>([\s\S]*?)<\/script>/g, (_, attrs, body) => {
		hashes.push(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
		return `<script${attrs}>${body}</script>`;
	});
	const policy = csp
		.split(';')
		.map((d) => d.trim())
		.filter((d) => d && !d.startsWith('frame-ancestors'))
		.map((d) => d.replace(/\s*'nonce-[^']*'/g, '') + (d.startsWith('script-src') ? ` ${hashes.join(' ')}` : ''))
		.join('; ');
	return html.replace(/<head>/, `<head>\n\t\t<meta http-equiv="content-security-policy" content="${policy}" />`);
}

try {
	rmSync(OUT, { recursive: true, force: true });
	// the app's files (hashed JS/CSS, fonts, snapshots, embed.js), without the benchmark's floor
	cpSync(join(BUILD, 'client'), OUT, { recursive: true, filter: (src) => !src.includes('__floor') });
	// the data as it is now (an accepted edit is published by this copy)
	rmSync(join(OUT, 'geo'), { recursive: true, force: true });
	cpSync(DATA, join(OUT, 'geo'), { recursive: true, filter: publicData });
	precompressData(join(OUT, 'geo'));
	// the step pictures the server drew again after a publish, over the build's (same names: the og:image URLs hold)
	const pictures = join(DATA, 'pictures');
	for (const lang of existsSync(pictures) ? ['fr', 'en'] : [])
		if (existsSync(join(pictures, lang)))
			cpSync(join(pictures, lang), join(OUT, 'snapshots', lang), { recursive: true, filter: (src) => !/\.qantar-tmp$/.test(src) });

	let answers = 0;
	for (const path of pages) {
		const res = await get(path);
		const csp = res.headers.get('content-security-policy') ?? '';
		let html = toPublic(await res.text());
		html = html.replace(/(<link rel="alternate" type="application\/json\+oembed" href=")[^"]*"/, `$1${PUBLIC}/${oembedFile(path)}"`);
		write(fileOf(path), staticPage(html, csp));
		write(`${path === '/' ? '' : path.slice(1) + '/'}__data.json`, toPublic(await (await get(`${path === '/' ? '' : path}/__data.json`)).text()));
		// the previews pages (/embed) have no oEmbed answer
		const o = await fetch(`${FROM}/oembed?url=${encodeURIComponent(RENDERED + path)}&format=json`);
		if (o.ok) {
			write(oembedFile(path), toPublic(await o.text()));
			answers++;
		} else if (o.status !== 404) throw new Error(`oEmbed for ${path}: ${o.status}`);
	}

	// the corrections log's feeds
	for (const p of ['', '/en']) write(`${p.slice(1)}${p ? '/' : ''}corrections.atom`, toPublic(await (await get(`${p}/corrections.atom`)).text()));

	// composed views (/embed/view?...) are made from their parameters by the Node server
	for (const p of ['', '/en']) {
		const fr = p === '';
		const msg = fr
			? 'Les vues composées (/embed/view?…) sont servies par le serveur Qantar, pas par cette copie statique.'
			: 'Composed views (/embed/view?…) are served by the Qantar server, not by this static copy.';
		write(
			`${p.slice(1)}${p ? '/' : ''}embed/view.html`,
			`<!doctype html><html lang="${fr ? 'fr' : 'en'}"><head><meta charset="utf-8"><meta name="robots" content="noindex">` +
				`<meta http-equiv="content-security-policy" content="default-src 'none'; script-src 'self'">` +
				`<title>Qantar</title>${SERVER ? `<script src="/embed-view-forward.js" data-server="${SERVER}"></script>` : ''}</head>` +
				`<body><p>${msg}${SERVER ? ` <a href="${SERVER}">${SERVER}</a>` : ''}</p></body></html>`
		);
	}
	if (SERVER)
		write(
			'embed-view-forward.js',
			`(function(){var s=document.currentScript.getAttribute('data-server');location.replace(s+location.pathname.replace(/\\.html$/,'')+location.search);})();\n`
		);

	write('_headers', staticHeadersFile({ pages: [...pages], origin: PUBLIC }));
	console.log(`static site for ${PUBLIC} written to ${OUT}: ${pages.length} pages, ${answers} oEmbed answers, data from ${DATA}`);
} finally {
	server?.close();
	server?.closeAllConnections();
}
