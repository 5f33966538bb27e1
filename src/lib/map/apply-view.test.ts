import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { buildStyle } from './style';
import { applyView, adopt, seedStyle, drawInCuts, DRAW_IN_STAGES } from './apply-view';
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
	it.each(['overview', 'akimat', 'csto-airlift'])('draws the same as applying step %s to the map', (id) => {
		vi.useFakeTimers();
		const applied = fakeMap(newStyle());
		applyView(applied as never, viewOf(id), { ...opts, motion: 'none' });
		vi.runAllTimers(); // hidden layers stop rendering after their fade
		vi.useRealTimers();
		const seeded = newStyle();
		seedStyle(seeded, viewOf(id), basemapNames);
		expect(drawn(seeded)).toEqual(drawn(applied.getStyle()));
	});

	it('leaves the first applyView of that view nothing to change but the camera', () => {
		const style = newStyle();
		const seed = seedStyle(style, viewOf('csto-airlift'), basemapNames);
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
		adopt(map as never, seedStyle(style, viewOf('overview'), basemapNames));
		const view = viewOf('akimat');
		applyView(map as never, view, { ...opts, motion: 'reduced' });
		const first = map.changes.filter((c) => c.startsWith('filter')).length;
		expect(first).toBeGreaterThan(0);
		map.changes.length = 0;
		applyView(map as never, { ...view, camera: viewOf('residence').camera }, { ...opts, motion: 'reduced' });
		expect(map.changes.filter((c) => c.startsWith('filter'))).toEqual([]);
	});
});

describe('applyView: what is dimmed', () => {
	it("dims a shown layer that is not emphasised, but never the names of the step's highlighted features", () => {
		// the airlift step highlights the Almaty airport and Zhetygen, whose layer (air bases) is shown, not emphasised
		const style = newStyle();
		const map = fakeMap(style);
		adopt(map as never, seedStyle(style, viewOf('overview'), basemapNames));
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
