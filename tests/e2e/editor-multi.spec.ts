// A multi-polygon in a real browser: Kazakhstan (the mainland and three
// Caspian islands) is edited part by part. A vertex of the mainland is dragged,
// an island is moved whole, the form still edits the feature's properties, and
// the saved file holds one MultiPolygon with exactly those changes.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Position } from 'geojson';
import { booleanPointInPolygon, centroid, lineString, pointToLineDistance, polygon } from '@turf/turf';
import { restoreOriginal } from '../api/helpers';
import { drag, featureIn, featureOnDisk, jumpTo, lngLatAt, nearest, openLayer, screenOf, signIn } from './editor-helpers';
import { waitForMapIdle } from './helpers';

const original = JSON.parse(readFileSync('static/geo/kazakhstan.geojson', 'utf8')).features[0].geometry as MultiPolygon;
const polygons = original.coordinates;
const mainland = polygons.reduce((best, p, i) => (p[0]!.length > polygons[best]![0]!.length ? i : best), 0);
const centre = (ring: Position[]): [number, number] => [ring.reduce((a, p) => a + p[0]!, 0) / ring.length, ring.reduce((a, p) => a + p[1]!, 0) / ring.length];
/** the island to click: the one whose centre lies deepest inside it (some are crescents) */
const islands = polygons
	.map((p, i) => {
		const c = centroid(polygon(p));
		const depth = booleanPointInPolygon(c, polygon(p)) ? pointToLineDistance(c, lineString(p[0]!)) : -1;
		return { i, at: c.geometry.coordinates as [number, number], depth };
	})
	.filter((x) => x.i !== mainland)
	.sort((a, b) => b.depth - a.depth);
const island = islands[0]!.i;
const within = islands[0]!.at;

test.describe('editor: multi-geometries', () => {
	test.afterAll(async ({ baseURL }) => {
		await restoreOriginal(baseURL!, 'kazakhstan');
	});

	test('a multi-polygon is reshaped part by part and saved whole', async ({ page }) => {
		expect(original.type).toBe('MultiPolygon');
		expect(polygons.length).toBeGreaterThan(1);
		await signIn(page);
		await openLayer(page, 'kazakhstan', 'country-kazakhstan');
		await page.getByTestId('feature-list').getByRole('button', { name: 'Kazakhstan' }).click();
		const part = page.getByTestId('selected-part');
		await expect(part).toContainText(`polygon ${mainland + 1} of ${polygons.length}`);
		await waitForMapIdle(page);
		await page.screenshot({ path: '.tmp/editor-multipolygon.png' });

		// a vertex of the mainland, seen close enough that its neighbours are apart
		const vertex = polygons[mainland]![0]![500]! as [number, number];
		await jumpTo(page, vertex, 9);
		const from = await screenOf(page, vertex);
		const target = { x: from.x + 50, y: from.y + 30 };
		const moved = await lngLatAt(page, target);
		await drag(page, from, target);
		await expect
			.poll(async () => nearest(((await featureIn(page, 'country-kazakhstan'))!.geometry as MultiPolygon).coordinates[mainland]![0]!, moved).distance)
			.toBeLessThan(0.01);
		let now = (await featureIn(page, 'country-kazakhstan'))!.geometry as MultiPolygon;
		expect(now.type).toBe('MultiPolygon');
		expect(nearest(now.coordinates[mainland]![0]!, vertex).distance).toBeGreaterThan(0.01);
		expect(now.coordinates[mainland]![0]!.length).toBe(polygons[mainland]![0]!.length);
		for (const [i, p] of polygons.entries()) if (i !== mainland) expect(now.coordinates[i]).toEqual(p);

		// an island: click it to reshape it instead, then move it whole
		const islandCentre = centre(polygons[island]![0]!);
		await jumpTo(page, within, 10);
		const inside = await screenOf(page, within);
		await page.mouse.click(inside.x, inside.y);
		await expect(part).toContainText(`polygon ${island + 1} of ${polygons.length}`);
		const shifted = { x: inside.x + 40, y: inside.y };
		const dLon = (await lngLatAt(page, shifted))[0] - within[0];
		await drag(page, inside, shifted);
		await expect
			.poll(async () => centre(((await featureIn(page, 'country-kazakhstan'))!.geometry as MultiPolygon).coordinates[island]![0]!)[0] - islandCentre[0])
			.toBeGreaterThan(dLon * 0.8);

		await jumpTo(page, [51.4, 45.2], 7);
		await page.screenshot({ path: '.tmp/editor-multipolygon-island.png' });

		// the form edits the feature, whatever part is selected
		await page.getByTestId('property-form').getByLabel('Description (English)').fill('Borders edited part by part');
		now = (await featureIn(page, 'country-kazakhstan'))!.geometry as MultiPolygon;
		await page.getByTestId('save').click();
		await expect(page.getByTestId('saved')).toContainText('~1');

		const saved = featureOnDisk('kazakhstan', 'country-kazakhstan')!;
		expect(saved.properties).toMatchObject({ description_en: 'Borders edited part by part' });
		const g = saved.geometry as unknown as MultiPolygon;
		expect(g.type).toBe('MultiPolygon');
		expect(g.coordinates).toHaveLength(polygons.length);
		expect(g.coordinates).toEqual(now.coordinates);
		for (const [i, p] of polygons.entries()) if (i !== mainland && i !== island) expect(g.coordinates[i]).toEqual(p);
		expect(nearest(g.coordinates[mainland]![0]!, moved).distance).toBeLessThan(0.01);

		// one part can go, and come back with undo
		await page.getByRole('button', { name: 'Delete this part' }).click();
		await expect.poll(async () => ((await featureIn(page, 'country-kazakhstan'))!.geometry as MultiPolygon).coordinates.length).toBe(polygons.length - 1);
		await page.keyboard.press('Control+z');
		await expect.poll(async () => ((await featureIn(page, 'country-kazakhstan'))!.geometry as MultiPolygon).coordinates).toEqual(now.coordinates);
	});
});
