// Foundation checks on the home page (the French story): the embedded basemap
// and the story layers render, labels in Latin and Cyrillic, credits shown,
// and no request leaves the app's origin.
import { expect, test } from '@playwright/test';
import { foreignRequests, nonBackgroundShare, placedLabels, recordRequests, renderedFeatureIds, waitForStep } from './helpers';

test('the home map draws the region with the story layers, offline', async ({ page, baseURL }) => {
	const requests = recordRequests(page);
	await page.goto('/?test');
	await waitForStep(page, 'overview');

	// something is drawn: land, borders, layers (not a blank canvas)
	expect(await nonBackgroundShare(page)).toBeGreaterThan(0.25);
	expect(await renderedFeatureIds(page, 'story-csto-members')).toEqual(
		expect.arrayContaining(['country-russia', 'country-kyrgyzstan', 'country-tajikistan', 'country-belarus', 'country-armenia'])
	);
	expect(await renderedFeatureIds(page, 'story-csto-capitals')).toEqual(expect.arrayContaining(['moscow', 'minsk', 'yerevan', 'bishkek', 'dushanbe']));

	// labels placed in Latin and in Cyrillic script (country names carry their local name)
	const labels = await placedLabels(page);
	expect(labels.some((t) => /[A-Za-z]{4,}/.test(t))).toBe(true);
	expect(labels.filter((t) => /[\u0400-\u04FF]{3,}/.test(t)).length).toBeGreaterThan(0);

	// credits in the attribution
	await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Natural Earth');
	await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('GeoNames');

	// the protest cities and the CSTO lines, at their steps
	await page.goto('/?test#spread');
	await waitForStep(page, 'spread');
	expect(await renderedFeatureIds(page, 'story-protest-cities')).toEqual(expect.arrayContaining(['zhanaozen', 'aktau', 'nur-sultan', 'shymkent']));
	await page.goto('/?test#csto-airlift');
	await waitForStep(page, 'csto-airlift');
	expect((await renderedFeatureIds(page, 'story-csto-airlift')).length).toBe(7);

	// nothing left the machine
	expect(requests.length).toBeGreaterThan(5);
	expect(foreignRequests(requests, baseURL!)).toEqual([]);
});

test('at city zoom the Almaty sites are drawn with their labels', async ({ page, baseURL }) => {
	const requests = recordRequests(page);
	await page.goto('/?test#residence');
	await waitForStep(page, 'residence');
	expect(await renderedFeatureIds(page, 'story-almaty-sites')).toEqual(
		expect.arrayContaining(['almaty-akimat', 'almaty-presidential-residence', 'almaty-republic-square'])
	);
	const labels = await placedLabels(page, (id) => id.startsWith('story-almaty-sites'));
	expect(labels.join(' ')).toMatch(/Résidence présidentielle/);
	expect(foreignRequests(requests, baseURL!)).toEqual([]);
});
