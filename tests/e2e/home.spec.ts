import { expect, test } from '@playwright/test';
import { foreignRequests, nonBackgroundShare, placedLabels, recordRequests, renderedFeatureIds, waitForMapIdle } from './helpers';

test('the home map draws the region with the story layers, offline', async ({ page, baseURL }) => {
	const requests = recordRequests(page);
	await page.goto('/?test');
	await waitForMapIdle(page);

	// something is drawn: land, borders, layers (not a blank canvas)
	expect(await nonBackgroundShare(page)).toBeGreaterThan(0.25);

	// story layers are on screen
	expect(await renderedFeatureIds(page, 'story-protest-cities')).toEqual(expect.arrayContaining(['zhanaozen', 'aktau', 'nur-sultan']));
	expect(await renderedFeatureIds(page, 'story-csto-members')).toEqual(
		expect.arrayContaining(['country-russia', 'country-kyrgyzstan', 'country-tajikistan'])
	);
	expect((await renderedFeatureIds(page, 'story-csto-airlift')).length).toBeGreaterThanOrEqual(5);

	// labels placed in Latin and in Cyrillic script
	const labels = await placedLabels(page);
	expect(labels.some((t) => /[A-Za-z]{4,}/.test(t))).toBe(true);
	expect(labels.filter((t) => /[\u0400-\u04FF]{3,}/.test(t)).length).toBeGreaterThan(0);

	// credits in the attribution
	await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Natural Earth');
	await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('GeoNames');

	// nothing left the machine
	expect(requests.length).toBeGreaterThan(5);
	expect(foreignRequests(requests, baseURL!)).toEqual([]);
});

test('at city zoom the Almaty sites are drawn with their labels', async ({ page, baseURL }) => {
	const requests = recordRequests(page);
	await page.goto('/?test');
	await waitForMapIdle(page);
	await page.evaluate(() => window.qantar!.map.jumpTo({ center: [76.945, 43.237], zoom: 14 }));
	await waitForMapIdle(page);
	expect(await renderedFeatureIds(page, 'story-almaty-sites')).toEqual(
		expect.arrayContaining(['almaty-akimat', 'almaty-presidential-residence', 'almaty-republic-square'])
	);
	expect(await nonBackgroundShare(page)).toBeGreaterThan(0.0);
	expect(foreignRequests(requests, baseURL!)).toEqual([]);
});
