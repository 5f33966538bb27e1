// PUBLIC_BASEMAP_STYLE swaps the embedded basemap for any MapLibre style URL
// (a deployment's OpenStreetMap style); the story layers draw on top of it.
// A second app server is started with the setting, and a stand-in "tile host"
// on another loopback port serves the style.
import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { startBuiltServer, type BuiltServer } from '../../server/start-built.js';
import { renderedFeatureIds, waitForStep } from './helpers';

// free ports, picked at start (another test run may hold fixed ones)
let APP_PORT = 0;
let STYLE_PORT = 0;
let app: BuiltServer;
let styleHost: Server;

const style = {
	version: 8,
	name: 'Deployment basemap',
	sources: {
		land: {
			type: 'geojson',
			attribution: 'Test tiles © Example OSM',
			data: {
				type: 'Feature',
				properties: {},
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[20, 30],
							[100, 30],
							[100, 65],
							[20, 65],
							[20, 30]
						]
					]
				}
			}
		}
	},
	layers: [
		{ id: 'alt-background', type: 'background', paint: { 'background-color': '#0a3d62' } },
		{ id: 'alt-land', type: 'fill', source: 'land', paint: { 'fill-color': '#e1d7c6' } }
	]
};

test.beforeAll(async () => {
	styleHost = createServer((req, res) => {
		res.writeHead(req.url === '/style.json' ? 200 : 404, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
		res.end(req.url === '/style.json' ? JSON.stringify(style) : '{}');
	});
	await new Promise<void>((r) => styleHost.listen(0, '127.0.0.1', r));
	STYLE_PORT = (styleHost.address() as import('node:net').AddressInfo).port;
	app = await startBuiltServer({
		env: { PUBLIC_BASEMAP_STYLE: `http://127.0.0.1:${STYLE_PORT}/style.json`, QANTAR_DATA_DIR: process.env.QANTAR_DATA_DIR ?? '.tmp/test-data' }
	});
	APP_PORT = app.port;
});
test.afterAll(async () => {
	await app?.stop();
	await new Promise<void>((r) => styleHost.close(() => r()));
});

test('a configured basemap style replaces the embedded one, with the story layers on top', async ({ page }) => {
	const styleRequests: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes(`:${STYLE_PORT}/`)) styleRequests.push(r.url());
	});
	await page.goto(`http://localhost:${APP_PORT}/?test#spread`);
	await waitForStep(page, 'spread');
	expect(styleRequests).toContain(`http://127.0.0.1:${STYLE_PORT}/style.json`);
	const ids = await page.evaluate(() => window.qantar!.map.getStyle().layers.map((l) => l.id));
	expect(ids[0]).toBe('alt-background');
	expect(ids.some((id) => id.startsWith('base-'))).toBe(false);
	expect(ids.indexOf('alt-land')).toBeLessThan(ids.findIndex((id) => id.startsWith('story-')));
	expect(await renderedFeatureIds(page, 'story-protest-cities')).toEqual(expect.arrayContaining(['zhanaozen', 'aktau']));
	await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Example OSM');
});
