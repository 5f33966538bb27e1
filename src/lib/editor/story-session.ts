/**
 * A story editing session: the shared draft of the story edited in the
 * browser, and the conversation with the server about it. It holds the
 * working document and the version it started from (ETag, sent back as
 * If-Match), the chosen step, the problems (the same validation the server
 * runs, on every change, plus the server's 422 problems), a 409 conflict and
 * its way out (reload, keeping my version aside to put back or copy), and the
 * publish. Plain TypeScript: no map, no Svelte; whoever shows it subscribes
 * and reads it again on each change. Every request goes through StoryApi.
 */
import type { Story } from '$lib/schema/story';
import type { Lang } from '$lib/i18n/lang';
import { StoryApiError, StoryConflictError, type StoryApi, type StoryDoc, type StoryProblem, type StoryRole } from './story-api-client';
import type { PicturesStatus } from '$lib/api/story-api';

export type StepEntry = StoryDoc['steps']['steps'][number];
export type StepTextEntry = StoryDoc['text']['fr']['steps'][string];
export type SourceEntry = StoryDoc['sources']['sources'][number];
export type Validation = { ok: true; stories: { fr: Story; en: Story } } | { ok: false; problems: StoryProblem[] };
export const LANGS: readonly Lang[] = ['fr', 'en'];

export interface StoryConflict {
	etag: string;
	message: string;
	/** what changed since my version (null: the server could not say) */
	changed: readonly string[] | null;
}

export interface StoryState {
	readonly loading: boolean;
	readonly saving: boolean;
	readonly publishing: boolean;
	/** what just happened, in words */
	readonly status: string;
	/** the version a save starts from (If-Match) */
	readonly etag: string;
	readonly role: StoryRole | null;
	readonly publishedRev: string | null;
	readonly publishedAt: string | null;
	/** the saved draft differs from what readers see */
	readonly unpublishedChanges: boolean;
	/** index of the chosen step */
	readonly selected: number;
	/** edits not saved yet */
	readonly dirty: boolean;
	readonly conflict: StoryConflict | null;
	/** my version, kept aside by a reload after a conflict */
	readonly kept: StoryDoc | null;
	/** the server's problems from the last refused save (422) */
	readonly serverProblems: readonly StoryProblem[];
	/** said to screen readers (a live region): a step moved, added, removed */
	readonly announcement: string;
	/** the step pictures being drawn again after a publish (null: not asked yet) */
	readonly pictures: PicturesStatus | null;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** the path of a step's field in the document, as validateStoryDoc names it */
export const stepPath = (index: number, ...rest: (string | number)[]): (string | number)[] => ['steps', 'steps', index, ...rest];
/** the path of a step's text field in one language */
export const textPath = (lang: Lang, id: string, ...rest: (string | number)[]): (string | number)[] => ['text', lang, 'steps', id, ...rest];
/** the key of a field path: ['steps', 3, 'camera'] -> "steps.3.camera" */
export const pathKey = (path: readonly (string | number)[]) => path.join('.');

const EMPTY_TEXT = (): StepTextEntry => ({ kicker: '', title: '', body: [''], alt: '' });

export class StorySession {
	readonly #api: StoryApi;
	readonly #validate: (doc: StoryDoc) => Validation;
	readonly #listeners = new Set<() => void>();
	#doc: StoryDoc | null = null;
	#saved: string = '';
	#validation: { doc: StoryDoc; result: Validation } | null = null;
	#state: StoryState = {
		loading: true,
		saving: false,
		publishing: false,
		status: '',
		etag: '',
		role: null,
		publishedRev: null,
		publishedAt: null,
		unpublishedChanges: false,
		selected: 0,
		dirty: false,
		conflict: null,
		kept: null,
		serverProblems: [],
		announcement: '',
		pictures: null
	};

