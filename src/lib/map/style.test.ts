import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { existsSync, readFileSync } from 'node:fs';
import { buildStyle } from './style';
import { withStoryLayers } from './story-on-basemap';
import { STORY_LAYERS } from '$lib/geo/layers';

const layers = STORY_LAYERS.map((layer) => ({ layer, data: JSON.parse(readFileSync(`static/geo/${layer.file}`, 'utf8')) }));

describe('the generated style', () => {
	it.each([
		['fr', 'light'],
		['en', 'light'],
		['fr', 'dark'],
		['en', 'dark']
	] as const)('validates against the MapLibre style spec (%s, %s)', (lang, theme) => {
		const style = buildStyle({ origin: 'http://localhost:4173', lang, theme, layers });
		const errors = validateStyleMin(style as never).map((e) => e.message);
		expect(errors).toEqual([]);
	});

	it('draws every story layer above the basemap, and the measured distances above them', () => {
		const style = buildStyle({ origin: 'http://localhost:4173', lang: 'fr', theme: 'light', layers });
		const ids = style.layers.map((l) => l.id);
		const firstStory = ids.findIndex((id) => id.startsWith('story-'));
		const firstMeasure = ids.findIndex((id) => id.startsWith('measure-'));
		expect(ids.slice(firstStory, firstMeasure).every((id) => id.startsWith('story-'))).toBe(true);
		// last, placed before every label: the measured line as an obstacle (label-guards.ts)
		expect(ids.slice(firstMeasure)).toEqual(['measure-casing', 'measure-line', 'measure-label', 'measure-guard']);
		for (const l of STORY_LAYERS) expect(ids.some((id) => id.startsWith(`story-${l.id}-`))).toBe(true);
		expect(Object.keys(style.sources)).toEqual(expect.arrayContaining(STORY_LAYERS.map((l) => `story-${l.id}`)));
	});

	it('loads everything from the app origin only: glyphs made at build time, fonts and data local', () => {
		const style = buildStyle({ origin: 'http://localhost:4173', lang: 'fr', theme: 'light', layers });
		const urls = JSON.stringify(style).match(/https?:\/\/[^"\\]+/g) ?? [];
		const fetched = urls.filter((u) => /\.(woff2?|geojson|json|pbf|png)$/.test(u));
		expect(fetched.length).toBeGreaterThan(3);
		for (const u of fetched) expect(u.startsWith('http://localhost:4173/')).toBe(true);
		expect(style.glyphs).toBe('http://localhost:4173/geo/fonts/{fontstack}/{range}.pbf');
		expect((style as { 'font-faces'?: object })['font-faces']).toBeUndefined();
	});

	it('has a glyph file for every font the labels use, for Latin and Cyrillic (npm run geo:build)', () => {
		const style = buildStyle({ origin: 'http://localhost:4173', lang: 'fr', theme: 'light', layers });
		const fonts = new Set(JSON.stringify(style.layers).match(/Noto Sans [A-Za-z]+/g));
		expect(fonts.size).toBe(2);
		for (const font of fonts)
			for (const range of ['0-255', '1024-1279']) expect(existsSync(`static/geo/fonts/${font}/${range}.pbf`), `${font}/${range}`).toBe(true);
	});

	it("keeps a deployment basemap's own glyphs and draws the story's labels from font-faces there", () => {
		const opts = { origin: 'http://localhost:4173', lang: 'fr' as const, theme: 'light' as const, layers };
		const own = withStoryLayers({ version: 8, glyphs: 'https://tiles.example/fonts/{fontstack}/{range}.pbf', sources: {}, layers: [] }, opts);
		expect(own.glyphs).toBe('https://tiles.example/fonts/{fontstack}/{range}.pbf');
		const faces = (own as { 'font-faces'?: Record<string, { url: string }[]> })['font-faces'] ?? {};
		expect(faces['Noto Sans Regular']?.[0]?.url).toMatch(/^http:\/\/localhost:4173\/geo\/fonts\/noto-sans-.*\.woff2$/);
		const bare = withStoryLayers({ version: 8, sources: {}, layers: [] }, opts);
		expect(bare.glyphs).toBe('http://localhost:4173/geo/fonts/{fontstack}/{range}.pbf');
	});

	it('credits Natural Earth, GeoNames, the font and OpenStreetMap in the attribution', () => {
		const style = buildStyle({ origin: 'http://localhost:4173', lang: 'fr', theme: 'light', layers });
		const attribution = Object.values(style.sources)
			.map((s) => (s as { attribution?: string }).attribution ?? '')
			.join(' ');
		expect(attribution).toMatch(/Natural Earth/);
		expect(attribution).toMatch(/GeoNames/);
		expect(attribution).toMatch(/Noto Sans/);
		expect(attribution).toMatch(/© <a href="https:\/\/www.openstreetmap.org\/copyright">OpenStreetMap contributors<\/a> \(ODbL\)/);
	});
});
