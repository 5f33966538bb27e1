// Import in a real browser: every incoming feature is checked; the valid ones
// merge in one step (one undo), an invalid one is fixed in the property form
// and merged, another is skipped. Nothing invalid reaches the layer or the file.
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { restoreOriginal } from '../api/helpers';
import { featureCount, featureOnDisk, openLayer, signIn } from './editor-helpers';

const site = (name: string, kind: string, coordinates: number[], more: Record<string, unknown> = {}) => ({
	type: 'Feature',
	geometry: { type: 'Point', coordinates },
	properties: {
		name_fr: `${name} (fr)`,
		name_en: name,
		kind,
		description_fr: '',
		description_en: '',
		sources: ['tass-2022-01-unrest-overview'],
		confidence: 'medium',
		period: 'reported',
		...more
	}
});

test.describe('editor: import', () => {
	test.afterAll(async ({ baseURL }) => {
		await restoreOriginal(baseURL!, 'almaty-sites');
	});

	test('valid features merge in one undoable step; an invalid one is fixed in the form and merged, another skipped; nothing invalid is merged', async ({
		page
	}) => {
		const incoming = [
			site('Qantar import one', 'building', [76.95, 43.24]),
			// longitude mistyped, no French name, no source, no confidence, nothing about the article
			{
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [276.96, 43.25] },
				properties: { name_en: 'Qantar import broken', kind: 'building', sources: [] }
			},
			site('Qantar import two', 'square', [76.94, 43.25]),
			// a movement cannot be a point: skipped
			site('Qantar import wrong kind', 'airlift', [76.93, 43.26])
		];
		mkdirSync('.tmp', { recursive: true });
		writeFileSync('.tmp/editor-import-fix.geojson', JSON.stringify({ type: 'FeatureCollection', features: incoming }));

		await signIn(page);
		await openLayer(page, 'almaty-sites', 'almaty-akimat');
		const count = await featureCount(page);
		const list = page.getByTestId('feature-list');
		await page.getByTestId('import-file').setInputFiles('.tmp/editor-import-fix.geojson');
		const rows = page.getByTestId('import-row');
		await expect(rows).toHaveCount(4);
		await expect(rows.filter({ hasText: 'Qantar import one' })).toContainText('valid');
		await expect(rows.filter({ hasText: 'Qantar import two' })).toContainText('valid');
		const broken = rows.filter({ hasText: 'Qantar import broken' });
		await expect(broken).toContainText('invalid, will not be merged');
		await expect(broken).toContainText('out of range');
		await expect(rows.filter({ hasText: 'wrong kind' })).toContainText('invalid, will not be merged');
		await expect(page.getByTestId('import-summary')).toContainText('4 checked: 2 valid, 2 invalid');

		// skip the one that cannot be a point
		await rows.filter({ hasText: 'wrong kind' }).getByRole('button', { name: 'Skip' }).click();
		await expect(rows).toHaveCount(3);
		await expect(page.getByTestId('import-status')).toContainText('Skipped Qantar import wrong kind');
		await page.getByTestId('import-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
		await page.screenshot({ path: '.tmp/editor-import-bad.png' });

		// the valid ones, in one step
		await page.getByRole('button', { name: 'Merge 2 valid features' }).click();
		await expect(list.getByRole('listitem')).toHaveCount(count + 2);
		await expect(page.getByTestId('status')).toContainText('Imported 2 features');
		await expect(rows).toHaveCount(1);
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(list.getByRole('listitem')).toHaveCount(count);
		await page.getByRole('button', { name: 'Redo' }).click();
		await expect(list.getByRole('listitem')).toHaveCount(count + 2);

		// fix the broken one in the form: it cannot be merged while a problem is left
		await broken.getByRole('button', { name: 'Fix in the form' }).click();
		const fixing = page.getByTestId('import-fixing');
		await expect(fixing).toContainText('Fixing “Qantar import broken”');
		const mergeIt = fixing.getByRole('button', { name: /problems? left|Merge this feature/ });
		await expect(mergeIt).toBeDisabled();
		await expect(fixing.locator('[data-field="geometry"]')).toContainText('out of range');
		await fixing.getByLabel('Longitude').fill('76.96');
		await expect(fixing.locator('[data-field="geometry"]')).toHaveCount(0);
		await fixing.getByLabel('Name (French)').fill('Import réparé');
		await expect(mergeIt).toBeDisabled();
		await fixing.getByRole('button', { name: 'Add a source' }).click();
		await fixing.getByLabel('Source 1', { exact: true }).fill('rferl-2022-01-05-aqtau-aqtobe-protests');
		await fixing.getByLabel('Confidence').selectOption('low');
		await expect(fixing.locator('.err')).toHaveCount(0);
		await expect(mergeIt).toHaveText('Merge this feature');
		// still not in the layer
		await expect(list.getByRole('listitem')).toHaveCount(count + 2);
		await mergeIt.click();
		await expect(list.getByRole('listitem')).toHaveCount(count + 3);
		await expect(page.getByTestId('import-status')).toContainText('Merged 1 feature: Qantar import broken');

		await expect(rows).toHaveCount(0);

		// the layer never held an invalid feature; saved, the file has the three and not the skipped one
		await expect(list.getByText('invalid')).toHaveCount(0);
		await expect(page.getByTestId('save')).toHaveText('Save');
		await page.getByTestId('save').click();
		await expect(page.getByTestId('saved')).toContainText('+3');
		for (const id of ['qantar-import-one', 'qantar-import-two', 'qantar-import-broken']) expect(featureOnDisk('almaty-sites', id), id).not.toBeNull();
		expect(featureOnDisk('almaty-sites', 'qantar-import-broken')!.geometry.coordinates).toEqual([76.96, 43.25]);
		expect(featureOnDisk('almaty-sites', 'qantar-import-wrong-kind')).toBeNull();
	});
});
