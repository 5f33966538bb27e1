/**
 * What terra-draw holds: the active feature (the one being moved or
 * reshaped) and what is being drawn, and which of them is selected. A feature
 * is held whole, or, when it is a multi-geometry or a polygon with holes, as
 * one terra-draw feature per part ($lib/geo/parts): a changed part is put
 * back into the feature's geometry, the parts that did not change stay as
 * they are (and selected). What terra-draw refuses is remembered as
 * read-only, for the static source to draw.
 */
import type { Geometry } from 'geojson';
import { featureKeyOf, mainPart, partLabel, partRef, partsOf, replacePart, type Part, type PartGeometry, type SelectedPart } from '$lib/geo/parts';
import { MODE_OF, type GeoJSONStoreFeatures, type TerraDraw } from './terra-draw-setup';

/** One terra-draw feature: a whole model feature, or one part of it. */
interface Piece {
	key: string;
	/** where the part sits in the feature's geometry; null for a whole feature */
	path: number[] | null;
	/** identity of what was mirrored: the whole geometry, or the part's array */
	ref: unknown;
	geometry: Geometry;
}
/** A feature held by terra-draw. */
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

export class HeldFeatures {
	readonly #draw: TerraDraw;
	/** what terra-draw holds, by model key */
	readonly #held = new Map<string, Held>();
	/** terra-draw id -> what it mirrors */
	readonly #pieces = new Map<string, Piece>();
	/** the selected feature, and the terra-draw feature selected (the feature itself, or one of its parts) */
	selectedKey: string | null = null;
	selectedPiece: string | null = null;
	/** true while terra-draw's select and deselect events come from our own calls, not from the editor's hand */
	muted = false;

	constructor(draw: TerraDraw) {
		this.#draw = draw;
	}

