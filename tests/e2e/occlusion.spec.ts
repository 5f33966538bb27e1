// The subject is never hidden: for every step, at phone, tablet and desktop
// widths, each highlighted feature sits in the visible part of the map that no
// text card, progress mark or map control covers.
import { expect, test } from '@playwright/test';
import { STEPS, FEATURE_POINTS } from './story-data';
import { isClear, visibility, waitForStep } from './helpers';

const SIZES = [
	{ width: 375, height: 740 },
	{ width: 768, height: 1024 },
	{ width: 1280, height: 800 }
];

for (const size of SIZES) {
	test(`highlighted features stay clear of the text at ${size.width}px`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.setViewportSize(size);
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/?test');
		const problems: string[] = [];
		for (const step of STEPS) {
			await page.locator(`.progress a[href="#${step.id}"]`).click();
			await waitForStep(page, step.id);
			const ids = step.highlight;
			const pts = ids.flatMap((id) => FEATURE_POINTS.get(id)!.map((p) => ({ id, p })));
			const v = await visibility(
				page,
				pts.map((x) => x.p)
			);
			v.screen.forEach((s, i) => {
				if (!isClear(s, v)) problems.push(`${step.id}: ${pts[i]!.id} at (${Math.round(s.x)}, ${Math.round(s.y)}) is hidden or off the map`);
			});
		}
		expect(problems).toEqual([]);
	});
}
