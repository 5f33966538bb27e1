/**
 * The editor's drawing on a MapLibre map. The editor's model stays the source
 * of truth: this mirrors its geometries onto the map (sync) and reports what
 * the editor draws, moves and reshapes (DrawCallbacks), always by the model's
 * feature key. Invalid features get a red marking (setInvalid).
 *
 * Big layers: terra-draw holds only the feature being edited (the "active"
 * one, plus what is being drawn: held-features.ts); every other feature is
 * drawn whole from a plain GeoJSON source patched by diffs
 * (static-source.ts), and a click on one of them (pick.ts) hands it to
 * terra-draw, selected, ready to move or reshape. When a feature stops being
 * active, its whole geometry goes back to the static source. What terra-draw
 * refuses (a whole feature, or some of its parts) stays read-only there.
 */
import type { Geometry } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { addOverlayLayers, addStaticLayers, asFeature, EMPTY, INVALID, removeDrawLayers, SELECTED } from './draw-layers';
import { HeldFeatures } from './held-features';
import { listenForClicks, pickStatic, PICK_PX } from './pick';
import { StaticSource } from './static-source';
import { createTerraDraw } from './terra-draw-setup';
import type { DrawCallbacks, DrawHandle, DrawItem, DrawOptions } from './types';

export function createDraw(map: MapLibreMap, { color, newKey }: DrawOptions, cb: DrawCallbacks): DrawHandle {
	removeDrawLayers(map);
	addStaticLayers(map, color);
	const draw = createTerraDraw(map, color, newKey);
	addOverlayLayers(map);

	const held = new HeldFeatures(draw);
	const onStatic = new StaticSource(map);
	/** the model as last synced: key -> geometry (features without a geometry are not drawn) */
	let model = new Map<string, Geometry>();
	/** selected before the model knew the key (a feature just added): activated on the next sync */
	let pendingSelect: string | null = null;

	/** outlines the whole selected feature when it is drawn as parts (one part alone shows terra-draw's selection) */
	function showSelected() {
		const whole = held.selectedAsParts();
		(map.getSource(SELECTED) as GeoJSONSource | undefined)?.setData(
			whole ? { type: 'FeatureCollection', features: [asFeature(whole.key, whole.geometry)] } : EMPTY
		);
	}
	let partReported = '';
	/** tells the editor which part of the selected feature is being reshaped (when that changed) */
	function reportPart() {
		const part = held.selectedPart();
		const said = part ? `${part.key} ${part.path.join('.')} ${part.label}` : '';
		if (said === partReported) return;
		partReported = said;
		cb.onPart?.(part);
	}
	function selectionChanged() {
		showSelected();
		reportPart();
	}
	/** takes a feature out of terra-draw; `quiet`: without telling the editor it was deselected */
	function take(key: string, quiet = true) {
		if (held.take(key, quiet)) selectionChanged();
	}
	function selectInDraw(key: string | null, prefer: string | null = null) {
		held.select(key, prefer);
		selectionChanged();
	}

	/** hands `key` to terra-draw (and every other feature back to the static source); true when it is editable there */
	function activate(key: string): boolean {
		const back: [string, Geometry][] = [];
		const remove: string[] = [];
		for (const k of [...held.keys()]) {
			if (k === key) continue;
			remove.push(...held.readOnlyOf(k).map(([id]) => id));
			take(k);
			const g = model.get(k);
			if (g) back.push([k, g]);
		}
		let ok = held.isEditable(key);
		const g = model.get(key);
		if (!ok && g && held.put(key, g)) ok = true;
		if (ok) {
			if (onStatic.has(key)) remove.push(key);
			back.push(...held.readOnlyOf(key));
		}
		onStatic.patch(remove, back);
		return ok;
	}

	draw.on('finish', (id, ctx) => {
		const f = draw.getSnapshotFeature(id);
		if (!f) return;
		const sid = String(id);
		const geometry = f.geometry as Geometry;
		if (ctx.action === 'draw') {
			held.adopt(sid, geometry);
			cb.onCreate(sid, geometry);
			return;
		}
		const changed = held.reshaped(sid, geometry);
		if (!changed) return;
		cb.onGeometry(changed.key, changed.geometry);
		if (changed.key === held.selectedKey) showSelected();
	});
	draw.on('select', (id) => {
		held.selectedIn(String(id));
		selectionChanged();
		if (!held.muted) cb.onSelect(held.selectedKey);
	});
	draw.on('deselect', () => {
		held.selectedIn(null);
		selectionChanged();
		if (!held.muted) cb.onSelect(null);
	});

	// a click on a feature of the static source selects it (terra-draw only knows the active one)
	const stopListening = listenForClicks(map.getCanvasContainer(), (e, at) => {
		if (draw.getMode() !== 'select') return;
		if (draw.getFeaturesAtPointerEvent(e, { pointerDistance: PICK_PX }).length) return; // terra-draw's own
		const hit = pickStatic(map, at, model);
		if (!hit || !activate(hit.key)) {
			if (hit) cb.onSelect(hit.key); // read-only: selected in the form, not on the map
			return;
		}
		selectInDraw(hit.key, hit.part);
		cb.onSelect(hit.key);
	});

	let invalidShown: readonly DrawItem[] = [];
	const sameItems = (a: readonly DrawItem[], b: readonly DrawItem[]) =>
		a.length === b.length && a.every((x, i) => x.key === b[i]!.key && x.geometry === b[i]!.geometry);
	return {
		setMode(tool) {
			if (draw.getMode() === tool) return;
			held.muted = true;
			try {
				draw.setMode(tool);
			} finally {
				held.muted = false;
			}
			if (tool !== 'select') cb.onSelect(null);
		},
		sync(items) {
			const next = new Map<string, Geometry>();
			for (const i of items) if (i.geometry) next.set(i.key, i.geometry);
			const remove: string[] = [];
			const put: [string, Geometry][] = [];
			// terra-draw: drop what the model no longer has, follow what it changed (undo, redo, merges)
			for (const k of [...held.keys()]) {
				const want = next.get(k);
				// removed from the model (a deleted feature, an undone drawing): the editor hears it is deselected;
				// one just drawn stays (the model hears of it right after, through onCreate)
				if (!want) {
					if (model.has(k) || !held.isEditable(k)) take(k, false);
				} else if (want !== held.geometryOf(k) && want !== model.get(k) && !held.put(k, want)) take(k); // refused: read-only (below)
			}
			// the static source: everything else, and the parts terra-draw refused of what it holds
			const readOnly = new Map<string, Geometry>();
			for (const k of held.keys()) for (const [id, g] of held.readOnlyOf(k)) readOnly.set(id, g);
			for (const k of onStatic.keys()) if (readOnly.has(k) ? false : !next.has(k) || held.has(k)) remove.push(k);
			for (const [k, g] of next) if (!held.has(k) && onStatic.get(k) !== g) put.push([k, g]);
			for (const [id, g] of readOnly) if (onStatic.get(id) !== g) put.push([id, g]);
			model = next;
			onStatic.patch(remove, put);
			if (held.selectedKey && held.has(held.selectedKey)) showSelected();
			reportPart();
			if (pendingSelect && next.has(pendingSelect)) {
				const k = pendingSelect;
				pendingSelect = null;
				if (activate(k)) selectInDraw(k);
			}
		},
		select(key) {
			if (key && !model.has(key) && !held.has(key)) {
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
		keys: () => [...new Set([...model.keys(), ...held.keys()])],
		parts: (key) => held.partIds(key),
		destroy() {
			onStatic.destroy();
			stopListening();
			try {
				draw.stop();
				removeDrawLayers(map);
			} catch {
				/* the map may already be gone */
			}
		}
	};
}
