import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bbox } from '@turf/turf';
import type { Feature } from 'geojson';
import { readAllLayers, readLayers } from './layer-store';

const readPageLayers = async () => (await readLayers()).page;
import { loadStory } from './story-loader';
import { stepToView } from '$lib/story/step-to-view';
import { LAYER_IDS } from '$lib/geo/layers';

const byId = (layers: { data: { features: Feature[] } }[]) => {
	const m = new Map<string, Feature>();
	for (const l of layers) for (const f of l.data.features) m.set(String(f.properties?.id), f);
	return m;
};

describe('readLayers: what reader pages send', () => {
	const saved = process.env.QANTAR_DATA_DIR;
	afterEach(() => {
		if (saved === undefined) delete process.env.QANTAR_DATA_DIR;
		else process.env.QANTAR_DATA_DIR = saved;
	});

	it('sends polygons as their bounding boxes with the address of the whole file, points and lines whole, properties without descriptions, notes and sources', async () => {
		const full = await readAllLayers();
		const page = await readPageLayers();
		expect(page.map((l) => l.layer.id)).toEqual(full.map((l) => l.layer.id));
		const trimmed = (p: Record<string, unknown>) =>
			Object.fromEntries(Object.entries(p).filter(([k]) => !k.startsWith('description_') && !k.startsWith('figures_note_') && k !== 'sources'));
		for (const [i, l] of page.entries()) {
			const whole = full[i]!;
			expect(l.layer).toBe(whole.layer);
			for (const f of l.data.features) expect(Object.keys(f.properties).filter((k) => /description|figures_note|^sources$/.test(k))).toEqual([]);
			if (l.layer.shape !== 'polygon') {
				expect(l.src).toBeUndefined();
				expect(l.data.features.map((f) => f.geometry)).toEqual(whole.data.features.map((f) => f.geometry));
				expect(l.data.features.map((f) => f.properties)).toEqual(whole.data.features.map((f) => trimmed(f.properties)));
				continue;
			}
			expect(l.src).toMatch(new RegExp(`^/geo/${l.layer.file.replace('.', '\\.')}\\?v=[0-9a-f]{10}$`));
			expect(l.data.features).toHaveLength(whole.data.features.length);
			for (const [j, f] of l.data.features.entries()) {
				expect(f.properties).toEqual(trimmed(whole.data.features[j]!.properties));
				expect(f.geometry.type).toBe('Polygon');
				expect(bbox(f)).toEqual(bbox(whole.data.features[j]!));
			}
		}
		// the countries' outlines were most of the page's data
		expect(JSON.stringify(page).length).toBeLessThan(JSON.stringify(full).length * 0.4);
	});

	it('frames every step of the story exactly as the whole data does', async () => {
		const full = await readAllLayers();
		const page = await readPageLayers();
		for (const lang of ['fr', 'en'] as const) {
			for (const step of loadStory(lang, full).steps) {
				expect(stepToView(step, byId(page), LAYER_IDS).camera, step.id).toEqual(stepToView(step, byId(full), LAYER_IDS).camera);
			}
		}
	});

	it('gives a new address when a layer file changes, so no cache keeps the old polygons', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'qantar-page-layers-'));
		try {
			cpSync('static/geo', dir, { recursive: true, filter: (p) => !/\.(br|gz)$/.test(p) });
			process.env.QANTAR_DATA_DIR = dir;
			const before = (await readPageLayers()).find((l) => l.layer.id === 'kazakhstan')!;
			const otherBefore = (await readPageLayers()).find((l) => l.layer.id === 'csto-members')!;
			const text = readFileSync(join(dir, 'kazakhstan.geojson'), 'utf8');
			writeFileSync(join(dir, 'kazakhstan.geojson'), text.replace(/\n?$/, '\n\n'));
			const after = (await readPageLayers()).find((l) => l.layer.id === 'kazakhstan')!;
			expect(after.src).not.toBe(before.src);
			// the other layers keep theirs (still cached in the readers' browsers)
			expect((await readPageLayers()).find((l) => l.layer.id === 'csto-members')!.src).toBe(otherBefore.src);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
