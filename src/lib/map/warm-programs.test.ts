import { describe, expect, it } from 'vitest';
import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { buildStyle } from './style';
import { seedStyle } from './apply-view';
import { STORY_LAYERS } from '$lib/geo/layers';
import { drawsAt, warmup, WARM_SOURCE } from './warm-programs';

const line = (id: string, extra: Record<string, unknown> = {}) =>
	({ id, type: 'line', source: 's', paint: { 'line-color': '#000', 'line-dasharray': [2, 1] }, ...extra }) as LayerSpecification;

describe('warmup: faint copies of the layers a view does not draw', () => {
	it('copies the hidden, transparent and out-of-zoom layers, not those drawn, nor symbols or the background', () => {
		const layers = [
			{ id: 'bg', type: 'background', paint: { 'background-color': '#fff' } },
			line('drawn'),
			line('hidden', { layout: { visibility: 'none' } }),
			line('faded', { paint: { 'line-color': '#000', 'line-opacity': 0 } }),
			line('closer', { minzoom: 5 }),
			line('farther', { maxzoom: 2 }),
			{ id: 'labels', type: 'symbol', source: 's', layout: { visibility: 'none', 'text-field': 'x' } },
			{ id: 'dots', type: 'circle', source: 's', paint: { 'circle-opacity': 0, 'circle-stroke-opacity': 0 } }
		] as LayerSpecification[];
		const out = warmup(layers, 3, [77, 43]);
		expect(out.layers.map((l) => l.id)).toEqual(['hidden', 'faded', 'closer', 'farther', 'dots'].map((id) => `${WARM_SOURCE} ${id}`));
	});

	it('keeps each paint as given (its program) but its opacity, made a thousandth; drawn at every zoom, unfiltered, on its own source', () => {
		const paint = {
			'line-color': '#123456',
			'line-width': ['case', ['boolean', ['feature-state', 'highlight'], false], 3.2, 2.2],
			'line-dasharray': [2, 1.5],
			'line-opacity': 0
		};
		const [copy] = warmup(
			[line('routes', { paint, filter: ['==', ['get', 'confidence'], 'low'], minzoom: 4, layout: { visibility: 'none', 'line-join': 'round' } })],
			2,
			[77, 43]
		).layers as (LayerSpecification & {
			paint: Record<string, unknown>;
			layout: Record<string, unknown>;
		})[];
		expect(copy!.paint).toEqual({ ...paint, 'line-opacity': 0.001 });
		expect(copy!.layout).toEqual({ visibility: 'visible', 'line-join': 'round' });
		expect(copy).not.toHaveProperty('filter');
		expect(copy).not.toHaveProperty('minzoom');
		expect((copy as { source?: string }).source).toBe(WARM_SOURCE);
	});

	it('leaves out a layer whose opacity is an expression (made faint, it would need another program)', () => {
		const layers = [line('by-zoom', { layout: { visibility: 'none' }, paint: { 'line-opacity': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 6, 1] } })];
		expect(warmup(layers, 3, [77, 43]).layers).toEqual([]);
	});

	it('draws the copies within a few pixels of the centre: a point, a line and a square', () => {
		const { source } = warmup([line('hidden', { layout: { visibility: 'none' } })], 4, [77, 43]);
		const data = source.data as GeoJSON.FeatureCollection;
		expect(data.features.map((f) => f.geometry.type)).toEqual(['Point', 'LineString', 'Polygon']);
		const xs = data.features.flatMap((f) =>
			JSON.stringify(f.geometry)
				.match(/-?\d+\.?\d*/g)!
				.map(Number)
		);
		// 360° / 2^4 / 100: 0.225°, a few pixels of a 512 px tile at zoom 4
		for (const x of xs) expect(Math.min(Math.abs(x - 77), Math.abs(x - 43))).toBeLessThan(0.23);
	});

	// a phone's opening (below the cities' zoom) and a desktop's
	it.each([1.5, 3])("on the story's style at its opening (zoom %s): every copy validates, and its paint reads nothing the copies' places lack", (zoom) => {
		const layers = STORY_LAYERS.map((layer) => ({ layer, data: `http://localhost:4173/geo/${layer.file}` }));
		const style = buildStyle({ origin: 'http://localhost:4173', lang: 'fr', theme: 'light', layers });
		const view = { layers: { kazakhstan: 1, 'csto-members': 1 }, highlight: [], labelAnchors: {}, labelOrder: {}, distances: [] } as never;
		seedStyle(style, view, new Map());
		const { source, layers: copies } = warmup(style.layers, zoom, [70, 45]);
		// the dashed lines (the airlift's inferred routes, the 1:50m borders) among them: the programs that froze the flights
		expect(copies.map((l) => l.id)).toEqual(expect.arrayContaining([`${WARM_SOURCE} story-csto-airlift-line-inferred`, `${WARM_SOURCE} base-borders-50m`]));
		const withCopies = { ...style, sources: { ...style.sources, [WARM_SOURCE]: source }, layers: [...style.layers, ...copies] };
		expect(validateStyleMin(withCopies as never).map((e) => e.message)).toEqual([]);
		const feature = (source.data as GeoJSON.FeatureCollection).features[0]!;
		for (const copy of copies as (LayerSpecification & { paint: Record<string, unknown> })[])
			for (const [prop, value] of Object.entries(copy.paint)) {
				if (!Array.isArray(value) || prop.endsWith('dasharray')) continue;
				const expr = createExpression(value, `layers[0].paint.${prop}`);
				expect(expr.result, `${copy.id} ${prop}`).toBe('success');
				if (expr.result !== 'success') continue;
				// evaluated on the copies' place: no "expected a number, found null" (MapLibre would warn in the console)
				const evaluate = (expr.value as unknown as { evaluateWithoutErrorHandling: (...a: unknown[]) => unknown }).evaluateWithoutErrorHandling;
				expect(
					() => evaluate.call(expr.value, { zoom: 5 }, { properties: feature.properties, type: 1 }, { highlight: false }),
					`${copy.id} ${prop}`
				).not.toThrow();
			}
	});
});

describe('drawsAt', () => {
	it('a layer is drawn inside its zoom range (maxzoom excluded), shown, with some opacity', () => {
		expect(drawsAt(line('a', { minzoom: 3, maxzoom: 5 }) as never, 3)).toBe(true);
		expect(drawsAt(line('a', { minzoom: 3, maxzoom: 5 }) as never, 5)).toBe(false);
		expect(drawsAt(line('a', { paint: { 'line-opacity': 0.2 } }) as never, 5)).toBe(true);
	});
});
