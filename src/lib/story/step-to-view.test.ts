import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { stepToView, DIMMED } from './step-to-view';
import type { StepView } from '$lib/schema/story';

const pt = (id: string, lon: number, lat: number): Feature => ({ type: 'Feature', properties: { id }, geometry: { type: 'Point', coordinates: [lon, lat] } });
const features = new Map([
	['a', pt('a', 50, 40)],
	['b', pt('b', 60, 45)],
	['c', pt('c', 55, 50)]
]);
const LAYERS = ['one', 'two', 'three'];
const base: StepView = {
	id: 's',
	camera: { fit: ['a', 'b', 'c'] },
	layers: { show: ['one', 'two'] },
	highlight: ['a']
};

describe('stepToView', () => {
	it.each([
		{
			name: 'fit: bbox of the named features, default max zoom',
			step: base,
			camera: { type: 'bounds', bounds: [50, 40, 60, 50], maxZoom: 12, bearing: 0, pitch: 0 }
		},
		{
			name: 'fit with maxZoom',
			step: { ...base, camera: { fit: ['a'], maxZoom: 7 } },
			camera: { type: 'bounds', bounds: [50, 40, 50, 40], maxZoom: 7, bearing: 0, pitch: 0 }
		},
		{
			name: 'center and zoom',
			step: { ...base, camera: { center: [76.9, 43.2] as [number, number], zoom: 11, bearing: 20, pitch: 30 } },
			camera: { type: 'center', center: [76.9, 43.2], zoom: 11, bearing: 20, pitch: 30 }
		}
	])('$name', ({ step, camera }) => {
		expect(stepToView(step, features, LAYERS).camera).toEqual(camera);
	});

	it.each([
		{ name: 'shown layers at full, others hidden', layers: { show: ['one', 'two'] }, expected: { one: 1, two: 1, three: 0 } },
		{ name: 'emphasis dims the other shown layers', layers: { show: ['one', 'two'], emphasise: ['two'] }, expected: { one: DIMMED, two: 1, three: 0 } }
	])('$name', ({ layers, expected }) => {
		expect(stepToView({ ...base, layers }, features, LAYERS).layers).toEqual(expected);
	});

	it('names the step and the id of an unknown feature to fit', () => {
		expect(() => stepToView({ ...base, camera: { fit: ['zzz'] } }, features, LAYERS)).toThrow('step "s" › camera.fit: unknown feature "zzz"');
	});
	it('passes the highlights through', () => {
		expect(stepToView(base, features, LAYERS).highlight).toEqual(['a']);
	});
});
