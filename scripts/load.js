// npm run load: a crowd on loopback. autocannon drives the Node server (build/,
// through server/index.js, as in production) and, as the floor, a plain static
// file server (sirv, the library adapter-node uses) on the static build of the
// same pages (scripts/build-static.js): story page, a GeoJSON layer, a step
// embed, an oEmbed answer. 100 connections for 20 s each, bounded. Any error,
// timeout or non-2xx response fails the run (exit 1).
//   node scripts/load.js [--connections 100] [--duration 20] [--out bench-results]
// Needs a production build (npm run load builds one).
import { execFileSync } from 'node:child_process';
import { startBuiltServer } from '../server/start-built.js';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import sirv from 'sirv';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const CONNECTIONS = Number(arg('connections', 100));
const DURATION = Number(arg('duration', 20));
const OUT_DIR = arg('out', 'bench-results');
const NODE_PORT = Number(process.env.LOAD_PORT ?? 4530);
const STATIC_PORT = NODE_PORT + 1;
const NODE = `http://localhost:${NODE_PORT}`;
const STATIC = `http://localhost:${STATIC_PORT}`;
const STATIC_DIR = resolve('.tmp/load/static');
const LAYER = '/geo/csto-members.geojson';
const STEP = 'akimat';

if (!existsSync('build/handler.js')) {
	console.error('No production build: run `npm run build` first (npm run load does it).');
	process.exit(1);
}

const node = await startBuiltServer({ port: NODE_PORT, env: { HOST: '127.0.0.1', ORIGIN: NODE } });
let floor;
try {
	console.log('writing the static floor (scripts/build-static.js) ...');
	execFileSync(process.execPath, ['scripts/build-static.js', '--from', NODE, '--origin', STATIC, '--out', STATIC_DIR], { stdio: 'inherit' });
	const serveStatic = sirv(STATIC_DIR, { etag: true, gzip: true, brotli: true, extensions: ['html'] });
	floor = createServer((req, res) => serveStatic(req, res, () => res.writeHead(404).end()));
	floor.keepAliveTimeout = 65_000;
	await new Promise((r) => floor.listen(STATIC_PORT, '127.0.0.1', r));

	const targets = [
		{ name: 'story page', node: '/', floor: '/' },
		{ name: 'GeoJSON layer', node: LAYER, floor: LAYER },
		{ name: 'step embed', node: `/embed/step/${STEP}`, floor: `/embed/step/${STEP}` },
		{ name: 'oEmbed', node: `/oembed?url=${encodeURIComponent(`${NODE}/step/${STEP}`)}&format=json`, floor: `/oembed/step/${STEP}.json` }
	];
	const run = (url) =>
		new Promise((resolveRun, reject) => {
			autocannon({ url, connections: CONNECTIONS, duration: DURATION, timeout: 10, headers: { 'accept-encoding': 'br, gzip' } }, (err, r) =>
				err ? reject(err) : resolveRun(r)
			);
		});
	const results = [];
	for (const t of targets) {
		for (const [server, base, path] of [
			['node', NODE, t.node],
			['static floor', STATIC, t.floor]
		]) {
			// a short warm-up, not counted
			await fetch(base + path).then((r) => r.arrayBuffer());
			process.stdout.write(`  ${t.name.padEnd(14)} ${server.padEnd(13)} ${CONNECTIONS} connections, ${DURATION} s ... `);
			const r = await run(base + path);
			const errors = r.errors + r.timeouts + r.non2xx;
			const row = {
				target: t.name,
				server,
				path,
				reqPerSec: r.requests.average,
				p50: r.latency.p50,
				p99: r.latency.p99,
				bytesPerSec: r.throughput.average,
				requests: r.requests.total,
				errors: r.errors,
				timeouts: r.timeouts,
				non2xx: r.non2xx,
				ok: errors === 0
			};
			results.push(row);
			console.log(`${Math.round(row.reqPerSec)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${errors} errors`);
		}
	}

	const date = new Date().toISOString();
	console.log(`\nQantar load — ${date} — ${CONNECTIONS} connections × ${DURATION} s per target, loopback, ${cpus().length} CPUs (autocannon shares them)`);
	console.log(
		`${'target'.padEnd(16)}${'server'.padEnd(15)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}${'× floor req/s'.padStart(15)}`
	);
	for (const r of results) {
		const f = results.find((x) => x.target === r.target && x.server === 'static floor');
		console.log(
			`${r.target.padEnd(16)}${r.server.padEnd(15)}${String(Math.round(r.reqPerSec)).padStart(9)}${String(r.p50).padStart(9)}${String(r.p99).padStart(9)}${String(r.errors + r.timeouts + r.non2xx).padStart(8)}${(r.server === 'node' ? (r.reqPerSec / f.reqPerSec).toFixed(2) : '').padStart(15)}`
		);
	}
	mkdirSync(OUT_DIR, { recursive: true });
	const file = join(OUT_DIR, `load-${date.slice(0, 10)}.json`);
	writeFileSync(
		file,
		JSON.stringify({ date, connections: CONNECTIONS, durationSeconds: DURATION, cpus: cpus().length, node: process.version, results }, null, 1)
	);
	console.log(`saved ${file}`);
	const bad = results.filter((r) => !r.ok);
	if (bad.length) {
		console.error(`\nERRORS: ${bad.map((r) => `${r.target} (${r.server})`).join(', ')}`);
		process.exitCode = 1;
	}
} finally {
	floor?.close();
	floor?.closeAllConnections();
	node.stop();
}