	constructor(api: StoryApi, validate: (doc: StoryDoc) => Validation) {
		this.#api = api;
		this.#validate = validate;
	}

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
	#set(patch: Partial<StoryState>) {
		this.#state = { ...this.#state, ...patch };
		for (const l of [...this.#listeners]) l();
	}
	get state(): StoryState {
		return this.#state;
	}
	/** the working document (null until loaded); never change it in place: use edit() */
	get doc(): StoryDoc | null {
		return this.#doc;
	}
	get steps(): readonly StepEntry[] {
		return this.#doc?.steps.steps ?? [];
	}
	get step(): StepEntry | undefined {
		return this.steps[this.#state.selected];
	}
	text(lang: Lang, id: string): StepTextEntry | undefined {
		return this.#doc?.text[lang].steps[id];
	}
	get sources(): readonly SourceEntry[] {
		return this.#doc?.sources.sources ?? [];
	}

	/** the validation of the working document (computed once per version) */
	get validation(): Validation {
		const doc = this.#doc;
		if (!doc) return { ok: false, problems: [] };
		if (this.#validation?.doc !== doc) this.#validation = { doc, result: this.#validate(doc) };
		return this.#validation.result;
	}
	/** Runs the checks again (what they check against changed, e.g. the layers' ids arrived). */
	recheck() {
		this.#validation = null;
		this.#set({});
	}
	/** every problem: the checks' and the server's last refusal */
	get problems(): readonly StoryProblem[] {
		const v = this.validation;
		return [...(v.ok ? [] : v.problems), ...this.#state.serverProblems];
	}
	/** problems of a field: its own and those of what is inside it */
	problemsAt(path: readonly (string | number)[]): StoryProblem[] {
		const key = pathKey(path);
		return this.problems.filter((p) => {
			const k = pathKey(p.path);
			return k === key || k.startsWith(key + '.');
		});
	}
	/** the step a problem is about (its index), or -1 */
	stepOfProblem(p: StoryProblem): number {
		const at = stepPath(0).length - 1;
		if (pathKey(p.path.slice(0, at)) === pathKey(stepPath(0).slice(0, at)) && typeof p.path[at] === 'number') return p.path[at];
		if (p.path[0] === 'text' && p.path[2] === 'steps' && typeof p.path[3] === 'string') return this.steps.findIndex((s) => s.id === p.path[3]);
		return -1;
	}
	/** problems per step index (the list shows how many each has) */
	problemCount(index: number): number {
		return this.problems.filter((p) => this.stepOfProblem(p) === index).length;
	}
	/** the features the working document names that no layer has: a save is refused while there are any */
	get unknownFeatures(): StoryProblem[] {
		return this.problems.filter((p) => /unknown feature/.test(p.message));
	}
	get canSave(): boolean {
		return !!this.#doc && !this.#state.saving && !this.#state.loading && this.problems.length === 0;
	}

	async load(status = 'Draft loaded') {
		this.#set({ loading: true, status: 'Loading the story…' });
		try {
			const d = await this.#api.draft();
			this.#doc = d.document;
			this.#saved = JSON.stringify(d.document);
			this.#set({
				loading: false,
				status,
				etag: d.etag,
				role: d.role,
				publishedRev: d.publishedRev,
				publishedAt: d.publishedAt,
				unpublishedChanges: d.unpublishedChanges,
				selected: Math.min(this.#state.selected, Math.max(0, d.document.steps.steps.length - 1)),
				dirty: false,
				conflict: null,
				serverProblems: []
			});
		} catch (e) {
			this.#set({ loading: false, status: `The story could not be loaded: ${messageOf(e)}` });
		}
	}

	select(index: number) {
		if (index < 0 || index >= this.steps.length || index === this.#state.selected) return;
		this.#set({ selected: index });
	}

	/** Changes a copy of the document; `patch` goes into the state with it. */
	edit(change: (doc: StoryDoc) => void, patch: Partial<StoryState> = {}) {
		if (!this.#doc) return;
		const next = structuredClone(this.#doc);
		change(next);
		this.#doc = next;
		this.#set({ dirty: JSON.stringify(next) !== this.#saved, serverProblems: [], ...patch });
	}
	updateStep(index: number, change: (s: StepEntry) => void) {
		this.edit((d) => {
			const s = d.steps.steps[index];
			if (s) change(s);
		});
	}
	updateText(lang: Lang, index: number, change: (t: StepTextEntry) => void) {
		this.edit((d) => {
			const id = d.steps.steps[index]?.id;
			if (id === undefined) return;
			const t = (d.text[lang].steps[id] ??= EMPTY_TEXT());
			change(t);
		});
	}

	/** Renames a step: its text follows it in both languages. */
	renameStep(index: number, id: string) {
		if (this.steps.some((s, i) => i !== index && s.id === id)) {
			this.#set({ status: `Step id "${id}" is already used by another step: choose another` });
			return;
		}
		this.edit((d) => {
			const s = d.steps.steps[index];
			if (!s || s.id === id) return;
			for (const lang of LANGS) d.text[lang].steps = renameKey(d.text[lang].steps, s.id, id);
			s.id = id;
		});
	}

	/** A new step after the chosen one, with its date, layers and camera, and empty texts to fill. */
	addStep() {
		const at = this.#state.selected;
		const from = this.steps[at];
		const taken = new Set(this.steps.map((s) => s.id));
		let n = 1;
		while (taken.has(`new-step-${n}`)) n++;
		const id = `new-step-${n}`;
		const step = {
			id,
			date: from?.date ?? '2022-01-10',
			period: from?.period ?? 'reported',
			camera: from ? structuredClone(from.camera) : { center: [68, 47], zoom: 4 },
			layers: { show: [...(from?.layers.show ?? ['kazakhstan'])] },
			highlight: [],
			sources: []
		} as unknown as StepEntry;
		const index = this.steps.length ? at + 1 : 0;
		this.edit(
			(d) => {
				d.steps.steps.splice(index, 0, step);
				for (const lang of LANGS) d.text[lang].steps[id] = EMPTY_TEXT();
			},
			{ selected: index, announcement: `New step added at position ${index + 1} of ${this.steps.length + 1}` }
		);
	}

	deleteStep(index: number) {
		const s = this.steps[index];
		if (!s) return;
		const label = this.label(index);
		this.edit(
			(d) => {
				d.steps.steps.splice(index, 1);
				for (const lang of LANGS) delete d.text[lang].steps[s.id];
			},
			{ selected: Math.max(0, Math.min(index, this.steps.length - 2)), announcement: `Step ${label} deleted` }
		);
	}

	/** Moves a step to another position (drag, or Alt+arrows), keeping it chosen. */
	moveStep(from: number, to: number) {
		const n = this.steps.length;
		if (from < 0 || from >= n || to < 0 || to >= n || from === to) return;
		const label = this.label(from);
		this.edit(
			(d) => {
				const [s] = d.steps.steps.splice(from, 1);
				d.steps.steps.splice(to, 0, s!);
			},
			{ selected: to, announcement: `Step ${label} moved to position ${to + 1} of ${n}` }
		);
	}

	/** How a step is named in the list and announcements: its English title, else its French one, else its id. */
	label(index: number): string {
		const s = this.steps[index];
		if (!s) return '';
		const title = this.text('en', s.id)?.title || this.text('fr', s.id)?.title;
		return title ? `“${title}”` : `"${s.id}"`;
	}

	toggleHighlight(index: number, featureId: string, layerOf?: (id: string) => string | undefined) {
		this.updateStep(index, (s) => {
			const on = s.highlight ?? [];
			if (on.includes(featureId)) s.highlight = on.filter((x) => x !== featureId);
			else {
				s.highlight = [...on, featureId];
				// a highlight must be in a layer the step shows: show it rather than refuse it
				const layer = layerOf?.(featureId);
				if (layer && !s.layers.show.includes(layer)) s.layers.show = [...s.layers.show, layer];
			}
		});
	}

	addSource(source: SourceEntry, citeIn?: number) {
		this.edit((d) => {
			d.sources.sources.push(source);
			const s = citeIn === undefined ? undefined : d.steps.steps[citeIn];
			if (s && !s.sources.includes(source.id)) s.sources = [...s.sources, source.id];
		});
	}

	async save() {
		const doc = this.#doc;
		if (!doc || this.#state.saving) return;
		const problems = this.problems;
		if (problems.length) {
			const unknown = this.unknownFeatures.length;
			this.#set({
				status: unknown
					? `Not saved: the story names ${unknown === 1 ? 'a feature' : `${unknown} features`} that no layer has`
					: `Not saved: fix the ${problems.length === 1 ? 'problem' : `${problems.length} problems`} shown next to the fields first`
			});
			return;
		}
		this.#set({ saving: true, status: 'Saving the draft…' });
		try {
			const r = await this.#api.save(doc, this.#state.etag);
			this.#saved = JSON.stringify(doc);
			this.#set({
				saving: false,
				etag: r.etag,
				dirty: JSON.stringify(this.#doc) !== this.#saved,
				unpublishedChanges: r.rev ? true : this.#state.unpublishedChanges,
				status: r.rev ? 'Draft saved: other editors see it; readers do not until it is published' : 'Nothing to save: the draft is unchanged'
			});
		} catch (e) {
			if (e instanceof StoryConflictError) {
				this.#set({
					saving: false,
					conflict: { etag: e.etag, message: e.message, changed: e.changed },
					status: 'Not saved: another editor saved the draft since you opened it'
				});
			} else if (e instanceof StoryApiError && e.problems.length) {
				this.#set({ saving: false, serverProblems: e.problems, status: `Not saved: ${e.message}` });
			} else this.#set({ saving: false, status: `Not saved: ${messageOf(e)}` });
		}
	}

	/** After a 409: load the draft as it is now, keeping my version aside (nothing I typed is lost). */
	async reloadKeepingMine() {
		const mine = this.#doc;
		await this.load('Reloaded the draft as the other editor saved it; your version is kept aside');
		if (mine && this.#doc) this.#set({ kept: mine });
	}
	/** Puts my kept version back over the reloaded draft (a save will then replace the other editor's changes). */
	reapplyKept() {
		const kept = this.#state.kept;
		if (!kept) return;
		this.edit(
			(d) => {
				Object.assign(d, structuredClone(kept));
			},
			{ kept: null, status: 'Your version is back: saving it replaces what the other editor changed' }
		);
	}
	dropKept() {
		this.#set({ kept: null });
	}

	published(): Promise<StoryDoc> {
		return this.#api.published();
	}

	/** Asks how the step pictures' drawing goes (the toolbar asks again while some are pending); a failed ask keeps the last answer. */
	async refreshPictures(): Promise<void> {
		try {
			this.#set({ pictures: await this.#api.pictures() });
		} catch {
			/* the next ask may get through */
		}
	}

	/** Publishes the saved draft. Returns null when it is published, else the refusal in words. */
	async publish(note: string, minor: boolean): Promise<string | null> {
		if (this.#state.dirty) return 'Save the draft first: only a saved draft is published';
		this.#set({ publishing: true, status: 'Publishing…' });
		try {
			const answer = await this.#api.publish(this.#state.etag, note, minor);
			if (answer.pictures) this.#set({ pictures: answer.pictures });
			await this.load('Published: readers see this version now');
			this.#set({ publishing: false });
			return null;
		} catch (e) {
			const why = e instanceof StoryConflictError ? 'another editor saved the draft since you loaded it: reload it and check before publishing' : messageOf(e);
			this.#set({ publishing: false, status: `Not published: ${why}` });
			return why;
		}
	}
}

/** a record with one key renamed, its order kept */
function renameKey<T>(rec: Record<string, T>, from: string, to: string): Record<string, T> {
	return Object.fromEntries(Object.entries(rec).map(([k, v]) => [k === from ? to : k, v]));
}