	has = (key: string) => this.#held.has(key);
	keys = () => this.#held.keys();
	/** the whole geometry of a held feature, as last given or reported */
	geometryOf = (key: string) => this.#held.get(key)?.geometry;
	/** the model key of a terra-draw id (a part id names its feature) */
	keyOf = (id: string) => this.#pieces.get(id)?.key ?? featureKeyOf(id);
	/** terra-draw ids of a feature's parts while it is held as parts ([] otherwise) */
	partIds = (key: string) => (this.#held.get(key)?.asParts ? [...this.#held.get(key)!.ids] : []);
	/** terra-draw really has (some of) the feature */
	isEditable = (key: string) => !!this.#held.get(key)?.ids.some((id) => this.#draw.hasFeature(id));
	/** the parts of a held feature that terra-draw refused, as [part id, geometry] for the static source */
	readOnlyOf = (key: string) => [...(this.#held.get(key)?.readOnly ?? [])].map(([id, p]) => [id, p.geometry] as [string, Geometry]);

	/**
	 * Gives terra-draw a feature (whole, or its parts); parts that did not change stay as they are (and selected).
	 * False when it refuses all of it: it then stays read-only on the static source.
	 */
	put(key: string, geometry: Geometry): boolean {
		const draw = this.#draw;
		const pieces = this.#pieces;
		const parts = partsOf(key, geometry);
		if (!parts && !MODE_OF[geometry.type]) return false;
		const next: { id: string; piece: Piece }[] = parts
			? parts.map((p) => ({ id: p.id, piece: { key, path: p.path, ref: p.ref, geometry: p.geometry } }))
			: [{ id: key, piece: { key, path: null, ref: geometry, geometry } }];
		const byId = new Map(next.map((n) => [n.id, n.piece]));
		const old = this.#held.get(key);
		const wasSelected = this.selectedPiece && old?.ids.includes(this.selectedPiece) ? this.selectedPiece : null;
		this.muted = true;
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
				if (refused && refused.ref === n.piece.ref)
					readOnly.set(n.id, n.piece); // refused before, unchanged: not tried again
				else add.push(n);
			}
			const results = add.length
				? draw.addFeatures(
						add.map(
							(n) => ({ type: 'Feature', id: n.id, geometry: n.piece.geometry, properties: { mode: MODE_OF[n.piece.geometry.type]! } }) as GeoJSONStoreFeatures
						)
					)
				: [];
			const valid = new Set(results.filter((r) => r.valid).map((r) => String(r.id)));
			const ids: string[] = [];
			for (const n of next)
				if (kept.has(n.id) || valid.has(n.id)) {
					ids.push(n.id);
					pieces.set(n.id, n.piece);
				} else readOnly.set(n.id, n.piece);
			if (!ids.length) {
				this.#held.delete(key);
				return false;
			}
			this.#held.set(key, { geometry, ids, readOnly, asParts: !!parts });
			// the feature stays selected, on the same part when it is still there
			if (wasSelected) {
				const target = ids.includes(wasSelected) ? wasSelected : this.mainId(key);
				if (target && !draw.getSnapshotFeature(target)?.properties.selected) draw.selectFeature(target);
				this.selectedPiece = target;
				this.selectedKey = key;
			}
			return true;
		} finally {
			this.muted = false;
		}
	}

	/**
	 * Takes a feature out of terra-draw; `quiet`: without the editor hearing it was deselected.
	 * True when it was the selected feature (nothing is selected now).
	 */
	take(key: string, quiet = true): boolean {
		const h = this.#held.get(key);
		const ids = (h?.ids ?? [key]).filter((id) => this.#draw.hasFeature(id));
		this.muted = quiet;
		try {
			if (ids.length) this.#draw.removeFeatures(ids);
		} finally {
			this.muted = false;
		}
		for (const id of h?.ids ?? []) this.#pieces.delete(id);
		this.#held.delete(key);
		if (this.selectedKey !== key) return false;
		this.selectedKey = null;
		this.selectedPiece = null;
		return true;
	}

	/** the terra-draw id to select for a feature: `prefer` when it is one of its own, else its largest part (or the feature itself) */
	mainId(key: string, prefer: string | null = null): string | null {
		const ids = (this.#held.get(key)?.ids ?? []).filter((id) => this.#draw.hasFeature(id));
		if (prefer && ids.includes(prefer)) return prefer;
		if (ids.length < 2) return ids[0] ?? null;
		return mainPart(ids.map((id): Part => ({ id, path: [], geometry: this.#pieces.get(id)!.geometry as PartGeometry, ref: null })))?.id ?? null;
	}

	/** selects `key` in terra-draw (on `prefer`, else the part already selected, else its largest part), or nothing */
	select(key: string | null, prefer: string | null = null) {
		const draw = this.#draw;
		const current = this.selectedPiece;
		const target = key ? this.mainId(key, prefer && this.keyOf(prefer) === key ? prefer : current && this.keyOf(current) === key ? current : null) : null;
		this.muted = true;
		try {
			if (draw.getMode() !== 'select') draw.setMode('select');
			for (const f of draw.getSnapshot()) if (f.properties.selected && f.id !== target) draw.deselectFeature(f.id!);
			if (target && !draw.getSnapshotFeature(target)?.properties.selected) draw.selectFeature(target);
		} finally {
			this.muted = false;
		}
		this.selectedPiece = target;
		this.selectedKey = key;
	}

	/** terra-draw selected (or deselected: null) one of its features */
	selectedIn(id: string | null) {
		this.selectedPiece = id;
		this.selectedKey = id === null ? null : this.keyOf(id);
	}

	/** a feature just drawn: held whole, under the key terra-draw gave it */
	adopt(key: string, geometry: Geometry) {
		this.#pieces.set(key, { key, path: null, ref: geometry, geometry });
		this.#held.set(key, { geometry, ids: [key], readOnly: new Map(), asParts: false });
	}

	/** a held feature or part was moved or reshaped: the feature's whole new geometry (null: not one of ours) */
	reshaped(id: string, geometry: Geometry): { key: string; geometry: Geometry } | null {
		const piece = this.#pieces.get(id);
		const h = piece && this.#held.get(piece.key);
		if (!piece || !h) return null;
		if (!piece.path) {
			this.#pieces.set(id, { ...piece, ref: geometry, geometry });
			h.geometry = geometry;
		} else {
			// a part changed: put it back into its feature; the model gets the whole geometry
			h.geometry = replacePart(h.geometry, piece.path, geometry as PartGeometry);
			this.#pieces.set(id, { ...piece, ref: partRef(geometry as PartGeometry), geometry });
		}
		return { key: piece.key, geometry: h.geometry };
	}

	/** the selected feature, when it is held as parts (its whole geometry is outlined) */
	selectedAsParts(): { key: string; geometry: Geometry } | null {
		const h = this.selectedKey ? this.#held.get(this.selectedKey) : undefined;
		return h?.asParts ? { key: this.selectedKey!, geometry: h.geometry } : null;
	}

	/** the part of the selected feature being reshaped (null: none, or it is held whole) */
	selectedPart(): SelectedPart | null {
		const piece = this.selectedPiece ? this.#pieces.get(this.selectedPiece) : undefined;
		const h = piece && this.#held.get(piece.key);
		return piece?.path && h ? { key: piece.key, path: piece.path, label: partLabel(h.geometry, piece.path) } : null;
	}
}
