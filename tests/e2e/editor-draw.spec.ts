// Drawing and reshaping in a real browser, by clicks and drags on the map
// canvas: a movement line and a polygon are drawn and saved (the layer file
// holds them), a vertex is dragged and the saved file follows; a polygon made
// to cross itself is flagged and not saved, and a save forced past the
// browser's check gets the server's 422 answer on the page, the file unchanged.
import { test, expect, type Page } from '@playwright/test';
import type { Polygon } from 'geojson';
import { bytesOnDisk, restoreOriginal } from '../api/helpers';
import {
	clickShape,
	drag,
	featureIn,
	featureOnDisk,
	fillRequired,
	jumpTo,
	lngLatAt,
	mapPoint,
	markedInvalid,
	nearest,
	openLayer,
	signIn
} from './editor-helpers';

type Position = [number, number];

/** Draws a square with the polygon tool in the southern Caspian (no member state there) and returns its corners on screen. */
async function drawSquare(page: Page) {
	await jumpTo(page, [51.5, 40.5], 6);
	await page.getByRole('button', { name: 'Add polygon', exact: true }).click();
	const corners = [await mapPoint(page, 0.4, 0.4), await mapPoint(page, 0.6, 0.4), await mapPoint(page, 0.6, 0.6), await mapPoint(page, 0.4, 0.6)];
	await clickShape(page, corners, corners[0]!);
	await expect(page.getByTestId('status')).toContainText('New feature drawn');
	return corners;
}

