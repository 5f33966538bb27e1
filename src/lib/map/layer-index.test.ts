import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { indexLayers, styleLayersOf, drawsStoryLayer } from './layer-index';
import { buildStyle } from './style';
import { STORY_LAYERS } from '$lib/geo/layers';

const layers = STORY_LAYERS.map((layer) => ({ layer, data: JSON.parse(readFileSync(`static/geo/${layer.file}`, 'utf8')) as FeatureCollection }));

describe('indexLayers', () => {
	const index = indexLayers(layers);

	it('finds every feature of every layer by its id, with the layer it is in', () => {
		for (const { layer, data } of layers)
			for (const f of data.features) {
				expect(index.feature.get(f.properties!.id)).toBe(f);
				expect(index.layerOf.get(f.properties!.id)).toBe(layer.id);
			}
		expect(index.feature.size).toBe(layers.reduce((n, l) => n + l.data.features.length, 0));
	});

	it('knows no feature of a layer given by its address only', () => {
		const only = indexLayers([{ layer: { id: 'kazakhstan' }, data: '/geo/kazakhstan.geojson' }]);
		expect(only.feature.size).toBe(0);
	});
});

describe('styleLayersOf', () => {
	const style = buildStyle({ origin: 'http://localhost', lang: 'fr', theme: 'light', layers });
	const map = { getLayersOrder: () => style.layers.map((l) => l.id), getLayer: (id: string) => style.layers.find((l) => l.id === id) };

	it("gives a story layer's own style layers, in drawing order", () => {
		expect(styleLayersOf(map, 'csto-members').map((l) => l.id)).toEqual(['story-csto-members-fill', 'story-csto-members-outline']);
		expect(drawsStoryLayer('story-csto-airlift-line', 'csto-airlift')).toBe(true);
		expect(drawsStoryLayer('base-city-labels', 'csto-airlift')).toBe(false);
	});

	// the rule is a prefix: a layer id that began another's ("csto" and "csto-members") would take its style layers too
	it('gives every story style layer to exactly one story layer', () => {
		const all = STORY_LAYERS.flatMap((l) => styleLayersOf(map, l.id).map((s) => s.id));
		expect(all.sort()).toEqual(
			style.layers
				.filter((l) => l.id.startsWith('story-'))
				.map((l) => l.id)
				.sort()
		);
	});
});
