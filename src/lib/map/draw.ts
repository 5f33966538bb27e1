/**
 * The only import of terra-draw and its MapLibre adapter: the editor's drawing
 * on a MapLibre map. The editor's model stays the source of truth; this module
 * mirrors its geometries into terra-draw (sync) and reports what the editor
 * draws, moves and reshapes (onCreate, onGeometry, onSelect). Geometries
 * terra-draw cannot edit (multi-polygons, multi-lines) are drawn read-only,
 * and invalid features get a red ring (setInvalid).
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
import type { FeatureCollection, Geometry } from 'geojson';
import type { Map as MapLibreMap, GeoJSONSource } from 'maplibre-gl';

export type DrawTool = 'select' | 'point' | 'linestring' | 'polygon';
export interface DrawItem {
	key: string;
	geometry: Geometry | null;
}
export interface DrawHandle {
	setMode(tool: DrawTool): void;
	/** mirror the model: add, update and remove so that terra-draw holds exactly these */
	sync(items: readonly DrawItem[]): void;
	select(key: string | null): void;
	setInvalid(items: readonly DrawItem[]): void;
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
const editable = { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } };

let counter = 0;
/** Keys for features drawn in this session ("n" + number; loaded features use "f" + index). */
export const newKey = () => `n${Date.now().toString(36)}${(counter++).toString(36)}`;

export function createDraw(map: MapLibreMap, color: string, cb: DrawCallbacks): DrawHandle {
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
	const synced = new Map<string, Geometry>();
	const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
	map.addSource(STATIC, { type: 'geojson', data: empty });
	map.addSource(INVALID, { type: 'geojson', data: empty });
	map.addLayer({ id: `${STATIC}-fill`, type: 'fill', source: STATIC, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': color, 'fill-opacity': 0.15 } });
	map.addLayer({ id: `${STATIC}-line`, type: 'line', source: STATIC, paint: { 'line-color': color, 'line-width': 1.5 } });
	map.addLayer({ id: `${INVALID}-line`, type: 'line', source: INVALID, filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#d10000', 'line-width': 4, 'line-dasharray': [2, 1] } });
	map.addLayer({
		id: `${INVALID}-ring`,
		type: 'circle',
		source: INVALID,
		filter: ['==', ['geometry-type'], 'Point'],
		paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#d10000', 'circle-stroke-width': 3 }
	});

	let muted = false;
	draw.on('finish', (id, ctx) => {
		const f = draw.getSnapshotFeature(id);
		if (!f) return;
		const geometry = f.geometry as Geometry;
		synced.set(String(id), geometry);
		if (ctx.action === 'draw') cb.onCreate(String(id), geometry);
		else cb.onGeometry(String(id), geometry);
	});
	draw.on('select', (id) => !muted && cb.onSelect(String(id)));
	draw.on('deselect', () => !muted && cb.onSelect(null));

	const collection = (items: readonly DrawItem[]): FeatureCollection => ({
		type: 'FeatureCollection',
		features: items.filter((i) => i.geometry).map((i) => ({ type: 'Feature', geometry: i.geometry!, properties: { key: i.key } }))
	});

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
			const wanted = new Map<string, Geometry>();
			const fixed: DrawItem[] = [];
			for (const i of items) {
				if (i.geometry && MODE_OF[i.geometry.type]) wanted.set(i.key, i.geometry);
				else if (i.geometry) fixed.push(i);
			}
			const remove = [...synced.keys()].filter((k) => !wanted.has(k) && draw.hasFeature(k));
			if (remove.length) draw.removeFeatures(remove);
			for (const k of [...synced.keys()]) if (!wanted.has(k)) synced.delete(k);
			const add: GeoJSONStoreFeatures[] = [];
			for (const [key, geometry] of wanted) {
				if (synced.get(key) === geometry) continue;
				if (draw.hasFeature(key)) draw.removeFeatures([key]);
				add.push({ type: 'Feature', id: key, geometry, properties: { mode: MODE_OF[geometry.type]! } } as GeoJSONStoreFeatures);
				synced.set(key, geometry);
			}
			if (add.length) {
				const results = draw.addFeatures(add);
				// what terra-draw refuses (e.g. a ring it cannot edit) is drawn read-only instead
				for (const r of results) if (!r.valid) {
					const key = String(r.id);
					synced.delete(key);
					fixed.push({ key, geometry: wanted.get(key)! });
				}
			}
			(map.getSource(STATIC) as GeoJSONSource | undefined)?.setData(collection(fixed));
		},
		select(key) {
			muted = true;
			try {
				if (draw.getMode() !== 'select') draw.setMode('select');
				for (const f of draw.getSnapshot()) if (f.properties.selected && f.id !== key) draw.deselectFeature(f.id!);
				if (key && draw.hasFeature(key)) draw.selectFeature(key);
			} finally {
				muted = false;
			}
		},
		setInvalid(items) {
			(map.getSource(INVALID) as GeoJSONSource | undefined)?.setData(collection(items));
		},
		keys: () => [...synced.keys()],
		destroy() {
			try {
				draw.stop();
			} catch {
				/* the map may already be gone */
			}
		}
	};
}
