/**
 * An edit session: one layer edited in the browser, and the conversation with
 * the server about it. It holds the working copy (working-copy.ts: features,
 * undo, selection, dirty), the layer as the server last gave it and its
 * version (ETag, sent back as If-Match), the checks (session-checks.ts), what
 * a save sends and what its answer changes: a new ETag; a 409 conflict and
 * its two ways out (merge, or reload keeping my edits aside); the server's
 * 422 problems by feature and field. Plain TypeScript: it knows no map and no
 * Svelte; whoever shows it subscribes and reads it again on each change.
 * Every request goes through the typed API client.
 */
import type { Feature, Geometry } from 'geojson';
import memoizeOne from 'memoize-one';
import type { Changes, RestoreAnswer } from '$lib/api/editor-api';
import type { StoryLayer } from '$lib/geo/layers';
import { EditorApiError, LayerConflictError, type EditorApi } from './api-client';
import type { CheckerOptions } from './checks';
import { blankProperties, displayName, setField, toCollection, type EditFeature } from './feature-model';
import { uniqueId } from './ids';
import { plural } from './plural';
import { applyKept, changedSince, mergeOnto, problemsByFeature } from './refused-save';
import { SessionChecks } from './session-checks';
import { toEdit, WorkingCopy } from './working-copy';

/** a layer of the catalogue as the editor shows it (its name in English) */
export type LayerInfo = Pick<StoryLayer, 'id' | 'file' | 'shape' | 'color'> & { name: string };
/** a save refused with 409: the version on the server, its words, what the other editor changed (null: not known) */
export type Conflict = Pick<LayerConflictError, 'etag' | 'message' | 'changed'>;
export interface SessionOptions {
	layers: readonly LayerInfo[];
	/** ids removed by some revision: never to be taken again */
	retiredIds: readonly string[];
	/** the source registry's ids: a feature cites only these */
	sourceIds: readonly string[];
	/** the layer to open first */
	layerId: string;
	checker?: CheckerOptions;
}

/** What the session says about itself: a new object on every change. */
export interface SessionState {
	readonly layerId: string;
	/** the version of the layer a save starts from (If-Match) */
	readonly etag: string;
	readonly loading: boolean;
	readonly saving: boolean;
	/** what just happened, in words */
	readonly status: string;
	/** the last save or restore: its revision (null: nothing changed) and what it changed */
	readonly saved: { rev: string | null; changes: Changes } | null;
	readonly conflict: Conflict | null;
	/** the server's problems that name no feature */
	readonly serverGeneral: readonly string[];
	/** my features kept aside by a reload after a conflict, to apply again one by one */
	readonly kept: readonly EditFeature[];
	/** changes with every recorded revision (the history list reloads) */
	readonly historyVersion: number;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const idsOf = (fs: readonly Feature[]) => fs.map((f) => String(f.properties?.id));

export class EditSession {
	readonly layers: readonly LayerInfo[];
	readonly copy: WorkingCopy;
	readonly checks: SessionChecks;
	readonly #api: EditorApi;
	readonly #listeners = new Set<() => void>();
	#state: SessionState;
	/** the layer as the server last gave it (loaded, saved or merged): what a 409 is resolved against */
	#base: Feature[] = [];
	/** bumped by every load: an answer to a request made before it is ignored */
	#loadSeq = 0;
	#kinds = memoizeOne((base: readonly Feature[]) => [...new Set(base.map((f) => String(f.properties?.kind)))]);

