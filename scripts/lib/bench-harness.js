// What the two benches (npm run bench, npm run bench:editor) share: reading
// their options, building the app into their own folders (a concurrent
// `npm run build` cannot disturb them), finding and launching the tests'
// Chromium, checking budgets (printed `ok` / `FAIL`, exit code 1 when one is
// exceeded) and writing the results with the commit and machine measured.
// Starting the built server is server/start-built.js.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_HELP } from './chromium.js';

/** `--name value` and `--flag` from the command line. */
export const cli = {
	/** @param {string} name @param {string | number} [fallback] */
	arg(name, fallback) {
		const i = process.argv.indexOf(`--${name}`);
		return i > 0 ? process.argv[i + 1] : fallback;
	},
	/** @param {string} name */
	flag: (name) => process.argv.includes(`--${name}`)
};

/**
 * Builds the app with Vite into `build` (adapter-node's output) and `kit` (SvelteKit's).
 * @param {{ build: string, kit: string, minify?: boolean, log?: (...a: unknown[]) => void }} where
 */
export function buildApp({ build, kit, minify = true, log = console.log }) {
	log(`building the app into ${build} ...`);
	execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', ...(minify ? [] : ['--minify', 'false'])], {
		env: { ...process.env, QANTAR_BUILD_OUT: build, QANTAR_KIT_OUT: kit },
		stdio: ['ignore', 'ignore', 'inherit']
	});
}

/**
 * The app and the bench's floor page (scripts/bench/floor: bare MapLibre, same style and data) in
 * `build`/client/__floor, its files precompressed as adapter-node does the app's. Used by
 * npm run bench and npm run bench:lighthouse (the same build: .tmp/bench/).
 * @param {{ build: string, kit: string, log?: (...a: unknown[]) => void }} where
 */
export function buildAppAndFloor({ build, kit, log = console.log }) {
	buildApp({ build, kit, log });
	log('building the floor page ...');
	execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'scripts/bench/vite.floor.config.js'], {
		env: { ...process.env, QANTAR_BUILD_OUT: build, QANTAR_KIT_OUT: kit, QANTAR_FLOOR_OUT: join(build, 'client/__floor') },
		stdio: ['ignore', 'ignore', 'inherit']
	});
}

/**
 * The tests' Chromium, launched with `args`; exits with how to install it when there is none.
 * @param {string[]} args
 */
export async function launchChromium(args) {
	const found = await findChromium();
	if (!found) {
		console.error(CHROMIUM_HELP);
		process.exit(1);
	}
	const browser = await chromium.launch({ executablePath: found.path, args });
	return { browser, path: found.path, version: browser.version(), args };
}

/** Budgets checked in one run: each `ok` or `FAIL`, with what was measured. */
export class Budgets {
	/** @type {{ name: string, ok: boolean, shown: string }[]} */
	list = [];

	/** @param {string} name @param {boolean} ok @param {string} shown what was measured, as printed */
	check(name, ok, shown) {
		this.list.push({ name, ok, shown });
	}

	get ok() {
		return this.list.every((b) => b.ok);
	}

	/** @param {(...a: unknown[]) => void} [log] */
	print(log = console.log) {
		log('\nBUDGETS');
		for (const b of this.list) log(`  ${b.ok ? 'ok  ' : 'FAIL'}  ${b.name}: ${b.shown}`);
	}

	toJSON() {
		return this.list.map(({ name, ok, shown }) => ({ name, ok, value: shown }));
	}
}

/** The commit measured, and whether src/ had uncommitted changes; null outside a git checkout. */
export function commitMeasured() {
	try {
		const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
		const changed = execFileSync('git', ['status', '--porcelain', '--', 'src', 'server'], { encoding: 'utf8' }).trim();
		return changed ? `${head} with uncommitted changes in src/ or server/` : head;
	} catch {
		return null;
	}
}

/**
 * Writes `<outDir>/<name>-<date>[-<label>].json` with the commit and machine; returns its path.
 * @param {{ outDir: string, name: string, label?: string, started: Date, chromium: { path: string, version: string, args: string[] }, data: Record<string, unknown> }} o
 */
export function writeResults({ outDir, name, label, started, chromium: c, data }) {
	mkdirSync(outDir, { recursive: true });
	const file = join(outDir, `${name}-${started.toISOString().slice(0, 10)}${label ? `-${label}` : ''}.json`);
	const machine = { node: process.version, cpus: cpus().length, loadavg: loadavg(), chromium: c.version, path: c.path, args: c.args };
	writeFileSync(file, JSON.stringify({ date: started.toISOString(), label: label || undefined, commit: commitMeasured(), machine, ...data }, null, 1));
	return file;
}
