/**
 * The only import of terra-draw and its MapLibre adapter: the editor's drawing
 * on a MapLibre map. The editor's model stays the source of truth; this module
 * mirrors its geometries onto the map (sync) and reports what the editor
 * draws, moves and reshapes (onCreate, onGeometry, onSelect, onPart), always
 * by the model's feature key. Invalid features get a red ring (setInvalid).
 *
 * Big layers: terra-draw copies its whole store (a JSON deep clone) and hands
 * every feature to MapLibre again on each change, so with 10,000 features in
 * it every drag step and every edit froze the page for hundreds of
 * milliseconds. So terra-draw holds only the feature being edited (the
 * "active" one, plus what is being drawn); every other feature is drawn whole
 * from a plain GeoJSON source, updated by diffs (updateData), and a click on
 * one of them hands it to terra-draw, selected, ready to move or reshape.
 *
 * Parts: terra-draw edits single geometries. When the active feature is a
 * multi-point, multi-line, multi-polygon or a polygon with holes, terra-draw
 * gets its parts (src/lib/editor/parts.ts), one terra-draw feature per member
 * or ring; the part clicked (else the largest) is selected, the whole feature
 * is outlined dashed, and a changed part is put back into the feature's
 * geometry (the model gets the whole). When the feature stops being active,
 * its whole geometry goes back to the static source. What terra-draw refuses
 * (a whole feature, or some of its parts) stays read-only on that source.
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
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Map as MapLibreMap, FilterSpecification, GeoJSONSource, MapGeoJSONFeature } from 'maplibre-gl';
import { featureKeyOf, mainPart, partLabel, partRef, partsOf, replacePart, type Part, type PartGeometry } from '$lib/editor/parts';

export type DrawTool = 'select' | 'point' | 'linestring' | 'polygon';
export interface DrawItem {
	key: string;
	geometry: Geometry | null;
}
export interface DrawHandle {
	setMode(tool: DrawTool): void;
	/** mirror the model: add, update and remove so that the map shows exactly these */
	sync(items: readonly DrawItem[]): void;
	/**
	 * select a feature (handing it to terra-draw, so it can be moved and reshaped), or none;
	 * a feature drawn as parts: the part already selected if it is one of its own, else its largest part
	 */
	select(key: string | null): void;
	setInvalid(items: readonly DrawItem[]): void;
	/** keys of the features drawn on the map (a feature drawn as parts counts once) */
	keys(): string[];
	/** terra-draw ids of a feature's parts while it is active and drawn as parts ([] otherwise) */
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
const STATIC_LAYERS = [`${STATIC}-fill`, `${STATIC}-line`, `${STATIC}-point`];
const editable = { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } };
/** how far from a feature (CSS pixels) a click still picks it */
const PICK_PX = 10;
/** above this many changed features, the static source is replaced rather than patched */
const PATCH_LIMIT = 500;
// (MapLibre reports a multi-geometry's type as MultiPolygon etc.: both kinds are matched)
const POLYGONAL: FilterSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const POINTS: FilterSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];
const NOT_POINTS: FilterSpecification = ['!', POINTS];

let counter = 0;
/** Keys for features drawn in this session ("n" + number; loaded features use "f" + index). */
export const newKey = () => `n${Date.now().toString(36)}${(counter++).toString(36)}`;

/** a feature of the static source: its id is the model key, or a part id (`key~path`) for a part terra-draw refused */
const asFeature = (key: string, geometry: Geometry): Feature => ({ type: 'Feature', geometry, properties: { key } });

const OWN_LAYERS = [...STATIC_LAYERS, `${SELECTED}-line`, `${SELECTED}-point`, `${INVALID}-line`, `${INVALID}-ring`];
/** Removes this module's own layers and sources (a drawing of another layer may have left them). */
function removeOwnLayers(map: MapLibreMap) {
	for (const l of OWN_LAYERS) if (map.getLayer(l)) map.removeLayer(l);
	for (const s of [STATIC, INVALID, SELECTED]) if (map.getSource(s)) map.removeSource(s);
}

