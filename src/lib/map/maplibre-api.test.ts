// The MapLibre methods and exports the app relies on: an upgrade that removes
// or renames one fails here, by name. The methods are read from the code
// itself (every `map.<method>(` under src/), so a new call is covered the day
// it is written.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as maplibre from 'maplibre-gl';

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|js|svelte)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [join(dir, e.name)] : []
	);
}

/** method -> the files that call it on a map */
const called = new Map<string, Set<string>>();
for (const file of sourceFiles('src'))
	for (const m of readFileSync(file, 'utf8').matchAll(/\bmap\??\.(\w+)\(/g)) {
		const files = called.get(m[1]!) ?? new Set();
		called.set(m[1]!, files.add(file));
	}

describe('maplibre-gl API used by src/', () => {
	it('exports Map, controls and setWorkerUrl', () => {
		for (const name of ['Map', 'AttributionControl', 'NavigationControl', 'setWorkerUrl', 'LngLatBounds']) expect(maplibre, name).toHaveProperty(name);
	});
	it('finds the calls (the code draws maps)', () => {
		for (const name of ['flyTo', 'jumpTo', 'addLayer', 'setFilter', 'setFeatureState', 'queryRenderedFeatures']) expect([...called.keys()]).toContain(name);
	});
	it.each([...called.keys()].sort())('Map.prototype.%s exists', (name) => {
		const where = [...called.get(name)!].join(', ');
		expect(typeof (maplibre.Map.prototype as unknown as Record<string, unknown>)[name], `called in ${where}`).toBe('function');
	});
});

describe('the parts of MapLibre used outside its types', () => {
	it("the scale bar's redraw handler (_onMove), moved to moveend by RestingScaleControl", () => {
		// the handler is an instance field: a scale made without a map has it
		expect(typeof (new maplibre.ScaleControl() as unknown as { _onMove?: unknown })._onMove).toBe('function');
	});
	it('GeoJSONSource.updateData (the label guards and district names are sent as diffs)', () => {
		expect(typeof maplibre.GeoJSONSource.prototype.updateData).toBe('function');
	});
});
