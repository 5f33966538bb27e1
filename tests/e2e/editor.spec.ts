// The editor in a real browser: sign in, draw a point, see the inline errors,
// fix them, save, and find the feature in the story; undo/redo; import with a
// bad feature; names with markup render as text everywhere.
import { test, expect, type Page } from '@playwright/test';
import { writeFileSync, mkdirSync } from 'node:fs';
import { client, getLayer, restoreOriginal, signIn as apiSignIn, writeHeaders } from '../api/helpers';
import { STEPS } from './story-data';
import { signIn } from './editor-helpers';

const XSS_NEW = '<img src=x onerror=alert(1)>';
const XSS_OLD = '<img src=x onerror=alert(2)>';

const drawnKeys = (page: Page) => page.evaluate(() => (window as any).qantar.editor.keys().length as number);

test.describe('editor', () => {
	test.afterAll(async ({ baseURL }) => {
		await restoreOriginal(baseURL!, 'protest-cities');
	});

	test('draw, fill with inline errors, undo/redo, save, see it in the story; markup stays text', async ({ page }) => {
		const dialogs: string[] = [];
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			d.dismiss();
		});
		await signIn(page);
		await expect(page.getByTestId('layer-select')).toHaveValue('protest-cities');
		await page.screenshot({ path: '.tmp/editor-1280.png' });

		const before = await drawnKeys(page);
		await page.getByRole('button', { name: 'Add point', exact: true }).click();
		const box = (await page.getByTestId('map').boundingBox())!;
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		await expect.poll(() => drawnKeys(page)).toBe(before + 1);

		// the new feature's form shows its problems before anything is typed
		const form = page.getByTestId('property-form');
		await expect(form.locator('[data-field="sources"]')).toContainText('at least one source');
		await expect(form.locator('[data-field="name_en"]')).toContainText('required');
		await expect(page.getByTestId('save')).toContainText(/\d+ problems? to fix/);
		await expect(page.getByTestId('feature-list').getByText('invalid')).toHaveCount(1);
		await page.screenshot({ path: '.tmp/editor-form-1280.png' });

		// undo/redo of the drawing changes the map
		await page.keyboard.press('Control+z');
		await expect.poll(() => drawnKeys(page)).toBe(before);
		await page.keyboard.press('Control+Shift+z');
		await expect.poll(() => drawnKeys(page)).toBe(before + 1);
		await page
			.getByTestId('feature-list')
			.getByRole('button', { name: /\(unnamed\)/ })
			.click();

		await page.getByLabel('Name (French)').fill(XSS_NEW);
		await page.getByLabel('Name (English)').fill('Qantar test town');
		await expect(page.getByTestId('feature-id')).toHaveText('qantar-test-town');
		await expect(form.locator('[data-field="name_en"]')).toHaveCount(0);
		// undo/redo of typing changes the form
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(page.getByLabel('Name (English)')).toHaveValue('');
		await page.getByRole('button', { name: 'Redo' }).click();
		await expect(page.getByLabel('Name (English)')).toHaveValue('Qantar test town');

		await page.getByRole('button', { name: 'Add a source' }).click();
		// a bare URL is refused (cite the registry), then an id the registry does not have, then one it has
		await page.getByLabel('Source 1', { exact: true }).fill('https://example.org/qantar-test');
		await expect(form.locator('[data-field="sources.0"]')).toContainText('must be the id of a source in content/sources.yaml');
		await page.getByLabel('Source 1', { exact: true }).fill('no-such-source');
		await expect(form.locator('[data-field="sources.0"]')).toContainText('"no-such-source" is not in the source registry');
		// the registry is offered as suggestions
		expect(await form.locator('datalist option').count()).toBeGreaterThan(100);
		await page.getByLabel('Source 1', { exact: true }).fill('tass-2022-01-unrest-overview');
		await expect(form.locator('[data-field="sources.0"]')).toHaveCount(0);
		await page.getByLabel('Start date').fill('2022-01-06');
		await expect(form.locator('[data-field="date_precision"]')).toContainText('required');
		await page.getByLabel('Date precision').selectOption('day');
		await expect(form.locator('.err')).toHaveCount(0);
		// the markup in the name is text, in the list and the form
		await expect(page.getByTestId('feature-list').getByText(XSS_NEW)).toHaveCount(0); // list shows the English name
		await expect(page.getByLabel('Name (French)')).toHaveValue(XSS_NEW);

		// an existing feature highlighted by a step gets a name with markup (French: the story at / is French)
		await page.getByTestId('feature-list').getByRole('button', { name: 'Zhanaozen' }).click();
		await page.getByLabel('Name (English)').fill(XSS_OLD);
		await page.getByLabel('Name (French)').fill(XSS_OLD);
		await expect(page.getByTestId('feature-list').getByRole('button', { name: XSS_OLD })).toHaveCount(1);
		await expect(page.locator('.props h2, .side h2').first()).toHaveText(XSS_OLD);

		await expect(page.getByTestId('save')).toHaveText('Save');
		await page.getByTestId('save').click();
		await expect(page.getByTestId('saved')).toContainText('revision');
		await expect(page.getByRole('link', { name: 'Open the story' })).toHaveAttribute('href', '/');

		// the story shows the change: its data holds the new feature, "On the map" the renamed one, as text
		const step = STEPS.find((s) => s.highlight.includes('zhanaozen') && s.layers.show.includes('protest-cities'))!;
		await page.goto(`/step/${step.id}`);
		await page.waitForFunction(() => !!(window as any).qantar?.map?.isStyleLoaded?.(), null, { timeout: 30_000 });
		const ids = await page.evaluate(async () => {
			const src = (window as any).qantar.map.getStyle().sources['story-protest-cities'].data;
			const fc = typeof src === 'string' ? await (await fetch(src)).json() : src;
			return fc.features.map((f: any) => `${f.properties.id}|${f.properties.name_fr}`);
		});
		expect(ids).toContain(`qantar-test-town|${XSS_NEW}`);
		expect(ids).toContain(`zhanaozen|${XSS_OLD}`);
		await expect(page.getByText(XSS_OLD).first()).toBeAttached();
		await expect(page.locator('img[src="x"]')).toHaveCount(0);
		expect(dialogs).toEqual([]);
	});

	test('import: a bad feature is flagged and not merged; exports download', async ({ page }) => {
		await signIn(page);
		const good = {
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [70.1, 46.2] },
			properties: {
				name_fr: 'Ville importée',
				name_en: 'Imported town',
				kind: 'city',
				description_fr: '',
				description_en: '',
				sources: ['tass-2022-01-unrest-overview'],
				confidence: 'low',
				period: 'reported'
			}
		};
		const bad = { type: 'Feature', geometry: { type: 'Point', coordinates: [270, 46] }, properties: { name_en: 'Broken place', kind: 'city', sources: [] } };
		mkdirSync('.tmp', { recursive: true });
		writeFileSync('.tmp/editor-import.geojson', JSON.stringify({ type: 'FeatureCollection', features: [good, bad] }));
		const count = await page.getByTestId('feature-list').getByRole('listitem').count();
		await page.getByTestId('import-file').setInputFiles('.tmp/editor-import.geojson');
		const rows = page.getByTestId('import-row');
		await expect(rows).toHaveCount(2);
		await expect(rows.nth(0)).toContainText('valid');
		await expect(rows.nth(1)).toContainText('invalid, will not be merged');
		await expect(rows.nth(1)).toContainText('out of range');
		await expect(rows.nth(1)).toContainText('source');
		await page.getByRole('button', { name: 'Merge 1 valid feature' }).click();
		await expect(page.getByTestId('feature-list').getByRole('listitem')).toHaveCount(count + 1);
		await expect(page.getByTestId('feature-list').getByRole('button', { name: 'Imported town' })).toHaveCount(1);
		await expect(page.getByTestId('feature-list').getByRole('button', { name: 'Broken place' })).toHaveCount(0);
		await expect(rows).toHaveCount(1);

		const [geo] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download GeoJSON' }).click()]);
		expect(geo.suggestedFilename()).toBe('protest-cities.geojson');
		const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
		expect(csv.suggestedFilename()).toBe('protest-cities.csv');
	});

	test('a stale save is refused (409), shows what changed, and merges both editors’ edits', async ({ page, baseURL }) => {
		await signIn(page);
		// my edit in the browser
		await page.getByTestId('feature-list').getByRole('button', { name: 'Aktau' }).click();
		await page.getByLabel('Description (English)').fill('Edited in the browser');
		// meanwhile another editor saves a change to another feature
		const cookie = await apiSignIn(baseURL!, 'reviewer');
		const api = await client(baseURL!);
		const { etag, collection } = await getLayer(api, 'protest-cities');
		const atyrau = collection.features.find((f: any) => f.properties.id === 'atyrau');
		atyrau.properties.description_en = 'Edited by the reviewer';
		const put = await api.put('/api/layers/protest-cities', { headers: writeHeaders(baseURL!, cookie, etag), data: collection });
		expect(put.status(), await put.text()).toBe(200);
		// my save is refused, nothing overwritten
		await page.getByTestId('save').click();
		await expect(page.getByTestId('conflict')).toContainText('modified atyrau');
		await page.getByRole('button', { name: 'Merge my edits with theirs' }).click();
		await expect(page.getByTestId('status')).toContainText('Merged');
		await page.getByTestId('save').click();
		await expect(page.getByTestId('saved')).toContainText('revision');
		const after = (await getLayer(api, 'protest-cities')).collection.features;
		expect(after.find((f: any) => f.properties.id === 'aktau').properties.description_en).toBe('Edited in the browser');
		expect(after.find((f: any) => f.properties.id === 'atyrau').properties.description_en).toBe('Edited by the reviewer');
		await api.dispose();
	});
});
