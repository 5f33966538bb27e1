// `npm run snapshots` renders the real map of every step to PNG: run it against
// the test server, then check that there is a picture per step id, at both
// sizes, and that each shows a map (many colours, not one flat background).
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { STEPS } from './story-data';

const OUT = '.tmp/snapshots-test';

async function pictureStats(page: import('@playwright/test').Page, file: string) {
	const b64 = readFileSync(file).toString('base64');
	return page.evaluate(async (src) => {
		const img = new Image();
		img.src = src;
		await img.decode();
		const c = document.createElement('canvas');
		c.width = img.naturalWidth;
		c.height = img.naturalHeight;
		const ctx = c.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		const { data } = ctx.getImageData(0, 0, c.width, c.height);
		const colours = new Map<number, number>();
		for (let i = 0; i < data.length; i += 16) {
			const key = ((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3);
			colours.set(key, (colours.get(key) ?? 0) + 1);
		}
		const top = Math.max(...colours.values());
		return { width: c.width, height: c.height, colours: colours.size, dominantShare: top / (data.length / 16) };
	}, `data:image/png;base64,${b64}`);
}

test('the snapshot script draws a non-blank picture of every step, named by its id', async ({ page, baseURL }) => {
	test.setTimeout(300_000);
	rmSync(OUT, { recursive: true, force: true });
	execFileSync(process.execPath, ['scripts/snapshots.js', '--base', baseURL!, '--out', OUT, '--lang', 'fr'], { stdio: 'pipe', timeout: 280_000 });
	const files = readdirSync(`${OUT}/fr`).sort();
	expect(files).toEqual(STEPS.flatMap((s) => [`${s.id}-small.png`, `${s.id}.png`]).sort());
	await page.goto('about:blank');
	for (const s of STEPS) {
		const big = await pictureStats(page, `${OUT}/fr/${s.id}.png`);
		expect([big.width, big.height]).toEqual([1200, 630]);
		expect(big.colours, s.id).toBeGreaterThan(40);
		expect(big.dominantShare, s.id).toBeLessThan(0.9);
		const small = await pictureStats(page, `${OUT}/fr/${s.id}-small.png`);
		expect([small.width, small.height]).toEqual([600, 315]);
		expect(small.colours, s.id).toBeGreaterThan(30);
	}
});

test('the pictures the pages point at are committed for every step, in both languages', () => {
	for (const lang of ['fr', 'en'])
		for (const s of STEPS) for (const f of [`${s.id}.png`, `${s.id}-small.png`]) expect(existsSync(`static/snapshots/${lang}/${f}`), `${lang}/${f}`).toBe(true);
});
