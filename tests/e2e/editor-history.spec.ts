// The in-page confirmation (never window.confirm) in a real browser: switching
// layers with unsaved edits (Keep editing and Escape keep them, Discard them
// loads the other layer), and restoring a revision from the history, after
// which the restored feature is back on the map and in the file.
import { test, expect } from '@playwright/test';
import { bytesOnDisk, restoreOriginal } from '../api/helpers';
import { featureCount, featureIn, openLayer, signIn, waitForDrawn } from './editor-helpers';
import { waitForMapIdle } from './helpers';

test.describe('editor: confirmations and history', () => {
	const nativeDialogs: string[] = [];
	test.beforeEach(({ page }) => {
		page.on('dialog', (d) => {
			nativeDialogs.push(d.message());
			void d.dismiss();
		});
	});
	test.afterEach(() => expect(nativeDialogs, 'no window.confirm/alert').toEqual([]));
	test.afterAll(async ({ baseURL }) => {
		await restoreOriginal(baseURL!, 'csto-capitals');
		await restoreOriginal(baseURL!, 'protest-cities');
	});

	test('switching layers with unsaved edits asks first: keep editing keeps them, discarding loads the other layer', async ({ page }) => {
		await signIn(page);
		await page.getByTestId('feature-list').getByRole('button', { name: 'Aktau' }).click();
		const description = page.getByTestId('property-form').getByLabel('Description (English)');
		const original = await description.inputValue();
		await description.fill('An edit not saved yet');

		const select = page.getByTestId('layer-select');
		const dialog = page.getByRole('dialog', { name: 'Discard unsaved edits?' });
		await select.selectOption('csto-bases');
		await expect(dialog).toBeVisible();
		await expect(dialog).toContainText('You have 1 unsaved edit in layer Protest cities.');
		await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
		await waitForMapIdle(page);
		await page.screenshot({ path: '.tmp/editor-dialog.png' });
		await dialog.getByRole('button', { name: 'Keep editing' }).click();
		await expect(dialog).toBeHidden();
		await expect(select).toHaveValue('protest-cities');
		await expect(description).toHaveValue('An edit not saved yet');

		// Escape is the same as keeping them
		await select.selectOption('csto-bases');
		await expect(dialog).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(select).toHaveValue('protest-cities');
		await expect(description).toHaveValue('An edit not saved yet');

		await select.selectOption('csto-bases');
		await dialog.getByRole('button', { name: 'Discard them' }).click();
		await expect(select).toHaveValue('csto-bases');
		await waitForDrawn(page, 'chkalovsky');
		await expect(page.getByTestId('feature-list').getByRole('button', { name: 'Chkalovsky air base' })).toBeVisible();

		// back to the first layer without a question (nothing unsaved): the edit is gone
		await openLayer(page, 'protest-cities', 'aktau');
		await expect(dialog).toBeHidden();
		await page.getByTestId('feature-list').getByRole('button', { name: 'Aktau' }).click();
		await expect(description).toHaveValue(original);
	});

	test('a feature the story names cannot be deleted: the save is refused with the steps that name it, nothing written', async ({ page }) => {
		await signIn(page);
		await openLayer(page, 'csto-capitals', 'dushanbe');
		const before = bytesOnDisk('csto-capitals');
		await page.getByTestId('feature-list').getByRole('button', { name: 'Dushanbe' }).click();
		await page.getByRole('button', { name: 'Delete', exact: true }).click();
		await page.getByTestId('save').click();
		await expect(page.getByTestId('status')).toContainText('Not saved');
		await expect(page.getByText(/Server: "dushanbe" cannot be deleted: the published story \(step "[a-z-]+" › camera › fit/)).toBeVisible();
		await expect(page.getByTestId('saved')).toHaveCount(0);
		expect(bytesOnDisk('csto-capitals').equals(before)).toBe(true);
	});

	test('a revision is restored through the dialog: the restored feature is back on the map and in the file', async ({ page }) => {
		await signIn(page);
		await openLayer(page, 'protest-cities', 'atyrau');
		const count = await featureCount(page);
		const atyrau = (await featureIn(page, 'atyrau'))!;
		// the file as the specs before this one left it (the API specs edit this layer too)
		const asLeft = bytesOnDisk('protest-cities');

		// a saved revision without Atyrau
		await page.getByTestId('feature-list').getByRole('button', { name: 'Atyrau' }).click();
		await page.getByRole('button', { name: 'Delete', exact: true }).click();
		await page.getByTestId('save').click();
		await expect(page.getByTestId('saved')).toContainText('−1');
		expect(JSON.parse(bytesOnDisk('protest-cities').toString()).features.some((f: { properties: { id: string } }) => f.properties.id === 'atyrau')).toBe(false);

		// the history lists it first; the revision before it is the one to restore
		const revisions = page.getByTestId('history-list').getByRole('listitem');
		await expect(revisions.first()).toContainText('atyrau');
		const before = revisions.nth(1);
		const rev = (await before.locator('code').innerText()).trim();
		const historyLength = await revisions.count();

		// an unsaved edit is discarded by a restore: the dialog says so; Cancel leaves everything as it is
		await page.getByTestId('feature-list').getByRole('button', { name: 'Aktau' }).click();
		await page.getByTestId('property-form').getByLabel('Description (English)').fill('Not saved');
		await before.getByRole('button', { name: 'Restore' }).click();
		const dialog = page.getByRole('dialog', { name: 'Restore this revision?' });
		await expect(dialog).toContainText(`Restore revision ${rev}? It becomes a new revision; nothing is lost.`);
		await expect(dialog).toContainText('Your 1 unsaved edit in this layer will be discarded.');
		await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(dialog).toBeHidden();
		await expect(revisions).toHaveCount(historyLength);
		await expect(page.getByTestId('feature-list').getByRole('button', { name: 'Atyrau' })).toHaveCount(0);

		await before.getByRole('button', { name: 'Restore' }).click();
		await dialog.getByRole('button', { name: `Restore ${rev}` }).click();
		await expect(page.getByTestId('status')).toContainText(`Restored revision ${rev}`);
		await expect(revisions).toHaveCount(historyLength + 1);

		// back in the list, in the editor's model, drawn on the map, and in the file as it was
		await waitForDrawn(page, 'atyrau');
		expect(await featureCount(page)).toBe(count);
		await page.getByTestId('feature-list').getByRole('button', { name: 'Atyrau' }).click();
		// terra-draw's point layer has a feature where Atyrau is
		const drawnAt = (p: number[]) =>
			page.evaluate((p) => {
				const map = (window as unknown as { qantar: { map: import('maplibre-gl').Map } }).qantar.map;
				const s = map.project(p as [number, number]);
				const layers = map
					.getStyle()
					.layers.filter((l) => l.id.startsWith('td-point'))
					.map((l) => l.id);
				return map.queryRenderedFeatures(
					[
						[s.x - 6, s.y - 6],
						[s.x + 6, s.y + 6]
					],
					{ layers }
				).length;
			}, p);
		await expect.poll(() => drawnAt((atyrau.geometry as { coordinates: number[] }).coordinates)).toBeGreaterThan(0);
		expect(bytesOnDisk('protest-cities').equals(asLeft)).toBe(true);
		await expect(page.getByTestId('property-form').getByLabel('Description (English)')).not.toHaveValue('Not saved');
	});
});
