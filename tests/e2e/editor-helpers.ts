// Helpers for the editor's browser tests: sign in, open a layer, find a feature
// in the editor's model and on screen, draw and drag on the map canvas, read a
// layer file as the server stored it.
import { expect, type Page } from '@playwright/test';
import { bytesOnDisk, credentials } from '../api/helpers';

type Position = [number, number];
interface EditorWindow {
	qantar: {
		map: import('maplibre-gl').Map;
		editor: { keys(): string[]; parts(key: string): string[]; features(): import('geojson').FeatureCollection };
	};
}

/** Signs in as "tester" and waits until the editor has drawn its first layer (protest cities). */
export async function signIn(page: Page) {
	const pass = credentials().editors.find((e) => e.name === 'tester')!.password;
	// wait for the page to be hydrated: a click before that can be lost under load
	await page.goto('/edit/login', { waitUntil: 'networkidle' });
	await page.getByLabel('Name').fill('tester');
	await page.getByLabel('Password').fill(pass);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL('**/edit');
	await page.waitForFunction(() => ((window as unknown as EditorWindow).qantar?.editor?.keys()?.length ?? 0) > 5, null, { timeout: 30_000 });
}

/** Chooses a layer (without unsaved edits) and waits until the feature `someId` is drawn on the map. */
export async function openLayer(page: Page, layer: string, someId: string) {
	await page.getByTestId('layer-select').selectOption(layer);
	await expect(page.getByTestId('status')).toContainText(/features? loaded/);
	await waitForDrawn(page, someId);
}

/** Waits until the editor's model holds `id` and every feature of it is in terra-draw. */
export async function waitForDrawn(page: Page, id: string) {
	await page.waitForFunction(
		(id) => {
			const e = (window as unknown as EditorWindow).qantar?.editor;
			if (!e) return false;
			const fs = e.features().features;
			return fs.some((f) => f.properties?.id === id) && e.keys().length >= fs.length;
		},
		id,
		{ timeout: 30_000 }
	);
}

/** The editor's current version of a feature (what a save would send). */
export async function featureIn(page: Page, id: string) {
	return page.evaluate((id) => (window as unknown as EditorWindow).qantar.editor.features().features.find((f) => f.properties?.id === id) ?? null, id);
}
export async function featureCount(page: Page) {
	return page.evaluate(() => (window as unknown as EditorWindow).qantar.editor.features().features.length);
}

/** A layer's feature as stored on disk by the server (null when absent). */
export function featureOnDisk(layer: string, id: string) {
	const fc = JSON.parse(bytesOnDisk(layer).toString('utf8'));
	return (fc.features as { properties: { id: string }; geometry: { type: string; coordinates: unknown } }[]).find((f) => f.properties.id === id) ?? null;
}

/** Moves the map without animation and waits until it has drawn the new view. */
export async function jumpTo(page: Page, center: Position, zoom: number) {
	await page.evaluate(
		([center, zoom]) =>
			new Promise<void>((resolve) => {
				const map = (window as unknown as EditorWindow).qantar.map;
				map.once('idle', () => resolve());
				map.jumpTo({ center: center as Position, zoom: zoom as number });
			}),
		[center, zoom] as const
	);
}

/** Page coordinates of a longitude/latitude. */
export async function screenOf(page: Page, p: Position): Promise<{ x: number; y: number }> {
	return page.evaluate((p) => {
		const map = (window as unknown as EditorWindow).qantar.map;
		const s = map.project(p as Position);
		const r = map.getContainer().getBoundingClientRect();
		return { x: r.left + s.x, y: r.top + s.y };
	}, p);
}
/** Longitude/latitude under a page position. */
export async function lngLatAt(page: Page, at: { x: number; y: number }): Promise<Position> {
	return page.evaluate((at) => {
		const map = (window as unknown as EditorWindow).qantar.map;
		const r = map.getContainer().getBoundingClientRect();
		const l = map.unproject([at.x - r.left, at.y - r.top]);
		return [l.lng, l.lat] as Position;
	}, at);
}

/** A point of the map canvas, as fractions of its width and height. */
export async function mapPoint(page: Page, fx: number, fy: number) {
	const box = (await page.getByTestId('map').boundingBox())!;
	return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

/** Presses at `from`, moves in steps (terra-draw drags on pointer moves) and releases at `to`. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
	await page.mouse.move(from.x, from.y);
	await page.mouse.down();
	await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 });
	await page.mouse.move(to.x, to.y, { steps: 6 });
	await page.mouse.up();
}

/** Clicks each point with the current drawing tool, then clicks `close` (the first point of a polygon, the last of a line) to finish. */
export async function clickShape(page: Page, points: { x: number; y: number }[], close: { x: number; y: number }) {
	for (const p of points) await page.mouse.click(p.x, p.y);
	await page.mouse.click(close.x, close.y);
}

/** The nearest position of a ring or line to `p` (terra-draw may start a ring elsewhere or turn it around). */
export function nearest(positions: readonly number[][], p: readonly number[]): { at: number; distance: number } {
	let best = { at: -1, distance: Infinity };
	positions.forEach((q, at) => {
		const distance = Math.hypot(q[0]! - p[0]!, q[1]! - p[1]!);
		if (distance < best.distance) best = { at, distance };
	});
	return best;
}

/** Fills what the form requires of a new feature: both names and one source. */
export async function fillRequired(page: Page, nameEn: string, nameFr: string) {
	const form = page.getByTestId('property-form');
	await form.getByLabel('Name (French)').fill(nameFr);
	await form.getByLabel('Name (English)').fill(nameEn);
	await form.getByRole('button', { name: 'Add a source' }).click();
	await form.getByLabel('Source 1', { exact: true }).fill('tass-2022-01-unrest-overview');
}

/** Features of a layer drawn by the editor's red "invalid" marking, by their keys. */
export async function markedInvalid(page: Page): Promise<number> {
	return page.evaluate(() => {
		const map = (window as unknown as EditorWindow).qantar.map;
		return map.queryRenderedFeatures({ layers: ['editor-invalid-line', 'editor-invalid-ring'].filter((l) => map.getLayer(l)) }).length;
	});
}
