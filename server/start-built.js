// Starts the production server (server/index.js) in a child process for the
// tools and tests that drive it (benches, load test, screenshots, snapshots, a
// browser test's second server with other settings), waits until it answers,
// and gives a way to stop it. Needs a build (`npm run build`).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./index.js', import.meta.url));

/** A free loopback port, picked by the system. */
export async function freePort() {
	const s = createServer();
	await new Promise((r) => s.listen(0, '127.0.0.1', () => r(undefined)));
	const address = s.address();
	await new Promise((r) => s.close(() => r(undefined)));
	if (!address || typeof address === 'string') throw new Error('no free port: the system gave no TCP address');
	return address.port;
}

/**
 * @typedef {object} BuiltServer
 * @property {string} base its address, http://localhost:<port>
 * @property {number} port
 * @property {number} pid its process id (a test finds the Chromium it started among its children)
 * @property {() => string} output what it printed so far (stdout and stderr, the last 64 KB)
 * @property {() => Promise<void>} stop ends it; resolves once it has exited
 * @property {(signal: NodeJS.Signals) => Promise<void>} kill sends it a signal (a crash test's SIGKILL); resolves once it has exited
 */

/**
 * @param {object} [options]
 * @param {number} [options.port] default: a free one
 * @param {Record<string, string>} [options.env] its settings, over this process's (ORIGIN defaults to its own address)
 * @param {string} [options.ready] the path that must answer 2xx before it counts as up (default "/")
 * @param {number} [options.timeoutMs] how long it may take to answer (default 60 s)
 * @param {boolean} [options.echo] also print its errors (stderr) here, as they come
 * @returns {Promise<BuiltServer>}
 */
export async function startBuiltServer({ port, env = {}, ready = '/', timeoutMs = 60_000, echo = false } = {}) {
	const p = port ?? (await freePort());
	const base = `http://localhost:${p}`;
	const child = spawn(process.execPath, [ENTRY], { env: { ...process.env, ORIGIN: base, ...env, PORT: String(p) }, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	/** @param {Buffer} d */
	const collect = (d) => void (log = (log + d.toString()).slice(-65_536));
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	if (echo) child.stderr.on('data', (/** @type {Buffer} */ d) => process.stderr.write(d));
	/** @type {Promise<void>} */
	const exited = new Promise((r) => child.once('exit', () => r()));
	let gone = false;
	void exited.then(() => (gone = true));
	const stop = async () => {
		if (!gone) child.kill();
		await exited;
	};
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (gone) throw new Error(`the server (${ENTRY}) exited with code ${child.exitCode} before answering on ${base}:\n${log.trim()}`);
		const up = await fetch(base + ready).then(
			(r) => (void r.body?.cancel(), r.ok),
			() => false
		);
		if (up)
			return {
				base,
				port: p,
				pid: /** @type {number} */ (child.pid),
				output: () => log,
				stop,
				kill: async (/** @type {NodeJS.Signals} */ signal) => {
					if (!gone) child.kill(signal);
					await exited;
				}
			};
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`the server (${ENTRY}) did not answer ${base}${ready} within ${timeoutMs / 1000} s:\n${log.trim()}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}
