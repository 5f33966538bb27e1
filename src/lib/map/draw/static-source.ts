/**
 * The features terra-draw does not hold, drawn whole from one plain GeoJSON
 * source (terra-draw copies its whole store on every change, which froze the
 * page with 10,000 features in it). It remembers what the source holds and
 * sends MapLibre only the difference (updateData); a first load or a change of
 * more than PATCH_LIMIT features replaces the whole collection, in a task of
 * its own.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { asFeature, STATIC } from './draw-layers';

/** above this many changed features, the source is replaced rather than patched */
const PATCH_LIMIT = 500;

export class StaticSource {
	/** what the source holds: key (or refused part id) -> geometry */
	readonly #held = new Map<string, Geometry>();
	readonly #map: MapLibreMap;
	#loaded = false;
	#fullPending = false;
	#destroyed = false;

	constructor(map: MapLibreMap) {
		this.#map = map;
	}

	has = (key: string) => this.#held.has(key);
	get = (key: string) => this.#held.get(key);
	keys = () => this.#held.keys();

	/** removes these keys and adds or replaces these features */
	patch(remove: string[], put: [string, Geometry][]) {
		const held = this.#held;
		const removed = remove.filter((k) => held.has(k));
		const replaced = put.filter(([k]) => held.has(k));
		const added = put.filter(([k]) => !held.has(k));
		for (const k of removed) held.delete(k);
		for (const [k, g] of put) held.set(k, g);
		const src = this.#source();
		if (!src || this.#fullPending) return; // the whole collection goes out soon, with these changes
		if (!this.#loaded || put.length + removed.length > PATCH_LIMIT) {
			// in a task of its own: handing 10,000 features to MapLibre's worker takes tens of ms
			this.#loaded = true;
			this.#fullPending = true;
			setTimeout(() => {
				this.#fullPending = false;
				// the map does not always draw the new data by itself (the editor opened on an empty map until a click): ask for a frame once it is in
				if (!this.#destroyed)
					void this.#source()
						?.setData(this.#whole())
						.then(() => this.#map.triggerRepaint());
			}, 0);
		} else if (put.length || removed.length)
			src
				.updateData({ remove: removed, add: added.map(([k, g]) => asFeature(k, g)), update: replaced.map(([k, g]) => ({ id: k, newGeometry: g })) })
				.catch(() => src.setData(this.#whole()));
	}

	/** no more updates (the drawing is destroyed) */
	destroy() {
		this.#destroyed = true;
	}

	#source = () => this.#map.getSource(STATIC) as GeoJSONSource | undefined;
	#whole = (): FeatureCollection => ({ type: 'FeatureCollection', features: [...this.#held].map(([k, g]) => asFeature(k, g)) });
}
