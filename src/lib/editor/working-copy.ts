/**
 * The working copy of a layer: its features as an undo history of immutable
 * lists, the list last loaded or saved (unsaved edits exist while the present
 * is not that list, so undoing back to it clears them), the selected feature
 * and the part of it being reshaped, and the problems the server named on
 * features of it (each cleared when its feature is edited). Knows no server.
 */
import type { Feature, Geometry } from 'geojson';
import memoizeOne from 'memoize-one';
import { removePart, type SelectedPart } from '$lib/geo/parts';
import type { EditFeature } from './feature-model';
import { canRedo, canUndo, createHistory, push, redo, undo, type History } from './history';
import type { ServerProblems } from './refused-save';

let counter = 0;
/** Keys of features made in this session ("n" + number; loaded features use "f" + index). */
export const newKey = () => `n${Date.now().toString(36)}${(counter++).toString(36)}`;

/** features as the editor edits them, keyed `${prefix}${index}` */
export const toEdit = (fs: readonly Feature[], prefix: string): EditFeature[] =>
	fs.map((f, i) => ({ key: `${prefix}${i}`, geometry: f.geometry ?? null, properties: { ...((f.properties ?? {}) as Record<string, unknown>) } }));

export class WorkingCopy {
	readonly #changed: () => void;
	#history: History<EditFeature[]> = createHistory([]);
	#savedList = this.#history.present;
	#selectedKey: string | null = null;
	#part: SelectedPart | null = null;
	#serverProblems: ServerProblems = new Map();
	#find = memoizeOne((list: readonly EditFeature[], key: string | null) => list.find((f) => f.key === key));

	/** `changed` runs after every change */
	constructor(changed: () => void) {
		this.#changed = changed;
	}

	get features(): readonly EditFeature[] {
		return this.#history.present;
	}
	get dirty() {
		return this.#history.present !== this.#savedList;
	}
	get canUndo() {
		return canUndo(this.#history);
	}
	get canRedo() {
		return canRedo(this.#history);
	}
	get selectedKey() {
		return this.#selectedKey;
	}
	get selected(): EditFeature | undefined {
		return this.#find(this.features, this.#selectedKey);
	}
	/** the part of the selected feature being reshaped on the map */
	get part(): SelectedPart | null {
		return this.#part?.key === this.#selectedKey ? this.#part : null;
	}
	/** the selected feature's geometry without that part (null: it is the last part or an outer ring; delete the feature instead) */
	get withoutPart(): Geometry | null {
		const [g, part] = [this.selected?.geometry, this.part];
		return part && g ? removePart(g, part.path) : null;
	}
	get serverProblems(): ServerProblems {
		return this.#serverProblems;
	}
	find(key: string): EditFeature | undefined {
		return this.#find(this.features, key);
	}

	/** a layer loaded: a new history, nothing unsaved, nothing selected, no problems from the server */
	reset(features: EditFeature[]) {
		this.#history = createHistory(features);
		this.#savedList = features;
		this.#selectedKey = null;
		this.#part = null;
		this.#serverProblems = new Map();
		this.#changed();
	}
	/** `list` (a state of this history) is what the server now has */
	markSaved(list: readonly EditFeature[]) {
		this.#savedList = list as EditFeature[];
		this.#serverProblems = new Map();
		this.#changed();
	}
	setServerProblems(problems: ServerProblems) {
		this.#serverProblems = problems;
		this.#changed();
	}

	/** a new state of the features; with the same `tag` as the last step within a second (typing in one field), it replaces that step */
	commit(next: EditFeature[], tag?: string) {
		this.#history = push(this.#history, next, tag);
		this.#changed();
	}
	replace(key: string, make: (f: EditFeature) => EditFeature, tag?: string) {
		if (this.#serverProblems.has(key)) {
			const m = new Map(this.#serverProblems);
			m.delete(key);
			this.#serverProblems = m;
		}
		this.commit(
			this.features.map((f) => (f.key === key ? make(f) : f)),
			tag
		);
	}
	setGeometry(key: string, geometry: Geometry) {
		this.replace(key, (f) => ({ ...f, geometry }));
	}
	select(key: string | null) {
		if (key === this.#selectedKey) return;
		this.#selectedKey = key;
		this.#changed();
	}
	setPart(part: SelectedPart | null) {
		this.#part = part;
		this.#changed();
	}
	/** false when there is nothing to undo */
	undo(): boolean {
		if (!this.canUndo) return false;
		this.#history = undo(this.#history);
		this.#changed();
		return true;
	}
	redo(): boolean {
		if (!this.canRedo) return false;
		this.#history = redo(this.#history);
		this.#changed();
		return true;
	}

	/** features added, changed or removed since the last load or save (features are immutable: identity tells) */
	countUnsaved(): number {
		if (!this.dirty) return 0;
		const before = new Map(this.#savedList.map((f) => [f.key, f]));
		let n = 0;
		for (const f of this.features) if (before.get(f.key) !== f) n++;
		const now = new Set(this.features.map((f) => f.key));
		for (const k of before.keys()) if (!now.has(k)) n++;
		return n;
	}
}
