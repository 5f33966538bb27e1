import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pictureFile, renderStepPicture } from './render-step-picture.js';

/** A browser whose pages answer `status` and whose screenshots are `bytes(width)` (Chromium itself is driven by tests/api/pictures.spec.ts). */
function fakeBrowser({ status = 200, bytes }: { status?: number; bytes: (width: number) => Buffer }) {
	const visited: string[] = [];
	const browser = {
		newPage: async ({ viewport }: { viewport: { width: number; height: number } }) => ({
			emulateMedia: async () => {},
			goto: async (url: string) => {
				visited.push(`${url} @${viewport.width}x${viewport.height}`);
				return { ok: () => status === 200, status: () => status };
			},
			waitForFunction: async () => {},
			evaluate: async () => {},
			waitForTimeout: async () => {},
			screenshot: async () => bytes(viewport.width),
			close: async () => {}
		})
	};
	return { browser: browser as never, visited };
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'qantar-pictures-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('drawing a step picture', () => {
	it('draws the card embed page at both sizes and writes <id>.png and <id>-small.png', async () => {
		const { browser, visited } = fakeBrowser({ bytes: (w) => Buffer.from(`png ${w}`) });
		const files = await renderStepPicture({ browser, base: 'http://127.0.0.1:1', id: 'akimat', lang: 'en', outDir: dir });
		expect(visited).toEqual([
			'http://127.0.0.1:1/en/embed/step/akimat?card=1&theme=light&test @1200x630',
			'http://127.0.0.1:1/en/embed/step/akimat?card=1&theme=light&test @600x315'
		]);
		expect(files).toEqual([pictureFile(dir, 'en', 'akimat', ''), pictureFile(dir, 'en', 'akimat', '-small')]);
		expect(readFileSync(join(dir, 'en', 'akimat.png'), 'utf8')).toBe('png 1200');
		expect(readFileSync(join(dir, 'en', 'akimat-small.png'), 'utf8')).toBe('png 600');
	});

	it('replaces a picture atomically: a reader during the write reads the old file or the new one, whole', async () => {
		const old = Buffer.alloc(3 * 1024 * 1024, 1);
		const fresh = Buffer.alloc(2 * 1024 * 1024 + 17, 2);
		mkdirSync(join(dir, 'fr'), { recursive: true });
		writeFileSync(join(dir, 'fr', 'akimat.png'), old);
		const { browser } = fakeBrowser({ bytes: (w) => (w === 1200 ? fresh : Buffer.from('small')) });
		const seen = new Set<string>();
		let done = false;
		const reader = (async () => {
			while (!done) {
				const b = await readFile(join(dir, 'fr', 'akimat.png'));
				seen.add(b.equals(old) ? 'old' : b.equals(fresh) ? 'new' : `torn (${b.length} bytes)`);
			}
		})();
		await renderStepPicture({ browser, base: 'http://x', id: 'akimat', lang: 'fr', outDir: dir });
		done = true;
		await reader;
		expect([...seen].filter((s) => s.startsWith('torn'))).toEqual([]);
		expect(seen.has('old')).toBe(true); // the reader did read while the drawing wrote
		expect(readFileSync(join(dir, 'fr', 'akimat.png')).equals(fresh)).toBe(true);
		expect(readdirSync(join(dir, 'fr')).sort()).toEqual(['akimat-small.png', 'akimat.png']); // no temporary file left
	});

	it('writes nothing when the page does not answer 200, and says which page', async () => {
		mkdirSync(join(dir, 'fr'), { recursive: true });
		writeFileSync(join(dir, 'fr', 'gone.png'), 'old picture');
		const { browser } = fakeBrowser({ status: 500, bytes: () => Buffer.from('error page') });
		await expect(renderStepPicture({ browser, base: 'http://x', id: 'gone', lang: 'fr', outDir: dir })).rejects.toThrow(
			'http://x/embed/step/gone?card=1&theme=light&test answered 500'
		);
		expect(readFileSync(join(dir, 'fr', 'gone.png'), 'utf8')).toBe('old picture');
		expect(readdirSync(join(dir, 'fr'))).toEqual(['gone.png']);
	});
});
