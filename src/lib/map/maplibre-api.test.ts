// The MapLibre methods and exports the adapter relies on: an upgrade that
// removes or renames one fails here, by name.
import { describe, expect, it } from 'vitest';
import * as maplibre from 'maplibre-gl';

const MAP_METHODS = [
	'flyTo', 'easeTo', 'jumpTo', 'fitBounds', 'cameraForBounds', 'getCenter', 'getZoom', 'getBearing', 'getPitch',
	'setPaintProperty', 'getPaintProperty', 'setLayoutProperty', 'getLayer', 'getSource', 'setFeatureState',
	'removeFeatureState', 'queryRenderedFeatures', 'project', 'setPadding', 'getPadding', 'on', 'off', 'once',
	'remove', 'resize', 'isStyleLoaded', 'loaded', 'addControl', 'setStyle', 'getStyle', 'getCanvas', 'stop'
];

describe('maplibre-gl API used by src/lib/map', () => {
	it('exports Map, controls and setWorkerUrl', () => {
		for (const name of ['Map', 'AttributionControl', 'NavigationControl', 'setWorkerUrl', 'LngLatBounds'])
			expect(maplibre, name).toHaveProperty(name);
	});
	it.each(MAP_METHODS)('Map.prototype.%s exists', (name) => {
		expect(typeof (maplibre.Map.prototype as unknown as Record<string, unknown>)[name]).toBe('function');
	});
});
