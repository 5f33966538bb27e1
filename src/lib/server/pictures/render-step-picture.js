// The rule for a step's picture, in one place: the embed page's card layout
// (/embed/step/<id>?card=1&theme=light&test) drawn in Chromium once the map is
// idle, at 1200x630 (<id>.png: og:image, social card, the embed's no-JS
// fallback) and 600x315 (<id>-small.png: the oEmbed thumbnail). Used by
// `npm run snapshots` (the build's pictures, static/snapshots/) and by the
// server after a publish (the data directory's pictures/: step-pictures.ts).
// Each file is replaced atomically: a reader gets the old PNG or the new one.
// Plain JavaScript (typed with JSDoc) so the script can use it as is.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../editor/atomic-write.js';
import { waitForMapIdle } from '../../../../scripts/lib/map-idle.js';

/** The two sizes of a step's picture and their file suffixes. */
export const PICTURE_SIZES = /** @type {const} */ ([
	{ width: 1200, height: 630, suffix: '' },
	{ width: 600, height: 315, suffix: '-small' }
]);

/** The languages a picture is drawn in (the embed's URL prefix: none for French). */
export const PICTURE_LANGS = /** @type {const} */ (['fr', 'en']);

/**
 * The file of a step's picture under `dir` (`<dir>/<lang>/<id><suffix>.png`).
 * @param {string} dir @param {string} lang @param {string} id @param {string} suffix
 */
export const pictureFile = (dir, lang, id, suffix) => join(dir, lang, `${id}${suffix}.png`);

/** The page a picture is drawn from. @param {string} lang @param {string} id */
export const picturePagePath = (lang, id) => `${lang === 'en' ? '/en' : ''}/embed/step/${encodeURIComponent(id)}?card=1&theme=light&test`;

/**
 * Draws both sizes of step `id` in `lang` from the server at `base` and writes them under `outDir`.
 * Throws (nothing written for that size) when the page does not answer 200 or the map does not settle.
 * @param {object} o
 * @param {import('playwright-core').Browser} o.browser
 * @param {string} o.base the server's address, e.g. http://127.0.0.1:4173
 * @param {string} o.id
 * @param {string} o.lang
 * @param {string} o.outDir
 * @param {number} [o.timeout] how long the page may take to draw (ms)
 * @returns {Promise<string[]>} the files written
 */
export async function renderStepPicture({ browser, base, id, lang, outDir, timeout = 60_000 }) {
	const written = [];
	await mkdir(join(outDir, lang), { recursive: true });
	for (const { width, height, suffix } of PICTURE_SIZES) {
		const page = await browser.newPage({ viewport: { width, height } });
		try {
			await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
			const url = `${base}${picturePagePath(lang, id)}`;
			const res = await page.goto(url, { timeout });
			if (!res?.ok()) throw new Error(`${url} answered ${res?.status() ?? 'nothing'}`);
			await page.waitForFunction((id) => document.querySelector('[data-active-step]')?.getAttribute('data-map-step') === id, id, { timeout });
			await waitForMapIdle(/** @type {any} */ (page), { timeout });
			await page.waitForTimeout(250); // the cut's cross-fade
			const png = await page.screenshot({ timeout });
			const file = pictureFile(outDir, lang, id, suffix);
			await writeFileAtomic(file, png);
			written.push(file);
		} finally {
			await page.close().catch(() => {});
		}
	}
	return written;
}
