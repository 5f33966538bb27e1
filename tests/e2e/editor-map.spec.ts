// The editor's map: a click on a feature selects it (the map draws every
// feature of the layer, terra-draw holds only the one being edited, so that
// big layers stay responsive), the selected point can be dragged, undo puts it
// back; lines and polygons are picked too. Nothing is saved.
import { test, expect, type Page } from '@playwright/test';
import { signIn } from './editor-helpers';

type Qantar = {
	map: import('maplibre-gl').Map;
	editor: { keys(): string[]; features(): { features: { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[] } };
};
// (functions run in the page cannot use this file's helpers: each reads window.qantar itself)

/** Centres the map on a position at a zoom and returns where that position is on the page once the map is idle. */
async function showAt(page: Page, at: [number, number], zoom: number) {
	return page.evaluate(
		async ([at, zoom]) => {
			const map = (window as unknown as { qantar: Qantar }).qantar.map;
			map.jumpTo({ center: at, zoom });
			await new Promise<void>((resolve) => {
				const check = () => {
					if (map.loaded() && !map.isMoving()) {
						map.off('idle', check);
						resolve();
					}
				};
				map.on('idle', check);
				map.triggerRepaint();
			});
			const p = map.project(at);
			const r = map.getContainer().getBoundingClientRect();
			return { x: r.left + p.x, y: r.top + p.y };
		},
		[at, zoom] as const
	);
}

const coordinatesOf = (page: Page, id: string) =>
	page.evaluate(
		(id) =>
			JSON.stringify((window as unknown as { qantar: Qantar }).qantar.editor.features().features.find((f) => f.properties.id === id)!.geometry.coordinates),
		id
	);
const heading = (page: Page) => page.locator('.side h2').first();

async function chooseLayer(page: Page, id: string, count: number) {
	await page.getByTestId('layer-select').selectOption(id);
	await expect(page.getByTestId('status')).toContainText(`${count} features loaded`);
	await expect.poll(() => page.evaluate(() => (window as unknown as { qantar: Qantar }).qantar.editor.keys().length)).toBe(count);
}

test('a click on the map selects a feature; a drag moves it, undo puts it back; lines and polygons are picked', async ({ page, baseURL }) => {
	await signIn(page);
	const layer = async (id: string) =>
		(await (await page.request.get(`${baseURL}/api/layers/${id}`)).json()).features as {
			geometry: { type: string; coordinates: any };
			properties: { id: string; name_en: string };
		}[];
	const cities = await layer('protest-cities');
	const pos = (id: string) => cities.find((f) => f.properties.id === id)!.geometry.coordinates as [number, number];

	let at = await showAt(page, pos('aktau'), 7);
	await page.mouse.click(at.x, at.y);
	await expect(heading(page)).toHaveText('Aktau');
	at = await showAt(page, pos('atyrau'), 7);
	await page.mouse.click(at.x, at.y);
	await expect(heading(page)).toHaveText('Atyrau');
	await expect(page.getByTestId('save')).toHaveText('Saved');

	// drag the selected point: the model follows, Save is offered; undo puts it back
	const before = await coordinatesOf(page, 'atyrau');
	await page.mouse.move(at.x, at.y);
	await page.mouse.down();
	for (let i = 1; i <= 8; i++) await page.mouse.move(at.x + i * 6, at.y + i * 3);
	await page.mouse.up();
	await expect.poll(() => coordinatesOf(page, 'atyrau')).not.toBe(before);
	await expect(page.getByTestId('save')).toHaveText('Save');
	await expect(heading(page)).toHaveText('Atyrau');
	// a click on empty map deselects, the form goes
	await page.mouse.click(at.x - 200, at.y - 150);
	await expect(page.getByTestId('property-form')).toHaveCount(0);
	await page.keyboard.press('Control+z');
	await expect.poll(() => coordinatesOf(page, 'atyrau')).toBe(before);
	await expect(page.getByTestId('save')).toHaveText('Saved');
	// after the undo the point is drawn where it was, and a click there selects it again
	at = await showAt(page, pos('atyrau'), 7);
	await page.mouse.click(at.x, at.y);
	await expect(heading(page)).toHaveText('Atyrau');
	// the selected feature deleted (it leaves the map), and back with undo
	const drawn = () => page.evaluate(() => (window as unknown as { qantar: Qantar }).qantar.editor.keys().length);
	await page.getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByTestId('status')).toContainText('Deleted Atyrau');
	await expect.poll(drawn).toBe(cities.length - 1);
	await page.keyboard.press('Control+z');
	await expect.poll(drawn).toBe(cities.length);
	await expect(page.getByTestId('save')).toHaveText('Saved');

	// a line: a click on its middle
	const lines = await layer('csto-airlift');
	await chooseLayer(page, 'csto-airlift', lines.length);
	const line = lines.find((f) => f.properties.id === 'airlift-by-machulishchy')!;
	at = await showAt(page, line.geometry.coordinates[Math.floor(line.geometry.coordinates.length / 2)], 6);
	await page.mouse.click(at.x, at.y);
	await expect(heading(page)).toHaveText(line.properties.name_en);

	// a polygon: a click inside it
	const members = await layer('csto-members');
	await chooseLayer(page, 'csto-members', members.length);
	at = await showAt(page, [27.9, 53.6], 6);
	await page.mouse.click(at.x, at.y);
	await expect(heading(page)).toHaveText(members.find((f) => f.properties.id === 'country-belarus')!.properties.name_en);
});

/** The colour on screen at a page position (a screenshot of a few pixels, decoded by the browser). */
async function screenColour(page: Page, at: { x: number; y: number }) {
	const png = await page.screenshot({ clip: { x: at.x - 2, y: at.y - 2, width: 5, height: 5 } });
	return page.evaluate(async (b64) => {
		const img = new Image();
		img.src = `data:image/png;base64,${b64}`;
		await img.decode();
		const c = document.createElement('canvas');
		c.width = img.width;
		c.height = img.height;
		const ctx = c.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		return [...ctx.getImageData(2, 2, 1, 1).data.slice(0, 3)];
	}, png.toString('base64'));
}

test('the layer is on the map as soon as the editor has it, before any click', async ({ page }) => {
	await signIn(page);
	const at = await page.evaluate(() => {
		const q = (window as unknown as { qantar: Qantar }).qantar;
		const f = q.editor.features().features.find((x) => x.properties.id === 'nur-sultan')!;
		const p = q.map.project(f.geometry.coordinates as [number, number]);
		const r = q.map.getContainer().getBoundingClientRect();
		return { x: r.left + p.x, y: r.top + p.y };
	});
	// protest cities are drawn as red dots (#c0392b-like); the basemap there is beige (the map once stayed unpainted until a click)
	await expect
		.poll(async () => {
			const [r, g, b] = await screenColour(page, at);
			return r! > 150 && g! < 110 && b! < 110;
		})
		.toBe(true);
});
