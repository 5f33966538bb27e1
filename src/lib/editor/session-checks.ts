/**
 * The checks of an edit session's layer: each feature's own checks (cached
 * per feature object, big batches in background slices: LayerChecker) plus
 * those against the rest of the data (ids of the other layers, ids retired by
 * the history, the source registry, duplicates in the layer), and the
 * server's answer to the last refused save. What it computes for a list of
 * features is remembered until the list, the context or the progress of the
 * background checks changes: reading it many times per frame costs nothing.
 */
import memoizeOne from 'memoize-one';
import { LayerChecker, type CheckerOptions } from './checks';
import { checkFeature, idProblems, type EditFeature, type FeatureCheck, type IdContext, type OwnCheck } from './feature-model';
import type { ServerProblems } from './refused-save';
import type { LayerIdsAnswer } from '$lib/api/editor-api';

interface LayerFile {
	id: string;
	file: string;
}

export interface ChecksSummary {
	/** features not checked yet (background slices still running) */
	pending: number;
	problems: number;
	/** keys of the features with a problem (the client's or the server's) */
	invalid: ReadonlySet<string>;
}

export class SessionChecks {
	readonly #sourceIds: ReadonlySet<string>;
	readonly #onProgress: () => void;
	readonly #options: CheckerOptions;
	#checker: LayerChecker;
	#tick = 0;
	#otherLayerIds: ReadonlyMap<string, string> = new Map();
	#retired: ReadonlySet<string>;
	#knownIds: ReadonlySet<string> = new Set();

	/** `onProgress`: background checks moved on (what summary() says changed) */
	constructor(sourceIds: Iterable<string>, retiredIds: Iterable<string>, onProgress: () => void, options: CheckerOptions = {}) {
		this.#sourceIds = new Set(sourceIds);
		this.#retired = new Set(retiredIds);
		this.#onProgress = onProgress;
		this.#options = options;
		this.#checker = new LayerChecker('', () => {}, options);
	}

	get file() {
		return this.#checker.file;
	}

	/** a layer was loaded: its file, the ids it holds (they may stay), and every layer's ids (those of the others must not be taken) */
	reset(layer: LayerFile, knownIds: Iterable<string>, idsByLayer: LayerIdsAnswer, layers: readonly LayerFile[]) {
		const otherLayerIds = new Map<string, string>();
		for (const l of layers) if (l.id !== layer.id) for (const id of idsByLayer[l.id] ?? []) otherLayerIds.set(id, l.file);
		this.#checker.stop();
		this.#checker = new LayerChecker(
			layer.file,
			() => {
				this.#tick++;
				this.#onProgress();
			},
			this.#options
		);
		this.#knownIds = new Set(knownIds);
		this.#otherLayerIds = otherLayerIds;
	}

	/** ids now held by the layer as saved (`replace`), or added to them (a merge) */
	setKnownIds(ids: Iterable<string>, replace = true) {
		this.#knownIds = new Set(replace ? ids : [...this.#knownIds, ...ids]);
	}

	/** ids a save removed: never to be taken again */
	retire(ids: readonly string[]) {
		if (ids.length) this.#retired = new Set([...this.#retired, ...ids]);
	}

	stop() {
		this.#checker.stop();
	}

	get context(): IdContext {
		return this.#context(this.#otherLayerIds, this.#retired, this.#knownIds);
	}
	#context = memoizeOne((otherLayerIds: ReadonlyMap<string, string>, retiredIds: ReadonlySet<string>, knownIds: ReadonlySet<string>): IdContext => ({
		otherLayerIds,
		retiredIds,
		knownIds,
		sourceIds: this.#sourceIds
	}));

	/** how often each id occurs in the layer */
	idCount = memoizeOne((features: readonly EditFeature[]): ReadonlyMap<string, number> => {
		const m = new Map<string, number>();
		for (const f of features) {
			const id = String(f.properties.id ?? '');
			m.set(id, (m.get(id) ?? 0) + 1);
		}
		return m;
	});

	/** problems of the layer: how many, which features, how many not checked yet */
	summary(features: readonly EditFeature[], server: ServerProblems): ChecksSummary {
		return this.#summary(features, server, this.#checker, this.context, this.#tick);
	}
	#summary = memoizeOne((list: readonly EditFeature[], server: ServerProblems, c: LayerChecker, ctx: IdContext, tick: number): ChecksSummary => {
		void tick;
		const pending = c.ensure(list);
		const counts = this.idCount(list);
		let problems = 0;
		const invalid = new Set<string>();
		for (const f of list) {
			const n = (c.known(f)?.problems.length ?? 0) + idProblems(f, c.file, ctx, counts).length;
			if (n || server.get(f.key)?.size) invalid.add(f.key);
			problems += n;
		}
		return { pending, problems, invalid };
	});

	/** the feature's own checks (computed now if not known yet) */
	own(f: EditFeature): OwnCheck {
		return this.#checker.now(f);
	}

	/** everything the server would refuse in a feature of the layer */
	check(f: EditFeature, features: readonly EditFeature[]): FeatureCheck {
		return checkFeature(f, this.file, this.context, this.idCount(features), this.#checker.now(f));
	}

	/** problems of a feature of the layer by form field: the client's checks, then the server's (prefixed "server:") */
	errorsOf(f: EditFeature, features: readonly EditFeature[], server: ServerProblems): Map<string, string[]> {
		const out = new Map(this.check(f, features).byField);
		// a new feature's id comes from its English name: while that is empty, say so once (under the name)
		if (!f.properties.id && this.isNew(f)) out.delete('id');
		for (const [k, v] of server.get(f.key) ?? []) out.set(k, [...(out.get(k) ?? []), ...v.map((m) => `server: ${m}`)]);
		return out;
	}

	/** an incoming feature checked as if added to the layer now (ids counted with the other incoming ones) */
	checkIncoming(f: EditFeature, incomingIds: ReadonlyMap<string, number>, features: readonly EditFeature[]): FeatureCheck {
		const id = String(f.properties.id ?? '');
		return checkFeature(f, this.file, this.context, new Map([[id, (this.idCount(features).get(id) ?? 0) + (incomingIds.get(id) ?? 0)]]));
	}

	/** the incoming features (an import) valid if added to the layer now, checked together */
	validIncoming(incoming: readonly EditFeature[], features: readonly EditFeature[]): EditFeature[] {
		const counts = new Map<string, number>();
		for (const f of incoming) counts.set(String(f.properties.id ?? ''), (counts.get(String(f.properties.id ?? '')) ?? 0) + 1);
		return incoming.filter((f) => this.checkIncoming(f, counts, features).problems.length === 0);
	}

	/** a feature the layer did not hold when loaded (or drawn in this session): its id is made from its name */
	isNew = (f: EditFeature) => !this.#knownIds.has(String(f.properties.id)) || f.key.startsWith('n');

	/** ids a new id must not take: other layers', retired ones, and this layer's (but the feature `except`'s own) */
	takenIds(features: readonly EditFeature[], except?: string): Pick<Set<string>, 'has'> {
		const counts = this.idCount(features);
		const own = except ? String(features.find((f) => f.key === except)?.properties.id ?? '') : '';
		return { has: (id) => this.#otherLayerIds.has(id) || this.#retired.has(id) || (counts.get(id) ?? 0) - (id === own ? 1 : 0) > 0 };
	}

	/** the same, as a set an import can add its own incoming ids to (built when asked: imports are rare) */
	takenIdSet(features: readonly EditFeature[]): Set<string> {
		return new Set([...this.#otherLayerIds.keys(), ...this.#retired, ...[...this.idCount(features).keys()].filter(Boolean)]);
	}
}
