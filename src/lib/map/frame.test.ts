import { describe, expect, it } from 'vitest';
import type { CameraForBoundsOptions } from 'maplibre-gl';
import { frameBounds } from './frame';

// What frameBounds asks MapLibre's cameraForBounds (which needs a real map to compute): the browser
// tests check the cameras themselves (story steps fitted, the explore region framed).
describe('frameBounds', () => {
	const asked: CameraForBoundsOptions[] = [];
	const map = { cameraForBounds: (_b: unknown, o?: CameraForBoundsOptions) => (asked.push(o!), { center: [0, 0] as [number, number], zoom: 4 }) };
	const padding = { top: 10, right: 300, bottom: 10, left: 10 };

	it('fits inside the padding alone, and keeps that padding on the map', () => {
		frameBounds(map, [46, 40, 87, 55], { padding, maxZoom: 6, bearing: 10 });
		expect(asked.at(-1)).toEqual({ padding, absolutePadding: true, maxZoom: 6, bearing: 10 });
	});

	it("leaves the map's own maximum zoom and bearing when none is given (MapLibre would take an undefined one and make the zoom NaN)", () => {
		frameBounds(map, [46, 40, 87, 55], { padding });
		expect(Object.keys(asked.at(-1)!).sort()).toEqual(['absolutePadding', 'padding']);
	});
});