/** One terra-draw feature: a whole model feature, or one part of it. */
interface Piece {
	key: string;
	/** where the part sits in the feature's geometry; null for a whole feature */
	path: number[] | null;
	/** identity of what was mirrored: the whole geometry, or the part's array */
	ref: unknown;
	geometry: Geometry;
}
/** A feature held by terra-draw (the active one, or one just drawn). */
interface Held {
	/** the whole geometry, as given or as last reported to the model */
	geometry: Geometry;
	/** its terra-draw ids: [key] when drawn whole, else its parts' */
	ids: string[];
	/** parts terra-draw refused: drawn read-only on the static source, by part id */
	readOnly: Map<string, Piece>;
	/** drawn as parts */
	asParts: boolean;
}

export function createDraw(map: MapLibreMap, color: string, cb: DrawCallbacks): DrawHandle {
	const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
	removeOwnLayers(map);
	// the static layers go in before terra-draw's, so that the feature being edited is drawn on top
	map.addSource(STATIC, { type: 'geojson', data: empty, promoteId: 'key' });
	map.addLayer({ id: `${STATIC}-fill`, type: 'fill', source: STATIC, filter: POLYGONAL, paint: { 'fill-color': color, 'fill-opacity': 0.25 } });
	map.addLayer({
		id: `${STATIC}-line`,
		type: 'line',
		source: STATIC,
		filter: NOT_POINTS,
		paint: { 'line-color': color, 'line-width': ['case', ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]], 3, 2] }
	});
	map.addLayer({
		id: `${STATIC}-point`,
		type: 'circle',
		source: STATIC,
		filter: POINTS,
		paint: { 'circle-radius': 6, 'circle-color': color, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 }
	});

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
	map.addSource(SELECTED, { type: 'geojson', data: empty });
	map.addSource(INVALID, { type: 'geojson', data: empty });
	// the whole active feature, when it is drawn as parts: every part outlined (dashed, thin: terra-draw's vertices stay visible)
	map.addLayer({ id: `${SELECTED}-line`, type: 'line', source: SELECTED, filter: NOT_POINTS, paint: { 'line-color': '#111111', 'line-width': 2, 'line-dasharray': [3, 2] } });
	map.addLayer({
		id: `${SELECTED}-point`,
		type: 'circle',
		source: SELECTED,
		filter: POINTS,
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

	/** the model as last synced: key -> geometry (features without a geometry are not drawn) */
	let model = new Map<string, Geometry>();
	/** what terra-draw holds, by model key */
	const inDraw = new Map<string, Held>();
	/** terra-draw id -> what it mirrors */
	const pieces = new Map<string, Piece>();
	/** what the static source holds: key (or refused part id) -> geometry */
	const onStatic = new Map<string, Geometry>();
	/** selected before the model knew the key (a feature just added): activated on the next sync */
	let pendingSelect: string | null = null;
	/** the selected feature and terra-draw feature (the feature itself, or one of its parts) */
	let selectedKey: string | null = null;
	let selectedPiece: string | null = null;
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

	const keyOf = (id: string) => pieces.get(id)?.key ?? featureKeyOf(id);
	/** outlines the whole selected feature when it is drawn as parts (one part alone shows terra-draw's selection) */
	function showSelected() {
		const h = selectedKey ? inDraw.get(selectedKey) : undefined;
		const data: FeatureCollection = h?.asParts ? { type: 'FeatureCollection', features: [asFeature(selectedKey!, h.geometry)] } : empty;
		(map.getSource(SELECTED) as GeoJSONSource | undefined)?.setData(data);
	}
	let partReported = '';
	/** tells the editor which part of the selected feature is being reshaped (when that changed) */
	function reportPart() {
		const piece = selectedPiece ? pieces.get(selectedPiece) : undefined;
		const h = piece && inDraw.get(piece.key);
		const part = piece?.path && h ? { key: piece.key, path: piece.path, label: partLabel(h.geometry, piece.path) } : null;
		const said = part ? `${part.key} ${part.path.join('.')} ${part.label}` : '';
		if (said === partReported) return;
		partReported = said;
		cb.onPart?.(part);
	}

	/**
	 * gives terra-draw a feature (whole, or its parts); parts that did not change stay as they are (and selected).
	 * False when it refuses all of it: it then stays read-only on the static source.
	 */
	function putInDraw(key: string, geometry: Geometry): boolean {
		const parts = partsOf(key, geometry);
		if (!parts && !MODE_OF[geometry.type]) return false;
		const next: { id: string; piece: Piece }[] = parts
			? parts.map((p) => ({ id: p.id, piece: { key, path: p.path, ref: p.ref, geometry: p.geometry } }))
			: [{ id: key, piece: { key, path: null, ref: geometry, geometry } }];
		const byId = new Map(next.map((n) => [n.id, n.piece]));
		const old = inDraw.get(key);
		const wasSelected = selectedPiece && old?.ids.includes(selectedPiece) ? selectedPiece : null;
		muted = true;
		try {
			// what is gone or changed leaves terra-draw
			const drop = (old?.ids ?? []).filter((id) => byId.get(id)?.ref !== pieces.get(id)?.ref || !draw.hasFeature(id));
			const present = drop.filter((id) => draw.hasFeature(id));
			if (present.length) draw.removeFeatures(present);
			for (const id of drop) pieces.delete(id);
			const kept = new Set((old?.ids ?? []).filter((id) => !drop.includes(id)));
			const readOnly = new Map<string, Piece>();
			const add: { id: string; piece: Piece }[] = [];
			for (const n of next) {
				if (kept.has(n.id)) continue;
				const refused = old?.readOnly.get(n.id);
				if (refused && refused.ref === n.piece.ref) readOnly.set(n.id, n.piece); // refused before, unchanged: not tried again
				else add.push(n);
			}
			const results = add.length
				? draw.addFeatures(add.map((n) => ({ type: 'Feature', id: n.id, geometry: n.piece.geometry, properties: { mode: MODE_OF[n.piece.geometry.type]! } }) as GeoJSONStoreFeatures))
				: [];
			const valid = new Set(results.filter((r) => r.valid).map((r) => String(r.id)));
			const ids: string[] = [];
			for (const n of next)
				if (kept.has(n.id) || valid.has(n.id)) {
					ids.push(n.id);
					pieces.set(n.id, n.piece);
				} else readOnly.set(n.id, n.piece);
			if (!ids.length) {
				inDraw.delete(key);
				return false;
			}
			inDraw.set(key, { geometry, ids, readOnly, asParts: !!parts });
			// the feature stays selected, on the same part when it is still there
			if (wasSelected) {
				const target = ids.includes(wasSelected) ? wasSelected : mainId(key);
				if (target && !draw.getSnapshotFeature(target)?.properties.selected) draw.selectFeature(target);
				selectedPiece = target;
				selectedKey = key;
			}
			return true;
		} finally {
			muted = false;
		}
	}
	/** takes a feature out of terra-draw; `quiet`: without telling the editor it was deselected */
	function takeFromDraw(key: string, quiet = true) {
		const h = inDraw.get(key);
		const ids = (h?.ids ?? [key]).filter((id) => draw.hasFeature(id));
		muted = quiet;
		try {
			if (ids.length) draw.removeFeatures(ids);
		} finally {
			muted = false;
		}
		for (const id of h?.ids ?? []) pieces.delete(id);
		inDraw.delete(key);
		if (selectedKey === key) {
			selectedKey = null;
			selectedPiece = null;
			showSelected();
			reportPart();
		}
	}
	/** static-source changes for a held feature's refused parts: their ids, and [id, geometry] */
	const readOnlyOf = (h: Held | undefined) => [...(h?.readOnly ?? [])].map(([id, p]) => [id, p.geometry] as [string, Geometry]);

	/** hands `key` to terra-draw (and every other feature back to the static source); true when it is editable there */
	function activate(key: string): boolean {
		const back: [string, Geometry][] = [];
		const remove: string[] = [];
		for (const k of [...inDraw.keys()]) {
			if (k === key) continue;
			remove.push(...readOnlyOf(inDraw.get(k)).map(([id]) => id));
			takeFromDraw(k);
			const g = model.get(k);
			if (g) back.push([k, g]);
		}
		const held = inDraw.get(key);
		let ok = !!held && held.ids.some((id) => draw.hasFeature(id));
		const g = model.get(key);
		if (!ok && g && putInDraw(key, g)) ok = true;
		if (ok) {
			if (onStatic.has(key)) remove.push(key);
			back.push(...readOnlyOf(inDraw.get(key)));
		}
		patchStatic(remove, back);
		return ok;
	}

	/** the terra-draw id to select for a feature: `prefer` when it is one of its own, else its largest part (or the feature itself) */
	function mainId(key: string, prefer: string | null = null): string | null {
		const ids = (inDraw.get(key)?.ids ?? []).filter((id) => draw.hasFeature(id));
		if (prefer && ids.includes(prefer)) return prefer;
		if (ids.length < 2) return ids[0] ?? null;
		return mainPart(ids.map((id): Part => ({ id, path: [], geometry: pieces.get(id)!.geometry as PartGeometry, ref: null })))?.id ?? null;
	}

	/** selects `key` in terra-draw (on `prefer`, else the part already selected, else its largest part), or nothing */
	function selectInDraw(key: string | null, prefer: string | null = null) {
		const target = key ? mainId(key, prefer && keyOf(prefer) === key ? prefer : selectedPiece && keyOf(selectedPiece) === key ? selectedPiece : null) : null;
		muted = true;
		try {
			if (draw.getMode() !== 'select') draw.setMode('select');
			for (const f of draw.getSnapshot()) if (f.properties.selected && f.id !== target) draw.deselectFeature(f.id!);
			if (target && !draw.getSnapshotFeature(target)?.properties.selected) draw.selectFeature(target);
		} finally {
			muted = false;
		}
		selectedPiece = target;
		selectedKey = key;
		showSelected();
		reportPart();
	}

	draw.on('finish', (id, ctx) => {
		const f = draw.getSnapshotFeature(id);
		if (!f) return;
		const sid = String(id);
		const geometry = f.geometry as Geometry;
		if (ctx.action === 'draw') {
			pieces.set(sid, { key: sid, path: null, ref: geometry, geometry });
			inDraw.set(sid, { geometry, ids: [sid], readOnly: new Map(), asParts: false });
			cb.onCreate(sid, geometry);
			return;
		}
		const piece = pieces.get(sid);
		const h = piece && inDraw.get(piece.key);
		if (!piece || !h) return;
		if (!piece.path) {
			pieces.set(sid, { ...piece, ref: geometry, geometry });
			h.geometry = geometry;
			cb.onGeometry(piece.key, geometry);
		} else {
			// a part changed: put it back into its feature; the model gets the whole geometry
			const whole = replacePart(h.geometry, piece.path, geometry as PartGeometry);
			pieces.set(sid, { ...piece, ref: partRef(geometry as PartGeometry), geometry });
			h.geometry = whole;
			cb.onGeometry(piece.key, whole);
		}
		if (piece.key === selectedKey) showSelected();
	});
	draw.on('select', (id) => {
		selectedPiece = String(id);
		selectedKey = keyOf(selectedPiece);
		showSelected();
		reportPart();
		if (!muted) cb.onSelect(selectedKey);
	});
	draw.on('deselect', () => {
		selectedPiece = null;
		selectedKey = null;
		showSelected();
		reportPart();
		if (!muted) cb.onSelect(null);
	});

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
		const hit = pick(e);
		if (!hit || !activate(hit.key)) {
			if (hit) cb.onSelect(hit.key); // read-only: selected in the form, not on the map
			return;
		}
		selectInDraw(hit.key, hit.part);
		cb.onSelect(hit.key);
	};
	container.addEventListener('pointerdown', onDown, true);
	container.addEventListener('pointerup', onUp, true);

	/** the static feature under a pointer event (the nearest point, else a line, else a polygon) and, for a multi-geometry, the part clicked */
	function pick(e: PointerEvent): { key: string; part: string | null } | null {
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
			const id = h.properties?.key;
			if (typeof id !== 'string') continue;
			const key = featureKeyOf(id);
			const g = model.get(key);
			let rank = 2;
			let d = 0;
			if (g?.type === 'Point') {
				const p = map.project(g.coordinates as [number, number]);
				rank = 0;
				d = Math.hypot(p.x - x, p.y - y);
			} else if (h.layer.id === `${STATIC}-point` || h.layer.id === `${STATIC}-line`) rank = 1;
			if (!best || rank < best.rank || (rank === best.rank && d < best.d)) best = { key, rank, d };
		}
		if (!best) return null;
		const parts = partsOf(best.key, model.get(best.key) ?? null);
		return { key: best.key, part: parts ? partAt(parts, x, y) : null };
	}

	/** the part under a point of the canvas: the smallest ring around it (a hole before its polygon), else the nearest member within PICK_PX */
	function partAt(parts: readonly Part[], x: number, y: number): string | null {
		const { lng, lat } = map.unproject([x, y]);
		const inside = (ring: Position[]) => {
			let inn = false;
			for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
				const [xi, yi] = ring[i]!;
				const [xj, yj] = ring[j]!;
				if (yi! > lat !== yj! > lat && lng < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!) inn = !inn;
			}
			return inn;
		};
		const near = (positions: Position[]) => {
			let d = Infinity;
			const pts = positions.map((p) => map.project(p as [number, number]));
			if (pts.length === 1) return Math.hypot(pts[0]!.x - x, pts[0]!.y - y);
			for (let i = 0; i + 1 < pts.length; i++) {
				const a = pts[i]!;
				const b = pts[i + 1]!;
				const dx = b.x - a.x;
				const dy = b.y - a.y;
				const t = dx || dy ? Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy))) : 0;
				d = Math.min(d, Math.hypot(a.x + t * dx - x, a.y + t * dy - y));
			}
			return d;
		};
		let within: { id: string; size: number } | null = null;
		let nearest: { id: string; d: number } | null = null;
		for (const p of parts) {
			const g = p.geometry;
			if (g.type === 'Polygon' && inside(g.coordinates[0]!) && (!within || g.coordinates[0]!.length < within.size)) within = { id: p.id, size: g.coordinates[0]!.length };
			const d = near(g.type === 'Point' ? [g.coordinates] : g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates);
			if (d <= PICK_PX && (!nearest || d < nearest.d)) nearest = { id: p.id, d };
		}
		return within?.id ?? nearest?.id ?? null;
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
			for (const [k, h] of [...inDraw]) {
				const want = next.get(k);
				// removed from the model (a deleted feature, an undone drawing): the editor hears it is deselected;
				// one just drawn stays (the model hears of it right after, through onCreate)
				if (!want) {
					if (model.has(k) || !h.ids.some((id) => draw.hasFeature(id))) takeFromDraw(k, false);
				} else if (want !== h.geometry && want !== model.get(k) && !putInDraw(k, want)) takeFromDraw(k); // refused: read-only (below)
			}
			// the static source: everything else, and the parts terra-draw refused of what it holds
			const readOnly = new Map<string, Geometry>();
			for (const h of inDraw.values()) for (const [id, g] of readOnlyOf(h)) readOnly.set(id, g);
			for (const k of onStatic.keys()) if (readOnly.has(k) ? false : !next.has(k) || inDraw.has(k)) remove.push(k);
			for (const [k, g] of next) if (!inDraw.has(k) && onStatic.get(k) !== g) put.push([k, g]);
			for (const [id, g] of readOnly) if (onStatic.get(id) !== g) put.push([id, g]);
			model = next;
			patchStatic(remove, put);
			if (selectedKey && inDraw.has(selectedKey)) showSelected();
			reportPart();
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
			if (key && !activate(key)) {
				selectInDraw(null);
				return;
			}
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
		parts: (key) => (inDraw.get(key)?.asParts ? [...inDraw.get(key)!.ids] : []),
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
