/**
 * The only import of terra-draw and its MapLibre adapter: the editor's drawing
 * on a MapLibre map. The editor's model stays the source of truth; this module
 * mirrors its geometries onto the map (sync) and reports what the editor
 * draws, moves and reshapes (onCreate, onGeometry, onSelect). Invalid features
 * get a red ring (setInvalid).
 *
 * Big layers: terra-draw copies its whole store (a JSON deep clone) and hands
 * every feature to MapLibre again on each change, so with 10,000 features in
 * it every drag step and every edit froze the page for hundreds of
 * milliseconds. So terra-draw holds only the feature being edited (the
 * "active" one, plus what is being drawn); every other feature is drawn from
 * a plain GeoJSON source, updated by diffs (updateData), and a click on one of
 * them hands it to terra-draw, selected, ready to move or reshape. Geometries
 * terra-draw cannot edit (multi-polygons, multi-lines, what it refuses) stay
 * read-only on that source.
 */
import {
	TerraDraw,
	TerraDrawLineStringMode,
	TerraDrawPointMode,
	TerraDrawPolygonMode,
	TerraDrawSelectMode,
	type GeoJSONStoreFeatures
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Map as MapLibreMap, GeoJSONSource, MapGeoJSONFeature } from 'maplibre-gl';

export type DrawTool = 'select' | 'point' | 'linestring' | 'polygon';
export interface DrawItem {
	key: string;
	geometry: Geometry | null;
}
export interface DrawHandle {
	setMode(tool: DrawTool): void;
	/** mirror the model: add, update and remove so that the map shows exactly these */
	sync(items: readonly DrawItem[]): void;
	/** select a feature (handing it to terra-draw, so it can be moved and reshaped), or none */
	select(key: string | null): void;
	setInvalid(items: readonly DrawItem[]): void;
	/** keys of the features drawn on the map */
	keys(): string[];
	destroy(): void;
}
export interface DrawCallbacks {
	onCreate(key: string, geometry: Geometry): void;
	onGeometry(key: string, geometry: Geometry): void;
	onSelect(key: string | null): void;
}

const MODE_OF: Record<string, string> = { Point: 'point', LineString: 'linestring', Polygon: 'polygon' };
const STATIC = 'editor-static';
const INVALID = 'editor-invalid';
const STATIC_LAYERS = [`${STATIC}-fill`, `${STATIC}-line`, `${STATIC}-point`];
const editable = { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } };
/** how far from a feature (CSS pixels) a click still picks it */
const PICK_PX = 10;
/** above this many changed features, the static source is replaced rather than patched */
const PATCH_LIMIT = 500;

let counter = 0;
/** Keys for features drawn in this session ("n" + number; loaded features use "f" + index). */
export const newKey = () => `n${Date.now().toString(36)}${(counter++).toString(36)}`;

const asFeature = (key: string, geometry: Geometry): Feature => ({ type: 'Feature', geometry, properties: { key } });

const OWN_LAYERS = [...STATIC_LAYERS, `${INVALID}-line`, `${INVALID}-ring`];
function removeOwnLayers(map: MapLibreMap) {
	for (const l of OWN_LAYERS) if (map.getLayer(l)) map.removeLayer(l);
	for (const s of [STATIC, INVALID]) if (map.getSource(s)) map.removeSource(s);
}

