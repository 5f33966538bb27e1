/**
 * The server's step pictures: after a publish (and when a published state
 * arrives from the data remote, or at start), the pictures whose step changed
 * are drawn again in the background, through the server's own address, in one
 * Chromium launched when there is work and closed once it has been idle a
 * while. They go to the data directory's pictures/ (<lang>/<id>.png and
 * <id>-small.png, and manifest.json: the fingerprint each was drawn for),
 * which git ignores: they are derived from the published story, and each
 * instance draws its own. server/step-pictures.js serves them at the build's
 * URLs (/snapshots/<lang>/<id>.png), the build's pictures until then.
 * QANTAR_STEP_PICTURES=off turns this off; without a Chromium it is off too
 * (said once in the log) and the build's pictures are served.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { dataDir } from '../web-policy.js';
import { writeFileAtomic } from '../editor/atomic-write.js';
import { contentDocument, published } from '../story/published';
import { corrections } from '../story/corrections-log';
import { findChromium, CHROMIUM_ARGS } from '../../../../scripts/lib/chromium.js';
import { PICTURE_SIZES, renderStepPicture } from './render-step-picture.js';
import { withDeadline } from './deadline';
import { keyParts, pictureFingerprints, type PictureKey } from './picture-fingerprint';
import { PictureQueue } from './picture-queue';
import type { PicturesStatus } from '$lib/api/story-api';

export const PICTURES_DIR = 'pictures';
export const picturesDir = () => join(dataDir(), PICTURES_DIR);
const manifestPath = () => join(picturesDir(), 'manifest.json');

let queue: PictureQueue | null = null;
let off: string | null = 'not started';
let browser: Promise<Browser> | null = null;
let idleTimer: ReturnType<typeof setTimeout> | null = null;

/** the server's own address, which the pictures are drawn from */
export function ownBase(env: Record<string, string | undefined> = process.env): string | null {
	if (env.QANTAR_PICTURES_BASE) return env.QANTAR_PICTURES_BASE.replace(/\/$/, '');
	if (!env.PORT) return null;
	const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
	return `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT}`;
}

function disable(reason: string) {
	off = reason;
	queue?.stop();
	queue = null;
	console.error(`qantar: step pictures are not drawn again after a publish (${reason}); the build's pictures are served`);
}

async function launch(): Promise<Browser> {
	let found: Awaited<ReturnType<typeof findChromium>>;
	try {
		found = await findChromium();
	} catch (e) {
		found = null;
		console.error((e as Error).message);
	}
	if (!found) {
		disable('no Chromium found: on Debian, apt-get install chromium, or set QANTAR_CHROMIUM');
		throw new Error('no Chromium');
	}
	const { chromium } = await import('playwright-core');
	return chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS, timeout: 30_000 });
}

function getBrowser(): Promise<Browser> {
	if (idleTimer) clearTimeout(idleTimer);
	idleTimer = null;
	if (!browser) {
		const made = launch();
		browser = made;
		// a browser that dies or is closed is forgotten, but only if it is still the current one (not
		// one closed when idle, after which another was launched)
		made.then(
			(b) => b.on('disconnected', () => dropBrowser(made)),
			() => dropBrowser(made)
		);
	}
	return browser;
}

/** forgets `made` if it is the current browser, and closes it (a hung browser is not waited for) */
function dropBrowser(made: Promise<Browser>) {
	if (browser !== made) return;
	browser = null;
	void made.then((b) => b.close()).catch(() => {});
}

/** closes the browser once the queue has been idle `QANTAR_PICTURES_IDLE_SECONDS` (default 60) */
function closeWhenIdle() {
	if (idleTimer) clearTimeout(idleTimer);
	idleTimer = setTimeout(
		() => {
			if (browser) dropBrowser(browser);
		},
		Number(process.env.QANTAR_PICTURES_IDLE_SECONDS ?? 60) * 1000
	);
	idleTimer.unref();
}

let ignoredIn: string | null = null;
/** git leaves pictures/ out of the data directory's history (derived files, per instance): before each drawing, as the repository may be made after the start */
async function ignoreInGit(dir: string) {
	if (ignoredIn === dir || !existsSync(join(dir, '.git'))) return;
	const exclude = join(dir, '.git', 'info', 'exclude');
	const text = await readFile(exclude, 'utf8').catch(() => '');
	if (!text.split('\n').includes(`/${PICTURES_DIR}/`)) {
		await mkdir(join(dir, '.git', 'info'), { recursive: true });
		await appendFile(exclude, `${text && !text.endsWith('\n') ? '\n' : ''}/${PICTURES_DIR}/\n`);
	}
	ignoredIn = dir;
}

function readManifest(): Record<PictureKey, string> {
	try {
		return JSON.parse(readFileSync(manifestPath(), 'utf8')) as Record<PictureKey, string>;
	} catch {
		return {};
	}
}

/** Starts the pictures' worker (the server's start: hooks.server.ts), and looks at once for pictures out of date. */
export function startStepPictures(env: Record<string, string | undefined> = process.env): void {
	if (queue) return;
	if (/^(off|0|false|no)$/i.test(env.QANTAR_STEP_PICTURES ?? '')) {
		off = 'QANTAR_STEP_PICTURES is off';
		return;
	}
	const base = ownBase(env);
	if (!base) return disable('the server’s port is not known: set PORT or QANTAR_PICTURES_BASE');
	const seed = pictureFingerprints(contentDocument(), []);
	off = null;
	queue = new PictureQueue({
		wanted: () => pictureFingerprints(published().document, corrections()),
		baseline: (key) => seed.get(key),
		rendered: readManifest(),
		render: async (key) => {
			const { lang, id } = keyParts(key);
			await ignoreInGit(dataDir());
			const t0 = performance.now();
			const timeout = Number(env.QANTAR_PICTURES_TIMEOUT_MS ?? 60_000);
			const made = getBrowser();
			// each step of a size's drawing has `timeout`, but Playwright's newPage has none and hangs when
			// the browser is killed as the page opens (seen in tests/api/pictures.spec.ts): the whole drawing
			// gets `timeout` per size, then its browser is dropped and the queue tries again later
			await withDeadline(
				made.then((b) => renderStepPicture({ browser: b, base, id, lang, outDir: picturesDir(), timeout })),
				timeout * PICTURE_SIZES.length,
				() => dropBrowser(made)
			);
			console.log(`qantar: drew the picture of step "${id}" (${lang}) again, both sizes, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
		},
		save: async (rendered) => {
			await mkdir(picturesDir(), { recursive: true });
			await writeFileAtomic(manifestPath(), `${JSON.stringify(rendered, null, 1)}\n`);
		},
		onIdle: closeWhenIdle,
		retryDelay: (n) => Number(env.QANTAR_PICTURES_RETRY_SECONDS ?? 5) * 1000 * 2 ** (n - 1)
	});
	queue.kick();
}

/** The published story may have changed (a publish, a sync with the remote): draws again what is out of date, in the background. */
export function stepPicturesChanged(): void {
	queue?.kick();
}

/** What editors see of it (GET /api/story/pictures, the publish's answer). */
export function stepPicturesStatus(): PicturesStatus {
	if (!queue) return { enabled: false, reason: off ?? 'off', pending: [], rendering: null, failed: [] };
	const s = queue.status();
	return {
		enabled: true,
		pending: s.pending.map(keyParts),
		rendering: s.rendering ? keyParts(s.rendering) : null,
		failed: s.failed.map((f) => ({ ...keyParts(f.key), error: f.error }))
	};
}