test.describe('editor: drawing and reshaping', () => {
	test.afterAll(async ({ baseURL }) => {
		await restoreOriginal(baseURL!, 'csto-airlift');
		await restoreOriginal(baseURL!, 'csto-members');
	});

	test('a line drawn by clicks on the map is saved with its movement fields', async ({ page }) => {
		await signIn(page);
		await openLayer(page, 'csto-airlift', 'airlift-ru-ivanovo');
		await jumpTo(page, [60, 52], 4);
		await page.getByRole('button', { name: 'Add line', exact: true }).click();
		const points = [await mapPoint(page, 0.3, 0.55), await mapPoint(page, 0.45, 0.45), await mapPoint(page, 0.6, 0.5)];
		const expected = await Promise.all(points.map((p) => lngLatAt(page, p)));
		await clickShape(page, points, points[2]!);
		await expect(page.getByTestId('status')).toContainText('New feature drawn');

		// a movement needs its own fields: the form shows them, with their errors
		const form = page.getByTestId('property-form');
		await expect(form.locator('[data-field="from"]')).toContainText('required for kind "airlift"');
		await fillRequired(page, 'Qantar test airlift', 'Pont aérien de test');
		await form.getByLabel('From (id').fill('chkalovsky');
		await form.getByLabel('To (id').fill('almaty-international-airport');
		await form.getByLabel('Mode').selectOption('air');
		await form.getByLabel('Country (ISO').fill('RUS');
		await expect(form.getByLabel('Troops')).toHaveValue(''); // not published
		await expect(form.locator('.err')).toHaveCount(0);
		await expect(page.getByTestId('save')).toHaveText('Save');
		await page.getByTestId('save').click();
		await expect(page.getByTestId('saved')).toContainText('revision');

		const saved = featureOnDisk('csto-airlift', 'qantar-test-airlift');
		expect(saved?.geometry.type).toBe('LineString');
		const line = saved!.geometry.coordinates as Position[];
		expect(line).toHaveLength(3);
		for (const [i, p] of expected.entries()) expect(nearest([line[i]!], p).distance).toBeLessThan(0.05);
		expect(saved!.properties).toMatchObject({ from: 'chkalovsky', to: 'almaty-international-airport', mode: 'air', troops: null, kind: 'airlift' });
	});

	test('a polygon drawn on the map is saved; dragging one of its vertices moves it in the saved file', async ({ page }) => {
		await signIn(page);
		await openLayer(page, 'csto-members', 'country-russia');
		const corners = await drawSquare(page);
		await fillRequired(page, 'Qantar test territory', 'Territoire de test');
		await page.getByTestId('save').click();
		await expect(page.getByTestId('saved')).toContainText('revision');
		const first = featureOnDisk('csto-members', 'qantar-test-territory');
		expect(first?.geometry.type).toBe('Polygon');
		expect((first!.geometry.coordinates as Position[][])[0]).toHaveLength(5);

		// reshape: the feature is still selected; drag the lower right corner outwards
		const from = await lngLatAt(page, corners[2]!);
		const target = { x: corners[2]!.x + 60, y: corners[2]!.y + 40 };
		const to = await lngLatAt(page, target);
		await drag(page, corners[2]!, target);
		await expect
			.poll(async () => nearest(((await featureIn(page, 'qantar-test-territory'))!.geometry as Polygon).coordinates[0]!, to).distance)
			.toBeLessThan(0.05);
		await page.getByTestId('save').click();
		await expect(page.getByTestId('saved')).toContainText('~1');
		const ring = (featureOnDisk('csto-members', 'qantar-test-territory')!.geometry.coordinates as Position[][])[0]!;
		expect(nearest(ring, to).distance).toBeLessThan(0.05);
		expect(nearest(ring, from).distance).toBeGreaterThan(0.3);
		expect(ring).toHaveLength(5);
	});

	test('a polygon made to cross itself is flagged and not saved; a forced save shows the server’s 422 and leaves the file', async ({ page }) => {
		await signIn(page);
		await openLayer(page, 'csto-members', 'country-russia');
		const corners = await drawSquare(page);
		await fillRequired(page, 'Qantar crossing test', 'Test de croisement');
		await expect(page.getByTestId('save')).toHaveText('Save');
		const valid = (await featureIn(page, 'qantar-crossing-test'))!.geometry;

		// drag the lower right corner beyond the left side: two edges now cross
		await drag(page, corners[2]!, await mapPoint(page, 0.25, 0.5));
		const form = page.getByTestId('property-form');
		await expect(form.locator('[data-field="geometry"]')).toContainText('crosses itself');
		await expect(page.getByTestId('save')).toHaveText('1 problem to fix before saving');
		await expect(page.getByTestId('save')).toBeDisabled();
		await expect(page.getByTestId('feature-list').getByRole('button', { name: /Qantar crossing test/ })).toContainText('invalid');
		await expect.poll(() => markedInvalid(page)).toBeGreaterThan(0); // the red marking on the map
		await page.screenshot({ path: '.tmp/editor-self-intersection.png' });
		const crossing = (await featureIn(page, 'qantar-crossing-test'))!.geometry;
		expect(crossing).not.toEqual(valid);

		// undo: valid again, and the red marking goes
		await page.keyboard.press('Control+z');
		await expect(form.locator('[data-field="geometry"]')).toHaveCount(0);
		await expect.poll(() => markedInvalid(page)).toBe(0);

		// a client whose check was bypassed sends the crossing polygon: the server refuses it, the page says why
		const before = bytesOnDisk('csto-members');
		await page.route('**/api/layers/csto-members', async (route) => {
			if (route.request().method() !== 'PUT') return route.continue();
			const body = route.request().postDataJSON();
			for (const f of body.features) if (f.properties.id === 'qantar-crossing-test') f.geometry = crossing;
			await route.continue({ postData: JSON.stringify(body) });
		});
		await page.getByTestId('save').click();
		await expect(page.getByTestId('status')).toContainText('Not saved: The layer has 1 problem: nothing was saved');
		await expect(form.locator('[data-field="geometry"]')).toContainText('server: the polygon crosses itself');
		await expect(page.getByTestId('saved')).toHaveCount(0);
		expect(bytesOnDisk('csto-members').equals(before)).toBe(true);
		await page.unroute('**/api/layers/csto-members');
	});
});