export function createDraw(map: MapLibreMap, color: string, cb: DrawCallbacks): DrawHandle {
	const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
	removeOwnLayers(map);
	// the static layers go in before terra-draw's, so that the feature being edited is drawn on top
	map.addSource(STATIC, { type: 'geojson', data: empty, promoteId: 'key' });
	map.addLayer({ id: `${STATIC}-fill`, type: 'fill', source: STATIC, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': color, 'fill-opacity': 0.25 } });
	map.addLayer({
		id: `${STATIC}-line`,
		type: 'line',
		source: STATIC,
		filter: ['!=', ['geometry-type'], 'Point'],
		paint: { 'line-color': color, 'line-width': ['case', ['==', ['geometry-type'], 'LineString'], 3, 2] }
	});
	map.addLayer({
		id: `${STATIC}-point`,
		type: 'circle',
		source: STATIC,
		filter: ['==', ['geometry-type'], 'Point'],
		paint: { 'circle-radius': 6, 'circle-color': color, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 }
	});

	const draw = new TerraDraw({
		adapter: new TerraDrawMapLibreGLAdapter({ map }),
		idStrategy: { isValidId: (id) => typeof id === 'string' && id.length > 0, getId: newKey },
		modes: [
			new TerraDrawSelectMode({
				flags: { point: { feature: { draggable: true } }, linestring: { feature: editable }, polygon: { feature: editable } },
				keyEvents: { deselect: 'Escape', delete: null, rotate: null, scale: null }
			}),
			new TerraDrawPointMode({ editable: true, styles: { pointColor: color as `#${string}`, pointWidth: 6, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 } }),
			new TerraDrawLineStringMode({ styles: { lineStringColor: color as `#${string}`, lineStringWidth: 3 } }),
			new TerraDrawPolygonMode({ styles: { fillColor: color as `#${string}`, outlineColor: color as `#${string}`, fillOpacity: 0.25 } })
		]
	});
	draw.start();
	draw.setMode('select');
	map.addSource(INVALID, { type: 'geojson', data: empty });
	map.addLayer({ id: `${INVALID}-line`, type: 'line', source: INVALID, filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#d10000', 'line-width': 4, 'line-dasharray': [2, 1] } });
	map.addLayer({
		id: `${INVALID}-ring`,
		type: 'circle',
		source: INVALID,
		filter: ['==', ['geometry-type'], 'Point'],
		paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#d10000', 'circle-stroke-width': 3 }
	});

	/** the model as last synced: key -> geometry (features without a geometry are not drawn) */
	let model = new Map<string, Geometry>();
	/** what terra-draw holds: key -> the geometry it was given or reported */
	const inDraw = new Map<string, Geometry>();
	/** what the static source holds: key -> geometry */
	const onStatic = new Map<string, Geometry>();
	/** selected before the model knew the key (a feature just added): activated on the next sync */
	let pendingSelect: string | null = null;
	let staticLoaded = false;
	let fullPending = false;
	let destroyed = false;
	let muted = false;

	const staticSource = () => map.getSource(STATIC) as GeoJSONSource | undefined;
	const wholeStatic = (): FeatureCollection => ({ type: 'FeatureCollection', features: [...onStatic].map(([k, g]) => asFeature(k, g)) });
	/** removes and adds/replaces features of the static source: a patch (updateData) when small, the whole collection otherwise */
	function patchStatic(remove: string[], put: [string, Geometry][]) {
		const removed = remove.filter((k) => onStatic.has(k));
		const replaced = put.filter(([k]) => onStatic.has(k));
		const added = put.filter(([k]) => !onStatic.has(k));
		for (const k of removed) onStatic.delete(k);
		for (const [k, g] of put) onStatic.set(k, g);
		const src = staticSource();
		if (!src || fullPending) return; // the whole collection goes out soon, with these changes
		if (!staticLoaded || put.length + removed.length > PATCH_LIMIT) {
			// in a task of its own: handing 10,000 features to MapLibre's worker takes tens of ms
			staticLoaded = true;
			fullPending = true;
			setTimeout(() => {
				fullPending = false;
				if (!destroyed) staticSource()?.setData(wholeStatic());
			}, 0);
		} else if (put.length || removed.length)
			src
				.updateData({ remove: removed, add: added.map(([k, g]) => asFeature(k, g)), update: replaced.map(([k, g]) => ({ id: k, newGeometry: g })) })
				.catch(() => src.setData(wholeStatic()));
	}

	/** gives terra-draw a feature; false when it refuses it (it then stays read-only on the static source) */
	function putInDraw(key: string, geometry: Geometry): boolean {
		if (!MODE_OF[geometry.type]) return false;
		const wasSelected = draw.hasFeature(key) && draw.getSnapshotFeature(key)?.properties.selected === true;
		muted = true;
		try {
			if (draw.hasFeature(key)) draw.removeFeatures([key]);
			const [result] = draw.addFeatures([{ type: 'Feature', id: key, geometry, properties: { mode: MODE_OF[geometry.type]! } } as GeoJSONStoreFeatures]);
			if (!result?.valid) {
				inDraw.delete(key);
				return false;
			}
			inDraw.set(key, geometry);
			if (wasSelected) draw.selectFeature(key);
			return true;
		} finally {
			muted = false;
		}
	}
	/** takes a feature out of terra-draw; `quiet`: without telling the editor it was deselected */
	function takeFromDraw(key: string, quiet = true) {
		muted = quiet;
		try {
			if (draw.hasFeature(key)) draw.removeFeatures([key]);
		} finally {
			muted = false;
		}
		inDraw.delete(key);
	}

	/** hands `key` to terra-draw (and every other feature back to the static source); true when it is editable there */
	function activate(key: string): boolean {
		const back: [string, Geometry][] = [];
		for (const k of [...inDraw.keys()]) {
			if (k === key) continue;
			takeFromDraw(k);
			const g = model.get(k);
			if (g) back.push([k, g]);
		}
		let ok = inDraw.has(key) && draw.hasFeature(key);
		const g = model.get(key);
		if (!ok && g && putInDraw(key, g)) ok = true;
		patchStatic(ok && onStatic.has(key) ? [key] : [], back);
		return ok;
	}

	function selectInDraw(key: string | null) {
		muted = true;
		try {
			if (draw.getMode() !== 'select') draw.setMode('select');
			for (const f of draw.getSnapshot()) if (f.properties.selected && f.id !== key) draw.deselectFeature(f.id!);
			if (key && draw.hasFeature(key)) draw.selectFeature(key);
		} finally {
			muted = false;
		}
	}

	draw.on('finish', (id, ctx) => {
		const f = draw.getSnapshotFeature(id);
		if (!f) return;
		const key = String(id);
		const geometry = f.geometry as Geometry;
		inDraw.set(key, geometry);
		if (ctx.action === 'draw') cb.onCreate(key, geometry);
		else cb.onGeometry(key, geometry);
	});
	draw.on('select', (id) => !muted && cb.onSelect(String(id)));
	draw.on('deselect', () => !muted && cb.onSelect(null));

	// a click on a feature of the static source selects it (terra-draw only knows the active one);
	// listened to in the capture phase, before terra-draw's own handlers on the canvas
	const container = map.getCanvasContainer();
	let down: { x: number; y: number } | null = null;
	const onDown = (e: PointerEvent) => {
		down = e.isPrimary ? { x: e.clientX, y: e.clientY } : null;
	};
	const onUp = (e: PointerEvent) => {
		const from = down;
		down = null;
		if (!from || !e.isPrimary || e.button !== 0 || draw.getMode() !== 'select') return;
		if (Math.hypot(e.clientX - from.x, e.clientY - from.y) > 3) return;
		if (draw.getFeaturesAtPointerEvent(e, { pointerDistance: PICK_PX }).length) return; // terra-draw's own
		const key = pick(e);
		if (!key || !activate(key)) {
			if (key) cb.onSelect(key); // read-only: selected in the form, not on the map
			return;
		}
		selectInDraw(key);
		cb.onSelect(key);
	};
	container.addEventListener('pointerdown', onDown, true);
	container.addEventListener('pointerup', onUp, true);

	/** the static feature under a pointer event: the nearest point, else a line, else a polygon */
	function pick(e: PointerEvent): string | null {
		const r = container.getBoundingClientRect();
		const x = e.clientX - r.left;
		const y = e.clientY - r.top;
		const hits: MapGeoJSONFeature[] = map.queryRenderedFeatures(
			[
				[x - PICK_PX, y - PICK_PX],
				[x + PICK_PX, y + PICK_PX]
			],
			{ layers: STATIC_LAYERS.filter((l) => map.getLayer(l)) }
		);
		let best: { key: string; rank: number; d: number } | null = null;
		for (const h of hits) {
			const key = h.properties?.key;
			if (typeof key !== 'string') continue;
			const g = model.get(key);
			let rank = 2;
			let d = 0;
			if (g?.type === 'Point') {
				const p = map.project(g.coordinates as [number, number]);
				rank = 0;
				d = Math.hypot(p.x - x, p.y - y);
			} else if (h.layer.id === `${STATIC}-line`) rank = 1;
			if (!best || rank < best.rank || (rank === best.rank && d < best.d)) best = { key, rank, d };
		}
		return best?.key ?? null;
	}

	let invalidShown: readonly DrawItem[] = [];
	const sameItems = (a: readonly DrawItem[], b: readonly DrawItem[]) => a.length === b.length && a.every((x, i) => x.key === b[i]!.key && x.geometry === b[i]!.geometry);
	return {
		setMode(tool) {
			if (draw.getMode() === tool) return;
			muted = true;
			try {
				draw.setMode(tool);
			} finally {
				muted = false;
			}
			if (tool !== 'select') cb.onSelect(null);
		},
		sync(items) {
			const next = new Map<string, Geometry>();
			for (const i of items) if (i.geometry) next.set(i.key, i.geometry);
			const remove: string[] = [];
			const put: [string, Geometry][] = [];
			// terra-draw: drop what the model no longer has, follow what it changed (undo, redo, merges)
			for (const [k, g] of [...inDraw]) {
				const want = next.get(k);
				// removed from the model (a deleted feature, an undone drawing): the editor hears it is deselected;
				// one just drawn stays (the model hears of it right after, through onCreate)
				if (!want) {
					if (model.has(k) || !draw.hasFeature(k)) takeFromDraw(k, false);
				} else if (want !== g && want !== model.get(k) && !putInDraw(k, want)) takeFromDraw(k); // refused: read-only (below)
			}
			// the static source: everything else
			for (const k of onStatic.keys()) if (!next.has(k) || inDraw.has(k)) remove.push(k);
			for (const [k, g] of next) if (!inDraw.has(k) && onStatic.get(k) !== g) put.push([k, g]);
			model = next;
			patchStatic(remove, put);
			if (pendingSelect && next.has(pendingSelect)) {
				const k = pendingSelect;
				pendingSelect = null;
				if (activate(k)) selectInDraw(k);
			}
		},
		select(key) {
			if (key && !model.has(key) && !inDraw.has(key)) {
				pendingSelect = key;
				return;
			}
			pendingSelect = null;
			if (key) activate(key);
			selectInDraw(key);
		},
		setInvalid(items) {
			if (sameItems(items, invalidShown)) return;
			invalidShown = items.map((i) => ({ key: i.key, geometry: i.geometry }));
			(map.getSource(INVALID) as GeoJSONSource | undefined)?.setData({
				type: 'FeatureCollection',
				features: items.filter((i) => i.geometry).map((i) => asFeature(i.key, i.geometry!))
			});
		},
		keys: () => [...new Set([...model.keys(), ...inDraw.keys()])],
		destroy() {
			destroyed = true;
			container.removeEventListener('pointerdown', onDown, true);
			container.removeEventListener('pointerup', onUp, true);
			try {
				draw.stop();
				removeOwnLayers(map);
			} catch {
				/* the map may already be gone */
			}
		}
	};
}
