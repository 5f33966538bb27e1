// What the editor asks the server for: on load, the layer it opens and the
// ids of all layers in one request (it used to download the six other layers
// whole to learn their ids); on a layer switch, the same two, the ids
// revalidated by their ETag (304 when nothing changed).
import { test, expect, type Page } from '@playwright/test';
import { LAYER_IDS } from '../../src/lib/geo/layers';
import { openLayer, signIn } from './editor-helpers';

/** the layer requests (`/api/layers/<layer>` and `/api/layers/ids`, not history) the page makes, with their answers' status */
function recordLayerRequests(page: Page) {
	const seen: { request: string; status: number }[] = [];
	page.on('response', (r) => {
		const path = new URL(r.url()).pathname;
		if (/^\/api\/layers\/[^/]+$/.test(path)) seen.push({ request: `${r.request().method()} ${path}`, status: r.status() });
	});
	return seen;
}

test('the editor loads its layer and the ids of all layers, never the other layers whole', async ({ page }) => {
	const seen = recordLayerRequests(page);
	await signIn(page);
	await expect(page.getByTestId('status')).toContainText('features loaded');
	expect(seen.map((s) => s.request).sort()).toEqual(['GET /api/layers/ids', 'GET /api/layers/protest-cities']);
	expect(seen.every((s) => s.status === 200)).toBe(true);
	for (const other of LAYER_IDS.filter((l) => l !== 'protest-cities')) expect(seen.map((s) => s.request)).not.toContain(`GET /api/layers/${other}`);

	seen.length = 0;
	await openLayer(page, 'csto-bases', 'chkalovsky');
	expect(seen.map((s) => s.request).sort()).toEqual(['GET /api/layers/csto-bases', 'GET /api/layers/ids']);
	expect(seen.find((s) => s.request === 'GET /api/layers/ids')!.status).toBe(304);

	// the other layers' ids are known all the same: a new feature named like a protest city does not take its id
	await page.getByRole('button', { name: 'Add point at map centre' }).click();
	await page.getByTestId('property-form').getByLabel('Name (English)').fill('Aktau');
	await expect(page.getByTestId('feature-id')).toHaveText('aktau-2');
});
