import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { buildStyle } from './style';
import { createExpression, featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { applyView, adopt, seedStyle, drawInCuts, labelSpec, DRAW_IN_STAGES, FADE_OUT_MS } from './apply-view';
import { isStoryLabel, labelFilterFor } from './story-style';
import { anchorOffsets, DEFAULT_ANCHORS } from '$lib/story/label-anchors';
import { indexLayers } from './layer-index';
import { fakeStyleMap } from './fake-style-map';
import { STORY_LAYERS, LAYER_IDS } from '$lib/geo/layers';
import { stepToView, type MapView } from '$lib/story/step-to-view';
import { parse } from 'yaml';
import { buildStory } from '$lib/schema/story';

const layers = STORY_LAYERS.map((layer) => ({ layer, data: JSON.parse(readFileSync(`static/geo/${layer.file}`, 'utf8')) as FeatureCollection }));
const { feature: features, layerOf: featureLayer } = indexLayers(layers);
const basemapNames = { 'protest-cities': ['Almaty', 'Zhanaozen'], 'csto-capitals': ['Moscow'] };
const steps = buildStory('en', parse(readFileSync('content/steps.yaml', 'utf8')), parse(readFileSync('content/story.en.yaml', 'utf8'))).steps;
const viewOf = (id: string): MapView =>
	stepToView(
		steps.find((s) => s.id === id)!,
		features,
		LAYER_IDS
	);

/** the style map, plus what applyView calls besides */
function fakeMap(style: StyleSpecification) {
	return {
		...fakeStyleMap(style),
		setFeatureState: vi.fn(),
		getSource: () => undefined,
		stop: vi.fn(),
		jumpTo: vi.fn(),
		flyTo: vi.fn(),
		cameraForBounds: () => ({ center: [66, 47], zoom: 4, bearing: 0 }),
		getCanvasContainer: () => ({ style: {} })
	};
}

const opts = { padding: { top: 0, right: 0, bottom: 0, left: 0 }, featureLayer, basemapNames };
const newStyle = () => buildStyle({ origin: 'http://localhost', lang: 'fr', theme: 'light', layers });
/** what a user sees of the story layers: visibility, opacities and filters (transitions aside) */
const drawn = (style: StyleSpecification) =>
	style.layers.map((l) => {
		const x = l as { id: string; layout?: Record<string, unknown>; paint?: Record<string, unknown>; filter?: unknown };
		const paint = Object.fromEntries(Object.entries(x.paint ?? {}).filter(([k]) => /opacity$/.test(k)));
		return { id: x.id, visibility: x.layout?.visibility ?? 'visible', paint, filter: x.filter };
	});

describe('seedStyle: the opening view baked into the style', () => {
	it.each(['overview', 'akimat', 'residence', 'csto-airlift'])('draws the same as applying step %s to the map', (id) => {
		vi.useFakeTimers();
		const applied = fakeMap(newStyle());
		applyView(applied as never, viewOf(id), { ...opts, motion: 'none' });
		vi.runAllTimers(); // hidden layers stop rendering after their fade
		vi.useRealTimers();
		const seeded = newStyle();
		seedStyle(seeded, viewOf(id), featureLayer, basemapNames);
		expect(drawn(seeded)).toEqual(drawn(applied.getStyle()));
	});

	it('leaves the first applyView of that view nothing to change but the camera', () => {
		const style = newStyle();
		const seed = seedStyle(style, viewOf('csto-airlift'), featureLayer, basemapNames);
		const map = fakeMap(style);
		adopt(map as never, seed);
		applyView(map as never, viewOf('csto-airlift'), { ...opts, motion: 'none' });
		expect(map.changes).toEqual([]);
		expect(map.jumpTo).toHaveBeenCalledTimes(1);
		expect(map.setFeatureState).toHaveBeenCalled(); // highlights live in feature-state, not in the style
	});

	it('re-filters labels and basemap places only when the highlight or the shown places change', () => {
		const style = newStyle();
		const map = fakeMap(style);
		adopt(map as never, seedStyle(style, viewOf('overview'), featureLayer, basemapNames));
		const view = viewOf('akimat');
		applyView(map as never, view, { ...opts, motion: 'reduced' });
		const first = map.changes.filter((c) => c.startsWith('filter')).length;
		expect(first).toBeGreaterThan(0);
		map.changes.length = 0;
		applyView(map as never, { ...view, camera: viewOf('residence').camera }, { ...opts, motion: 'reduced' });
		expect(map.changes.filter((c) => c.startsWith('filter'))).toEqual([]);
	});
});

describe('applyView: the measured distances', () => {
	const MEASURE_LAYERS = ['measure-casing', 'measure-line', 'measure-label', 'measure-guard'];
	const shown = (style: StyleSpecification) =>
		MEASURE_LAYERS.filter((id) => (style.layers.find((l) => l.id === id) as { layout?: { visibility?: string } }).layout?.visibility !== 'none');
	it('draws them only at a step that measures: an empty source shown would have its tiles made at every zoom of a flight', () => {
		const steps_ = ['overview', 'akimat', 'residence', 'airport', 'regions'];
		expect(steps_.map((id) => viewOf(id).distances.length > 0)).toEqual([false, false, true, false, false]);
		const style = newStyle();
		expect(shown(style)).toEqual([]);
		const seeded = newStyle();
		seedStyle(seeded, viewOf('residence'), featureLayer, basemapNames);
		expect(shown(seeded)).toEqual([...MEASURE_LAYERS]);
		const map = fakeMap(style);
		const seen = steps_.map((id) => (applyView(map as never, viewOf(id), { ...opts, motion: 'none' }), shown(style).length));
		expect(seen).toEqual([0, 0, 4, 0, 0]);
		// shown once, hidden once: between two steps that measure nothing they are not touched
		expect(map.changes.filter((c) => c.startsWith('layout measure-'))).toEqual([
			...MEASURE_LAYERS.map((id) => `layout ${id} visibility=visible`),
			...MEASURE_LAYERS.map((id) => `layout ${id} visibility=none`)
		]);
	});
});

describe('labelSpec: each label layer given only its own labels', () => {
	const labelLayers = newStyle().layers.filter((l) => isStoryLabel(l.id)) as { id: string; source: string }[];
	const evaluate = (expr: unknown, id: string) => {
		const e = createExpression(expr, 'layers[0].layout.x');
		if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
		return e.value.evaluate({ zoom: 5 }, { type: 1, properties: { id } } as never);
	};
	it.each(steps.map((s) => s.id))('step %s: every point in the same label layer, at the same anchors and order, as with filters over every layer', (id) => {
		const view = viewOf(id);
		let drawn = 0;
		for (const l of labelLayers) {
			const spec = labelSpec(l.id, view, featureLayer);
			const before = labelFilterFor(l.id, view.highlight, view.labelled)!;
			for (const f of layers.find((x) => `story-${x.layer.id}` === l.source)!.data.features) {
				const fid = String(f.properties?.id);
				const feature = { type: 1, properties: f.properties } as never;
				const now = featureFilter(spec.filter, 'layers[0].filter').filter({ zoom: 5 }, feature);
				expect(now, `${l.id} ${fid}`).toBe(featureFilter(before, 'layers[0].filter').filter({ zoom: 5 }, feature));
				if (!now) continue;
				drawn++;
				expect(evaluate(spec['text-variable-anchor-offset'], fid), `${l.id} ${fid}`).toEqual(anchorOffsets(view.labelAnchors[fid] ?? DEFAULT_ANCHORS));
				expect(evaluate(spec['symbol-sort-key'], fid), `${l.id} ${fid}`).toBe(view.labelOrder[fid] ?? 0);
			}
		}
		expect(drawn).toBeGreaterThan(0);
	});

	it("leaves a shown layer's labels alone when only another layer's change (no new tile layout)", () => {
		const style = newStyle();
		const map = fakeMap(style);
		adopt(map as never, seedStyle(style, viewOf('csto-airlift'), featureLayer, basemapNames));
		const view = viewOf('csto-airlift');
		const other = view.highlight.find((id) => featureLayer.get(id) !== 'csto-bases')!;
		applyView(map as never, { ...view, highlight: view.highlight.filter((id) => id !== other) }, { ...opts, motion: 'none' });
		const touched = map.changes.filter((c) => /^(filter|layout) story-.*-label/.test(c));
		expect(touched.length).toBeGreaterThan(0);
		expect(touched.filter((c) => c.includes(`story-${featureLayer.get(other)}-label`))).toEqual(touched);
	});

	it('walking the story, touches only the labels of layers shown at the step', () => {
		const style = newStyle();
		const map = fakeMap(style);
		adopt(map as never, seedStyle(style, viewOf(steps[0]!.id), featureLayer, basemapNames));
		for (const step of steps.slice(1)) {
			map.changes.length = 0;
			const view = viewOf(step.id);
			applyView(map as never, view, { ...opts, motion: 'none' });
			for (const c of map.changes.filter((c) => /^(filter|layout) story-.*-label/.test(c) && !c.includes('visibility'))) {
				const layer = c
					.split(' ')[1]!
					.replace(/^story-/, '')
					.replace(/-label(-highlight)?$/, '');
				expect(view.layers[layer], `${step.id}: ${c}`).toBeGreaterThan(0);
			}
		}
	});
});

describe('applyView: fades are paint only', () => {
	it('sets every opacity as a number over the whole story: a fade never lays tiles out again', () => {
		vi.useFakeTimers();
		const style = newStyle();
		const map = fakeMap(style);
		const set: unknown[] = [];
		const paint = map.setPaintProperty;
		map.setPaintProperty = (id: string, p: string, v: unknown) => {
			if (p.endsWith('opacity')) set.push(v);
			paint(id, p, v);
		};
		adopt(map as never, seedStyle(style, viewOf(steps[0]!.id), featureLayer, basemapNames));
		for (const step of steps.slice(1)) applyView(map as never, viewOf(step.id), { ...opts, motion: 'full' });
		vi.runAllTimers();
		vi.useRealTimers();
		expect(set.length).toBeGreaterThan(0);
		for (const v of set) expect(typeof v).toBe('number');
	});
});

describe('applyView: a layer leaving fades out before the flight has gone far', () => {
	it('fades the Almaty sites out faster than the regions fade in, then stops drawing them (no tiles made for a vanishing layer)', () => {
		vi.useFakeTimers();
		const style = newStyle();
		const map = fakeMap(style);
		adopt(map as never, seedStyle(style, viewOf('airport'), featureLayer, basemapNames));
		applyView(map as never, viewOf('regions'), { ...opts, motion: 'full' });
		const layer = (id: string) =>
			map.getStyle().layers.find((l) => l.id === id) as unknown as { paint: Record<string, { duration: number } | number>; layout?: { visibility?: string } };
		const leaving = layer('story-almaty-sites-circle');
		const arriving = layer('story-protest-cities-circle');
		expect((leaving.paint['circle-opacity-transition'] as { duration: number }).duration).toBe(FADE_OUT_MS.full);
		expect((arriving.paint['circle-opacity-transition'] as { duration: number }).duration).toBeGreaterThanOrEqual(2 * FADE_OUT_MS.full);
		expect(leaving.layout?.visibility).toBe('visible');
		vi.advanceTimersByTime(FADE_OUT_MS.full + 40);
		expect(leaving.layout?.visibility).toBe('none');
		expect(layer('story-almaty-sites-label').layout?.visibility).toBe('none');
		expect(arriving.layout?.visibility).toBe('visible');
		vi.useRealTimers();
	});
});

describe('applyView: what is dimmed', () => {
	it("dims a shown layer that is not emphasised, but never the names of the step's highlighted features", () => {
		// the airlift step highlights the Almaty airport and Zhetygen, whose layer (air bases) is shown, not emphasised
		const style = newStyle();
		const map = fakeMap(style);
		adopt(map as never, seedStyle(style, viewOf('overview'), featureLayer, basemapNames));
		applyView(map as never, viewOf('csto-airlift'), { ...opts, motion: 'none' });
		const opacity = (id: string) => (map.getStyle().layers.find((l) => l.id === id) as { paint: Record<string, unknown> }).paint;
		expect(opacity('story-csto-bases-circle')['circle-opacity']).toBeLessThan(1);
		expect(opacity('story-csto-bases-label')['text-opacity']).toBeLessThan(1);
		expect(opacity('story-csto-bases-label-highlight')['text-opacity']).toBe(1);
	});
});

describe('drawInCuts: a line drawn in with few source updates', () => {
	it('sets the data at most DRAW_IN_STAGES times over a flight of any frame rate, and ends on the whole line', () => {
		const lengths = [64, 2, 17];
		const cuts = new Set<string>();
		// 60 fps over 1.4 s, eased as drawIn eases
		for (let f = 0; f <= 84; f++) cuts.add(drawInCuts(lengths, 1 - (1 - f / 84) ** 3).join());
		expect(cuts.size).toBeLessThanOrEqual(DRAW_IN_STAGES + 1);
		expect(drawInCuts(lengths, 1)).toEqual(lengths);
		expect(drawInCuts(lengths, 0)).toEqual([2, 2, 2]);
		// each line only grows
		const seq = [...cuts].map((c) => c.split(',').map(Number));
		for (let i = 1; i < seq.length; i++) seq[i]!.forEach((n, j) => expect(n).toBeGreaterThanOrEqual(seq[i - 1]![j]!));
	});
});