	constructor(api: EditorApi, options: SessionOptions) {
		this.#api = api;
		this.layers = options.layers;
		this.#state = {
			layerId: options.layerId,
			etag: '',
			loading: true,
			saving: false,
			status: '',
			saved: null,
			conflict: null,
			serverGeneral: [],
			kept: [],
			historyVersion: 0
		};
		this.copy = new WorkingCopy(() => this.#emit());
		this.checks = new SessionChecks(options.sourceIds, options.retiredIds, () => this.#emit(), options.checker);
	}

	/** `listener` runs after every change; returns the function that stops it */
	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
	#emit() {
		for (const l of [...this.#listeners]) l();
	}
	#set(patch: Partial<SessionState>) {
		this.#state = { ...this.#state, ...patch };
		this.#emit();
	}

	get state(): SessionState {
		return this.#state;
	}
	get layer(): LayerInfo {
		return this.layers.find((l) => l.id === this.#state.layerId)!;
	}
	get features(): readonly EditFeature[] {
		return this.copy.features;
	}
	/** problems of the layer (the client's and the server's) */
	get summary() {
		return this.checks.summary(this.copy.features, this.copy.serverProblems);
	}
	/** the kinds of the layer as the server has it: a new feature takes the first that fits its geometry */
	get kindsInLayer(): string[] {
		return this.#kinds(this.#base);
	}
	errorsOf(f: EditFeature): Map<string, string[]> {
		return this.checks.errorsOf(f, this.copy.features, this.copy.serverProblems);
	}

	/** Loads a layer (the working copy, its ETag, every other layer's ids), discarding unsaved edits; `keepKept`: my kept features stay listed. */
	async load(layerId: string, keepKept = false): Promise<void> {
		const seq = ++this.#loadSeq;
		this.#set({ layerId, loading: true, status: `Loading ${layerId}…` });
		try {
			const [mine, ids] = await Promise.all([this.#api.layer(layerId), this.#api.layerIds()]);
			if (seq !== this.#loadSeq) return;
			this.checks.reset(this.layer, idsOf(mine.features), ids, this.layers);
			this.#base = mine.features;
			this.copy.reset(toEdit(mine.features, 'f'));
			const status = `${this.layer.name}: ${plural(mine.features.length, 'feature')} loaded`;
			this.#set({ etag: mine.etag, conflict: null, serverGeneral: [], kept: keepKept ? this.#state.kept : [], status, loading: false });
		} catch (e) {
			if (seq === this.#loadSeq) this.#set({ status: `The layer could not be loaded: ${messageOf(e)}`, loading: false });
		}
	}

	/** Another layer: its features replace the working copy (unsaved edits are discarded: ask first). */
	switchLayer(layerId: string): Promise<void> {
		this.#state = { ...this.#state, saved: null };
		return this.load(layerId);
	}

	/** one field of the selected feature; a new feature's id follows its English name (unique, never one used before) */
	setField(field: string, value: unknown) {
		const key = this.copy.selectedKey;
		if (!key || !this.copy.selected) return;
		const taken = this.checks.takenIds(this.features, key);
		this.copy.replace(
			key,
			(f) => {
				let properties = setField(f.properties, field, value);
				if (field === 'name_en' && this.checks.isNew(f)) properties = { ...properties, id: String(value).trim() ? uniqueId(String(value), taken) : '' };
				return { ...f, properties };
			},
			`${key}:${field}`
		);
	}

	/** a feature drawn (or added at the map's centre): blank properties of a kind of the layer, selected */
	addFeature(key: string, geometry: Geometry, status: string) {
		this.copy.commit([...this.features, { key, geometry, properties: blankProperties(geometry.type, this.kindsInLayer) }]);
		this.copy.select(key);
		this.#set({ status });
	}

	removeSelected() {
		const f = this.copy.selected;
		if (!f) return;
		this.copy.commit(this.features.filter((x) => x.key !== f.key));
		this.copy.select(null);
		this.#set({ status: `Deleted ${displayName(f.properties)} (undo with Ctrl+Z)` });
	}

	/** removes the selected part (a polygon goes with its holes); returns the feature's key, or null when there is no such part */
	removeSelectedPart(): string | null {
		const [f, part, geometry] = [this.copy.selected, this.copy.part, this.copy.withoutPart];
		if (!f || !part || !geometry) return null;
		this.copy.setGeometry(f.key, geometry);
		this.#set({ status: `Deleted ${part.label} of ${displayName(f.properties)} (undo with Ctrl+Z)` });
		return f.key;
	}

	undo() {
		if (this.copy.undo()) this.#set({ status: 'Undone' });
	}
	redo() {
		if (this.copy.redo()) this.#set({ status: 'Redone' });
	}

	/** Saves the working copy from the version loaded (If-Match): a new ETag; or a conflict (409); or the server's problems by feature and field (422). */
	async save(): Promise<void> {
		const { problems, pending } = this.summary;
		if (problems || pending || this.#state.saving) return;
		const seq = this.#loadSeq;
		const sent = this.features;
		const body = toCollection(sent).features;
		this.#set({ saving: true, status: 'Saving…' });
		try {
			const answer = await this.#api.save(this.#state.layerId, body, this.#state.etag);
			if (seq !== this.#loadSeq) return; // another layer was loaded meanwhile
			this.#base = body;
			this.checks.retire(answer.changes.removed);
			this.checks.setKnownIds(idsOf(body));
			this.copy.markSaved(sent);
			this.#set({
				etag: answer.etag,
				saved: { rev: answer.rev, changes: answer.changes },
				conflict: null,
				serverGeneral: [],
				historyVersion: this.#state.historyVersion + 1,
				status: answer.rev ? `Saved as revision ${answer.rev.slice(0, 8)}` : 'Saved: the server already had this version'
			});
		} catch (e) {
			if (seq !== this.#loadSeq) return;
			if (e instanceof LayerConflictError) {
				this.#set({
					conflict: { etag: e.etag, message: e.message, changed: e.changed },
					status: 'Not saved: someone else saved this layer since you loaded it'
				});
			} else if (e instanceof EditorApiError && e.status === 422) {
				const { byKey, general } = problemsByFeature(e.problems, sent);
				this.copy.setServerProblems(byKey);
				const first = [...byKey.keys()][0];
				if (first) this.copy.select(first);
				this.#set({ serverGeneral: general, status: `Not saved: ${e.message}` });
			} else this.#set({ status: e instanceof EditorApiError && e.status > 0 ? `Not saved (${e.status}): ${e.message}` : `Not saved: ${messageOf(e)}` });
		} finally {
			if (this.#state.saving) this.#set({ saving: false });
		}
	}

	/** 409 → reload the server's version, keeping my changed features in a list to apply again one by one */
	async reloadKeepingEdits(): Promise<void> {
		this.#state = { ...this.#state, kept: changedSince(this.#base, this.features) };
		await this.load(this.#state.layerId, true);
	}

	/** a kept feature applied again: it replaces the feature with its id, or is added; selected */
	applyKept(kept: EditFeature) {
		const { features, key } = applyKept(this.features, kept);
		this.copy.commit(features);
		this.copy.select(key);
		this.#set({ kept: this.#state.kept.filter((x) => x !== kept) });
	}

	/** 409 → merge my edits onto the server's version (its ETag becomes the one a save names); features both changed keep mine and are listed */
	async mergeWithServer(): Promise<void> {
		const seq = this.#loadSeq;
		try {
			const theirs = await this.#api.layer(this.#state.layerId);
			if (seq !== this.#loadSeq) return;
			const merged = mergeOnto(this.#base, this.features, theirs.features);
			this.#base = theirs.features;
			this.checks.setKnownIds(idsOf(theirs.features), false);
			this.copy.commit(merged.features);
			this.#set({ etag: theirs.etag, conflict: null, status: merged.message });
		} catch (e) {
			this.#set({ status: `Not merged: ${messageOf(e)}` });
		}
	}

	/** Adds imported features as one undoable step, checked again first: nothing invalid is added. */
	importFeatures(fs: readonly Feature[]) {
		const added = this.checks.validIncoming(toEdit(fs, `n-imp${Date.now().toString(36)}-`), this.features);
		if (added.length) this.copy.commit([...this.features, ...added]);
		const refused = fs.length - added.length;
		this.#set({ status: `Imported ${plural(added.length, 'feature')}: save to keep them${refused ? `; ${refused} refused, invalid now` : ''}` });
	}

	/** A revision was restored (as a new one): the layer is loaded again. */
	async restored(r: RestoreAnswer): Promise<void> {
		await this.load(this.#state.layerId);
		const saved = { rev: r.rev, changes: { added: [], modified: [], removed: [] } };
		this.#set({ saved, historyVersion: this.#state.historyVersion + 1, status: `Restored revision ${r.restored.slice(0, 8)} as ${r.rev.slice(0, 8)}` });
	}

	/** the session is closed: background checks stop, nobody is told of changes any more */
	stop() {
		this.checks.stop();
		this.#listeners.clear();
	}
}
