import { describe, expect, it } from 'vitest';
import { decodeState, embedPathFor, encodeState, type ExploreState } from './url-state';
import { parseComposedView } from '$lib/schema/embed';
import { LAYER_IDS } from '$lib/geo/layers';

const ids = new Set(['almaty-akimat', 'zhanaozen']);

describe('explore URL state', () => {
	it('round-trips camera, date, layers and the selected feature', () => {
		const s: ExploreState = { center: [76.9456, 43.2381], zoom: 12.5, date: '2022-01-04', layers: ['kazakhstan', 'protest-cities'], feature: 'almaty-akimat' };
		const q = encodeState(s);
		expect(decodeState(new URLSearchParams(q), LAYER_IDS, ids)).toEqual(s);
		expect(q).toContain('layers=kazakhstan,protest-cities');
	});
	it('round-trips no layers and no feature', () => {
		const s: ExploreState = { center: [60, 47], zoom: 3, date: '2022-01-20', layers: [], feature: null };
		expect(decodeState(new URLSearchParams(encodeState(s)), LAYER_IDS, ids)).toEqual(s);
	});
	it('keeps the order of the layer catalogue and drops unknown layers', () => {
		const s = decodeState(new URLSearchParams('layers=protest-cities,nope,kazakhstan'), LAYER_IDS, ids);
		expect(s.layers).toEqual(['kazakhstan', 'protest-cities']);
	});
	it('falls back to the defaults on bad values, never throws', () => {
		const s = decodeState(new URLSearchParams('center=999,1&zoom=x&date=2022-02-30&feature=<script>'), LAYER_IDS, ids);
		expect(s.center).toBeNull();
		expect(s.zoom).toBeNull();
		expect(s.date).toBe('2022-01-10');
		expect(s.feature).toBeNull();
		expect(s.layers).toEqual(LAYER_IDS);
		expect(decodeState(new URLSearchParams('date=2022-01-25'), LAYER_IDS, ids).date).toBe('2022-01-10');
	});
	it('carries ?test over', () => {
		const q = encodeState({ center: null, zoom: null, date: '2022-01-10', layers: [], feature: null }, new URLSearchParams('test&date=x'));
		expect(new URLSearchParams(q).has('test')).toBe(true);
	});
	it('builds an embed path the composed-view embed accepts', () => {
		const s: ExploreState = { center: [76.9, 43.2], zoom: 6, date: '2022-01-05', layers: ['almaty-sites'], feature: 'almaty-akimat' };
		const path = embedPathFor(s, 'en', { center: [0, 0], zoom: 1 })!;
		expect(path.startsWith('/en/embed/view?')).toBe(true);
		const { view, problems } = parseComposedView(new URLSearchParams(path.split('?')[1]), ids);
		expect(problems).toEqual([]);
		expect(view).toMatchObject({ center: [76.9, 43.2], zoom: 6, date: '2022-01-05', layers: ['almaty-sites'], highlight: ['almaty-akimat'] });
		expect(embedPathFor({ ...s, layers: [] }, 'fr', { center: [0, 0], zoom: 1 })).toBeNull();
	});
});
