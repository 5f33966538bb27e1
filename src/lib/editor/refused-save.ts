/**
 * What follows a refused save, as pure functions. A 422: the server's
 * problems, by the feature they name and its form field. A 409 (someone
 * saved the layer since it was loaded), from the layer as loaded (`base`), my
 * working copy and the server's version: keep my changed features aside to
 * apply again one by one after a reload, or merge my edits onto theirs
 * (features only one side changed take that side; features both changed keep
 * mine and are listed).
 */
import type { Feature } from 'geojson';
import type { Problem } from '$lib/api/editor-api';
import { diff, merge } from './merge';
import { fieldOf, toCollection, type EditFeature } from './feature-model';

/** problems the server named, by feature key then form field */
export type ServerProblems = ReadonlyMap<string, ReadonlyMap<string, string[]>>;

/** The server's 422 problems by the key of the feature they name (by its index in what was sent) and form field; the rest are general. */
export function problemsByFeature(problems: readonly Problem[], sent: readonly EditFeature[]): { byKey: ServerProblems; general: string[] } {
	const byKey = new Map<string, Map<string, string[]>>();
	const general: string[] = [];
	for (const p of problems) {
		const f = typeof p.feature === 'number' ? sent[p.feature] : undefined;
		if (!f) {
			general.push(p.message);
			continue;
		}
		const byField = byKey.get(f.key) ?? new Map<string, string[]>();
		const k = fieldOf(p.field);
		byField.set(k, [...(byField.get(k) ?? []), p.message]);
		byKey.set(f.key, byField);
	}
	return { byKey, general };
}

const idOf = (f: { properties: Record<string, unknown> | null }) => String(f.properties?.id);

/** my features added or modified since `base`: what a reload would lose */
export function changedSince(base: readonly Feature[], mine: readonly EditFeature[]): EditFeature[] {
	const d = diff(base, toCollection(mine).features);
	const changed = new Set([...d.added, ...d.modified]);
	return mine.filter((f) => changed.has(idOf(f)));
}

/** the working copy with a kept feature applied again: it replaces the feature of the same id, or is added */
export function applyKept(features: readonly EditFeature[], kept: EditFeature): { features: EditFeature[]; key: string } {
	const id = idOf(kept);
	const at = features.findIndex((f) => idOf(f) === id);
	const next = { ...kept, key: at >= 0 ? features[at]!.key : kept.key.startsWith('n') ? kept.key : `n-${kept.key}` };
	return { features: at >= 0 ? features.map((f, i) => (i === at ? next : f)) : [...features, next], key: next.key };
}

export interface Merged {
	features: EditFeature[];
	/** what the status line says: what came from the other editor, or what both changed */
	message: string;
}

/** my edits merged onto the server's version; my features keep their keys (the map and the selection follow them) */
export function mergeOnto(base: readonly Feature[], mine: readonly EditFeature[], theirs: readonly Feature[], stamp = Date.now().toString(36)): Merged {
	const m = merge(base, toCollection(mine).features, theirs);
	const keyOf = new Map(mine.map((f) => [idOf(f), f.key]));
	const features = m.features.map((f, i) => ({
		key: keyOf.get(idOf(f)) ?? `m${stamp}${i}`,
		geometry: f.geometry ?? null,
		properties: { ...(f.properties as Record<string, unknown>) }
	}));
	const message = m.conflicts.length
		? `Merged. Both you and the other editor changed ${m.conflicts.join(', ')}: your version is kept, check them before saving`
		: `Merged with the other editor's changes (${[...m.theirs.added, ...m.theirs.modified, ...m.theirs.removed].join(', ') || 'none'}): check, then save`;
	return { features, message };
}
