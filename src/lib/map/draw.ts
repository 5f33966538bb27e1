/**
 * The only import of terra-draw and its MapLibre adapter: the editor's drawing
 * on a MapLibre map. The editor's model stays the source of truth; this module
 * mirrors its geometries into terra-draw (sync) and reports what the editor
 * draws, moves and reshapes (onCreate, onGeometry, onSelect), always by the
 * model's feature key. terra-draw edits single geometries: multi-points,
 * multi-lines, multi-polygons and polygons with holes are mirrored as parts
 * (src/lib/editor/parts.ts), one terra-draw feature per member or ring, and a
 * changed part is put back into its feature's geometry. The selected feature's
 * whole outline is drawn over its parts. What terra-draw refuses is drawn
 * read-only; invalid features get a red ring (setInvalid).
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
import { mainPart, partLabel, partRef, partsOf, replacePart, type PartGeometry } from '$lib/editor/parts';

export type DrawTool = 'select' | 'point' | 'linestring' | 'polygon';
export interface DrawItem {
	key: string;
	geometry: Geometry | null;
}
export interface DrawHandle {
	setMode(tool: DrawTool): void;
	/** mirror the model: add, update and remove so that terra-draw holds exactly these */
	sync(items: readonly DrawItem[]): void;
	/** select a feature by its key (a feature drawn as parts: its largest part, unless one of its parts is selected) */
	select(key: string | null): void;
	setInvalid(items: readonly DrawItem[]): void;
	/** terra-draw ids of the editable features and parts */
	keys(): string[];
	/** terra-draw ids of a feature's parts ([] when it is drawn whole or read-only) */
	parts(key: string): string[];
	destroy(): void;
}
export interface DrawCallbacks {
	onCreate(key: string, geometry: Geometry): void;
	onGeometry(key: string, geometry: Geometry): void;
	onSelect(key: string | null): void;
	/** the part of the selected feature being reshaped (null: none, or the feature is drawn whole) */
	onPart?(part: SelectedPart | null): void;
}
export interface SelectedPart {
	key: string;
	path: number[];
	/** e.g. "polygon 2 of 4" */
	label: string;
}

const MODE_OF: Record<string, string> = { Point: 'point', LineString: 'linestring', Polygon: 'polygon' };
const STATIC = 'editor-static';
const INVALID = 'editor-invalid';
const SELECTED = 'editor-selected';
const editable = { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } };

let counter = 0;
/** Keys for features drawn in this session ("n" + number; loaded features use "f" + index). */
export const newKey = () => `n${Date.now().toString(36)}${(counter++).toString(36)}`;

const OWN_LAYERS = [`${STATIC}-fill`, `${STATIC}-line`, `${STATIC}-point`, `${SELECTED}-line`, `${SELECTED}-point`, `${INVALID}-line`, `${INVALID}-ring`];
/** Removes this module's own layers and sources (a drawing of another layer may have left them). */
function removeOwnLayers(map: MapLibreMap) {
	for (const l of OWN_LAYERS) if (map.getLayer(l)) map.removeLayer(l);
	for (const s of [STATIC, INVALID, SELECTED]) if (map.getSource(s)) map.removeSource(s);
}

/** One terra-draw feature (or read-only drawing): a whole model feature, or one part of it. */
interface Piece {
	key: string;
	/** where the part sits in the feature's geometry; null for a whole feature */
	path: number[] | null;
	/** identity of what was mirrored: the whole geometry, or the part's array */
	ref: unknown;
	geometry: Geometry;
	/** in terra-draw (false: refused, drawn read-only) */
	editable: boolean;
}

