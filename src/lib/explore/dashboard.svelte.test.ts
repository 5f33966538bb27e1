import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Dashboard } from './dashboard.svelte';
import { STORY_LAYERS } from '$lib/geo/layers';
import type { StoryCollection } from '$lib/schema/validate-layer';
import { defaultState } from './url-state';
import { dayToShow, isShown } from './dates';

const layers = STORY_LAYERS.map((layer) => ({ layer, data: JSON.parse(readFileSync(`static/geo/${layer.file}`, 'utf8')) as StoryCollection }));
const ALL = STORY_LAYERS.map((l) => l.id);
const stepOf = { zhanaozen: { id: 'spread', title: 'The protest spreads' } };
const dashboard = (over: Partial<ReturnType<typeof defaultState>> = {}) =>
	new Dashboard(() => ({ lang: 'en', layers, stepOf }), { ...defaultState(ALL), ...over });
const all = layers.flatMap((l) => l.data.features.map((f) => ({ layer: l.layer.id, f })));

describe('Dashboard', () => {
	it('starts from the state the address gave', () => {
		const d = dashboard({ date: '2022-01-05', layers: ['protest-cities'], feature: 'zhanaozen', center: [52, 43], zoom: 6 });
		expect(d.address).toEqual({ date: '2022-01-05', layers: ['protest-cities'], feature: 'zhanaozen', center: [52, 43], zoom: 6 });
		expect(d.chosen?.properties.id).toBe('zhanaozen');
	});

	it('draws on each layer the features of the chosen day, and follows the day', () => {
		const d = dashboard({ date: '2022-01-02' });
		const ids = (id: string) => d.shownByLayer[id]!.map((f) => f.properties.id);
		const onThe2nd = all.filter((x) => x.layer === 'protest-cities' && isShown(x.f.properties, '2022-01-02')).map((x) => x.f.properties.id);
		expect(ids('protest-cities')).toEqual(onThe2nd);
		d.date = '2022-01-08';
		expect(ids('protest-cities').length).toBeGreaterThan(onThe2nd.length);
		expect(d.counts['protest-cities']).toBe(ids('protest-cities').length);
	});

	it('lists the events of the layers switched on only, in date order, with the step that tells each', () => {
		const d = dashboard({ layers: ['protest-cities'] });
		expect(new Set(d.events.map((e) => e.layerId))).toEqual(new Set(['protest-cities']));
		const starts = d.events.map((e) => e.props.start).filter((s): s is string => !!s);
		expect(starts).toEqual([...starts].sort());
		expect(d.events.find((e) => e.id === 'zhanaozen')?.step).toEqual(stepOf.zhanaozen);
	});

	it('choosing a feature of a layer switched off, not yet on the map that day, brings its layer and its day', () => {
		const later = all.find((x) => x.layer !== 'kazakhstan' && x.f.properties.start && !isShown(x.f.properties, '2022-01-02'))!;
		const d = dashboard({ date: '2022-01-02', layers: ['kazakhstan'] });
		expect(d.select(later.f.properties.id)?.properties.id).toBe(later.f.properties.id);
		expect(d.selected).toBe(later.f.properties.id);
		expect(d.enabled).toEqual(ALL.filter((id) => id === 'kazakhstan' || id === later.layer)); // catalogue order
		expect(d.date).toBe(dayToShow(later.f.properties));
		expect(d.address.feature).toBe(later.f.properties.id);
	});

	it('an unknown feature changes nothing', () => {
		const d = dashboard();
		expect(d.select('nowhere')).toBeUndefined();
		expect(d.selected).toBeNull();
	});

	it("the map's view: the highlighted features (selected and hovered, once each) and the basemap places the shown point layers draw", () => {
		const d = dashboard({ date: '2022-01-07', layers: ['kazakhstan'] });
		expect(d.mapView.hiddenPlaces).toEqual([]);
		d.toggleLayer('protest-cities', true);
		expect(d.mapView.hiddenPlaces).toContain('Zhanaozen');
		d.select('zhanaozen');
		d.hovered = 'zhanaozen';
		expect(d.mapView.highlight).toEqual(['zhanaozen']);
		d.hovered = 'almaty-akimat';
		expect(d.mapView.highlight).toEqual(['zhanaozen', 'almaty-akimat']);
		d.toggleLayer('protest-cities', false);
		expect(d.mapView.visible).toEqual(['kazakhstan']);
		expect(d.mapView.hiddenPlaces).toEqual([]);
	});
});
