import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { buildStyle } from './style';
import { applyExploreView, type ExploreView } from './explore-view';
import { indexLayers } from './layer-index';
import { fakeStyleMap } from './fake-style-map';
import { placeNames } from './basemap-places';
import { STORY_LAYERS } from '$lib/geo/layers';
import { isShown, isUncertain } from '$lib/explore/dates';
import type { FeatureProperties } from '$lib/schema/feature';

const layers = STORY_LAYERS.map((layer) => ({ layer, data: JSON.parse(readFileSync(`static/geo/${layer.file}`, 'utf8')) as FeatureCollection }));
const { layerOf } = indexLayers(layers);

/** The view the dashboard asks for: the features of `date` (uncertain ones marked), `visible` layers, `highlight`ed ids. */
function viewOf(date: string, visible: string[], highlight: string[] = []): ExploreView {
	const features = Object.fromEntries(
		layers.map(({ layer, data }) => [
			layer.id,
			data.features
				.filter((f) => isShown(f.properties as FeatureProperties, date))
				.map((f) => ({ ...f, properties: { ...f.properties, uncertain: isUncertain(f.properties as FeatureProperties, date) } }))
		])
	);
	const points = STORY_LAYERS.filter((l) => l.shape === 'point' && visible.includes(l.id));
	return { features, visible, highlight, hiddenPlaces: points.flatMap((l) => placeNames(features[l.id] as Feature[])) };
}

/** the style map, plus the sources (their data kept) and feature state, recorded too */
function fakeMap(style: StyleSpecification) {
	const map = fakeStyleMap(style);
	const data: Record<string, FeatureCollection> = {};
	return {
		...map,
		data,
		setFeatureState: (target: { source: string; id: string }, s: { highlight: boolean }) => map.changes.push(`state ${target.id} ${s.highlight}`),
		getSource: (id: string) =>
			style.sources[id] && {
				setData: (d: FeatureCollection) => {
					map.changes.push(`data ${id}`);
					data[id] = d;
				}
			}
	};
}
const newMap = () => fakeMap(buildStyle({ origin: 'http://localhost', lang: 'fr', theme: 'light', layers }));
const ALL = STORY_LAYERS.map((l) => l.id);
const kinds = (changes: string[]) => [...new Set(changes.map((c) => c.split(' ')[0]))].sort();

describe('applyExploreView: only what differs reaches the map', () => {
	it('first draws every layer with the features of the day, and shows or hides each', () => {
		const map = newMap();
		applyExploreView(map as never, viewOf('2022-01-05', ['kazakhstan', 'protest-cities']), layerOf);
		for (const id of ALL) expect(map.changes).toContain(`data story-${id}`);
		const cities = map.data['story-protest-cities']!.features.map((f) => f.properties!.id);
		expect(cities).toEqual(viewOf('2022-01-05', []).features['protest-cities']!.map((f) => f.properties!.id));
		expect(map.changes).toContain('layout story-protest-cities-circle visibility=visible');
		expect(map.changes).toContain('layout story-csto-airlift-line visibility=none');
	});

	it('applied twice, the same view changes nothing', () => {
		const map = newMap();
		const view = viewOf('2022-01-07', ALL, ['almaty-akimat']);
		applyExploreView(map as never, view, layerOf);
		map.changes.length = 0;
		applyExploreView(map as never, viewOf('2022-01-07', ALL, ['almaty-akimat']), layerOf);
		expect(map.changes).toEqual([]);
	});

	it('a new day replaces only the layers whose features (or their certainty) changed', () => {
		const map = newMap();
		applyExploreView(map as never, viewOf('2022-01-02', ALL), layerOf);
		map.changes.length = 0;
		applyExploreView(map as never, viewOf('2022-01-06', ALL), layerOf);
		const replaced = map.changes.filter((c) => c.startsWith('data')).map((c) => c.slice('data story-'.length));
		const differs = ALL.filter((id) => JSON.stringify(viewOf('2022-01-02', ALL).features[id]) !== JSON.stringify(viewOf('2022-01-06', ALL).features[id]));
		expect(replaced.sort()).toEqual(differs.sort());
		expect(replaced.length).toBeGreaterThan(0);
		expect(replaced.length).toBeLessThan(ALL.length);
		expect(map.changes.filter((c) => c.startsWith('layout'))).toEqual([]);
	});

	it("switching a layer off touches that layer's style layers only", () => {
		const map = newMap();
		applyExploreView(map as never, viewOf('2022-01-07', ALL), layerOf);
		map.changes.length = 0;
		applyExploreView(
			map as never,
			viewOf(
				'2022-01-07',
				ALL.filter((id) => id !== 'csto-airlift')
			),
			layerOf
		);
		expect(map.changes).toEqual([
			'layout story-csto-airlift-casing visibility=none',
			'layout story-csto-airlift-line visibility=none',
			'layout story-csto-airlift-line-inferred visibility=none'
		]);
	});

	it('hovering a feature sets its feature-state and the label filters, nothing else; hovering away clears it', () => {
		const map = newMap();
		applyExploreView(map as never, viewOf('2022-01-07', ALL), layerOf);
		map.changes.length = 0;
		applyExploreView(map as never, viewOf('2022-01-07', ALL, ['almaty-akimat']), layerOf);
		expect(kinds(map.changes)).toEqual(['filter', 'state']);
		expect(map.changes.filter((c) => c.startsWith('filter')).every((c) => c.includes('-label'))).toBe(true);
		expect(map.changes).toContain('state almaty-akimat true');
		map.changes.length = 0;
		applyExploreView(map as never, viewOf('2022-01-07', ALL), layerOf);
		expect(map.changes).toContain('state almaty-akimat false');
	});

	it('hides from the basemap the places a shown point layer draws, and filters again only when they change', () => {
		const map = newMap();
		applyExploreView(map as never, viewOf('2022-01-07', ['protest-cities']), layerOf);
		expect(JSON.stringify(map.getFilter('base-city-labels'))).toContain('"Zhanaozen"');
		map.changes.length = 0;
		// the same places (another layer switched on, a feature hovered): no basemap filter is set again
		applyExploreView(map as never, viewOf('2022-01-07', ['protest-cities', 'kazakhstan'], ['zhanaozen']), layerOf);
		expect(map.changes.filter((c) => c.includes(' base-'))).toEqual([]);
		// the layer switched off: its places are the basemap's again
		applyExploreView(map as never, viewOf('2022-01-07', ['kazakhstan']), layerOf);
		expect(map.changes.filter((c) => c.includes(' base-')).length).toBeGreaterThan(0);
		expect(JSON.stringify(map.getFilter('base-city-labels'))).not.toContain('"Zhanaozen"');
	});
});