export function createDraw(map: MapLibreMap, color: string, cb: DrawCallbacks): DrawHandle {
	removeOwnLayers(map);
	const draw = new TerraDraw({
		adapter: new TerraDrawMapLibreGLAdapter({ map }),
		idStrategy: { isValidId: (id) => typeof id === 'string' && id.length > 0, getId: newKey },
		modes: [
			new TerraDrawSelectMode({
				// a reshape that makes a polygon cross itself is allowed, then flagged (red, the form says why) and never saved:
				// a vertex that silently stops following the pointer explains nothing
				flags: { point: { feature: { draggable: true } }, linestring: { feature: editable }, polygon: { feature: { ...editable, selfIntersectable: true } } },
				keyEvents: { deselect: 'Escape', delete: null, rotate: null, scale: null }
			}),
			new TerraDrawPointMode({ editable: true, styles: { pointColor: color as `#${string}`, pointWidth: 6, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 } }),
			new TerraDrawLineStringMode({ styles: { lineStringColor: color as `#${string}`, lineStringWidth: 3 } }),
			new TerraDrawPolygonMode({ styles: { fillColor: color as `#${string}`, outlineColor: color as `#${string}`, fillOpacity: 0.25 } })
		]
	});
	draw.start();
	draw.setMode('select');
	/** terra-draw id -> what it mirrors */
	const pieces = new Map<string, Piece>();
	/** model key -> the geometry last mirrored and the ids of its pieces */
	const mirrored = new Map<string, { geometry: Geometry; ids: string[] }>();
	let selectedKey: string | null = null;
	/** the terra-draw feature selected (a whole feature or one part) */
	let selectedPiece: string | null = null;
	const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
	map.addSource(STATIC, { type: 'geojson', data: empty });
	map.addSource(INVALID, { type: 'geojson', data: empty });
	map.addSource(SELECTED, { type: 'geojson', data: empty });
	map.addLayer({ id: `${STATIC}-fill`, type: 'fill', source: STATIC, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': color, 'fill-opacity': 0.15 } });
	map.addLayer({ id: `${STATIC}-line`, type: 'line', source: STATIC, paint: { 'line-color': color, 'line-width': 1.5 } });
	map.addLayer({ id: `${STATIC}-point`, type: 'circle', source: STATIC, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 5, 'circle-color': color } });
	// the whole selected feature, when it is drawn as parts: every part outlined (dashed, thin: terra-draw's vertices stay visible)
	map.addLayer({ id: `${SELECTED}-line`, type: 'line', source: SELECTED, paint: { 'line-color': '#111111', 'line-width': 2, 'line-dasharray': [3, 2] } });
	map.addLayer({
		id: `${SELECTED}-point`,
		type: 'circle',
		source: SELECTED,
		filter: ['==', ['geometry-type'], 'Point'],
		paint: { 'circle-radius': 10, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#111111', 'circle-stroke-width': 2 }
	});
	map.addLayer({ id: `${INVALID}-line`, type: 'line', source: INVALID, filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#d10000', 'line-width': 4, 'line-dasharray': [2, 1] } });
	map.addLayer({
		id: `${INVALID}-ring`,
		type: 'circle',
		source: INVALID,
		filter: ['==', ['geometry-type'], 'Point'],
		paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#d10000', 'circle-stroke-width': 3 }
	});

	const collection = (items: readonly DrawItem[]): FeatureCollection => ({
		type: 'FeatureCollection',
		features: items.filter((i) => i.geometry).map((i) => ({ type: 'Feature', geometry: i.geometry!, properties: { key: i.key } }))
	});
	const keyOf = (id: string) => pieces.get(id)?.key ?? id;
	const drawnAsParts = (key: string) => pieces.get(mirrored.get(key)?.ids[0] ?? '')?.path != null;
	/** outlines the whole selected feature when it is drawn as parts (one part alone shows terra-draw's selection) */
	function showSelected() {
		const m = selectedKey ? mirrored.get(selectedKey) : undefined;
		const data = m && drawnAsParts(selectedKey!) ? collection([{ key: selectedKey!, geometry: m.geometry }]) : empty;
		(map.getSource(SELECTED) as GeoJSONSource | undefined)?.setData(data);
	}

	function reportPart(id: string | null) {
		const piece = id ? pieces.get(id) : undefined;
		const m = piece && mirrored.get(piece.key);
		cb.onPart?.(piece?.path && m ? { key: piece.key, path: piece.path, label: partLabel(m.geometry, piece.path) } : null);
	}

	let muted = false;
	draw.on('finish', (id, ctx) => {
		const f = draw.getSnapshotFeature(id);
		if (!f) return;
		const sid = String(id);
		const geometry = f.geometry as Geometry;
		if (ctx.action === 'draw') {
			pieces.set(sid, { key: sid, path: null, ref: geometry, geometry, editable: true });
			mirrored.set(sid, { geometry, ids: [sid] });
			cb.onCreate(sid, geometry);
			return;
		}
		const piece = pieces.get(sid);
		const m = piece && mirrored.get(piece.key);
		if (!piece || !m) return;
		if (!piece.path) {
			pieces.set(sid, { ...piece, ref: geometry, geometry });
			m.geometry = geometry;
			cb.onGeometry(piece.key, geometry);
		} else {
			// a part changed: put it back into its feature; the model gets the whole geometry
			const whole = replacePart(m.geometry, piece.path, geometry as PartGeometry);
			pieces.set(sid, { ...piece, ref: partRef(geometry as PartGeometry), geometry });
			m.geometry = whole;
			cb.onGeometry(piece.key, whole);
		}
		if (piece.key === selectedKey) showSelected();
	});
	draw.on('select', (id) => {
		selectedPiece = String(id);
		selectedKey = keyOf(selectedPiece);
		showSelected();
		reportPart(String(id));
		if (!muted) cb.onSelect(selectedKey);
	});
	draw.on('deselect', () => {
		selectedPiece = null;
		selectedKey = null;
		showSelected();
		reportPart(null);
		if (!muted) cb.onSelect(null);
	});

	/** selects `key`: the piece asked for if it is one of its own, else its largest part (or the feature itself) */
	function selectKey(key: string | null, prefer: string | null = selectedPiece) {
		const ids = key ? (mirrored.get(key)?.ids ?? []).filter((id) => pieces.get(id)?.editable && draw.hasFeature(id)) : [];
		const target =
			(prefer && ids.includes(prefer) ? prefer : null) ??
			(ids.length > 1 ? mainPart(ids.map((id) => ({ id, path: [], geometry: pieces.get(id)!.geometry as PartGeometry, ref: null })))?.id : ids[0]) ??
			null;
		if (selectedPiece && selectedPiece !== target && draw.hasFeature(selectedPiece)) draw.deselectFeature(selectedPiece);
		if (target && target !== selectedPiece) draw.selectFeature(target);
		selectedPiece = target;
		selectedKey = key;
		showSelected();
		reportPart(target);
	}

	function removePieces(ids: readonly string[], removed: Set<string>) {
		const inDraw = ids.filter((id) => pieces.get(id)?.editable && draw.hasFeature(id));
		if (inDraw.length) draw.removeFeatures(inDraw);
		for (const id of ids) pieces.delete(id), removed.add(id);
	}

	/** makes terra-draw and the read-only layer hold exactly these features (parts for what terra-draw cannot edit whole) */
	function mirror(items: readonly DrawItem[]): Set<string> {
		const removed = new Set<string>();
		const wanted = new Map<string, Geometry>();
		for (const i of items) if (i.geometry) wanted.set(i.key, i.geometry);
		let readOnlyChanged = false;
		for (const [key, m] of mirrored)
			if (!wanted.has(key)) {
				readOnlyChanged ||= m.ids.some((id) => pieces.get(id)?.editable === false);
				removePieces(m.ids, removed);
				mirrored.delete(key);
			}
		const add: GeoJSONStoreFeatures[] = [];
		for (const [key, geometry] of wanted) {
			const m = mirrored.get(key);
			if (m?.geometry === geometry) continue;
			const parts = partsOf(key, geometry);
			const next: { id: string; piece: Piece }[] = parts
				? parts.map((p) => ({ id: p.id, piece: { key, path: p.path, ref: p.ref, geometry: p.geometry, editable: true } }))
				: [{ id: key, piece: { key, path: null, ref: geometry, geometry, editable: !!MODE_OF[geometry.type] } }];
			const ids = new Set(next.map((n) => n.id));
			const gone = (m?.ids ?? []).filter((id) => !ids.has(id));
			readOnlyChanged ||= gone.some((id) => pieces.get(id)?.editable === false);
			removePieces(gone, removed);
			for (const { id, piece } of next) {
				const old = pieces.get(id);
				if (old && old.ref === piece.ref) continue; // this part did not change
				if (old) {
					readOnlyChanged ||= !old.editable;
					removePieces([id], removed);
				}
				pieces.set(id, piece);
				if (piece.editable) add.push({ type: 'Feature', id, geometry: piece.geometry, properties: { mode: MODE_OF[piece.geometry.type]! } } as GeoJSONStoreFeatures);
				else readOnlyChanged = true;
			}
			mirrored.set(key, { geometry, ids: [...ids] });
			if (key === selectedKey) showSelected();
		}
		if (add.length) {
			// what terra-draw refuses (e.g. a ring it cannot edit) is drawn read-only instead
			for (const r of draw.addFeatures(add))
				if (!r.valid) {
					const piece = pieces.get(String(r.id));
					if (piece) piece.editable = false;
					readOnlyChanged = true;
				}
		}
		if (readOnlyChanged) {
			const fixed = [...pieces.values()].filter((p) => !p.editable).map((p) => ({ key: p.key, geometry: p.geometry }));
			(map.getSource(STATIC) as GeoJSONSource | undefined)?.setData(collection(fixed));
		}
		return removed;
	}

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
			// pieces re-added lose terra-draw's selection: the feature stays selected, on the same part when it is still there
			const keepKey = selectedKey;
			const keepPiece = selectedPiece;
			muted = true;
			try {
				const removed = mirror(items);
				if (keepPiece && removed.has(keepPiece)) selectedPiece = null;
				if (keepKey && mirrored.has(keepKey) && selectedPiece !== keepPiece && draw.getMode() === 'select') selectKey(keepKey, keepPiece);
			} finally {
				muted = false;
			}
		},
		select(key) {
			muted = true;
			try {
				if (draw.getMode() !== 'select') draw.setMode('select');
				selectKey(key);
			} finally {
				muted = false;
			}
		},
		setInvalid(items) {
			(map.getSource(INVALID) as GeoJSONSource | undefined)?.setData(collection(items));
		},
		keys: () => [...pieces.entries()].filter(([, p]) => p.editable).map(([id]) => id),
		parts: (key) => (drawnAsParts(key) ? [...mirrored.get(key)!.ids] : []),
		destroy() {
			try {
				draw.stop();
				removeOwnLayers(map);
			} catch {
				/* the map may already be gone */
			}
		}
	};
}
