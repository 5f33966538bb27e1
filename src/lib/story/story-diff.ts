/**
 * What changed between two story documents, field by field, and whether a
 * reader would notice (text, dates, periods, citations, figures): the 409
 * answer names these changes, the publish step asks for a note when a
 * reader-visible one is among them, and the corrections log records them.
 * Pure, browser-safe.
 */
import type { StoryDocument } from '$lib/schema/story-document';
import { LANGS, type Lang } from '$lib/i18n/lang';

export type ChangeKind = 'story' | 'step' | 'figure' | 'source';

export interface StoryChange {
	kind: ChangeKind;
	/** the step, figure or source id (none for the story as a whole) */
	id?: string;
	/** the field changed, or "added" / "removed" for a whole step, figure or source */
	field: string;
	lang?: Lang;
	/** a reader sees it (text, date, period, citation, figure): publishing it needs a note or "minor" */
	visible: boolean;
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});
const list = (v: unknown): Rec[] => (Array.isArray(v) ? v.map(rec) : []);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const byId = (items: Rec[]) => new Map(items.filter((i) => typeof i.id === 'string').map((i) => [i.id as string, i]));

/** step fields a reader does not see as such (the map follows them; no note needed) */
const MAP_ONLY_STEP_FIELDS = new Set(['camera', 'layers', 'highlight']);
/** source fields readers never see */
const EDITOR_ONLY_SOURCE_FIELDS = new Set(['note']);

/** Fields of `a` and `b` that differ (keys of either, in a stable order). */
function changedFields(a: Rec, b: Rec, skip: string[] = []): string[] {
	const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.includes(k));
	return keys.filter((k) => !same(a[k], b[k]));
}

/** Items by id: added, removed, and the fields changed in each that both have. */
function diffById(before: Rec[], after: Rec[], emit: (id: string, field: string) => void) {
	const [old, now] = [byId(before), byId(after)];
	for (const [id, item] of now) {
		const was = old.get(id);
		if (!was) emit(id, 'added');
		else for (const f of changedFields(was, item)) emit(id, f);
	}
	for (const id of old.keys()) if (!now.has(id)) emit(id, 'removed');
}

export function storyChanges(before: StoryDocument, after: StoryDocument): StoryChange[] {
	const out: StoryChange[] = [];
	const [s0, s1] = [rec(before.steps), rec(after.steps)];
	for (const part of ['dispatch', 'method']) if (!same(s0[part], s1[part])) out.push({ kind: 'story', field: `${part} sources`, visible: true });
	const [steps0, steps1] = [list(s0.steps), list(s1.steps)];
	diffById(steps0, steps1, (id, field) => out.push({ kind: 'step', id, field, visible: !MAP_ONLY_STEP_FIELDS.has(field) }));
	const order = (steps: Rec[]) => steps.map((s) => s.id).filter((id) => byId(steps0).has(id as string) && byId(steps1).has(id as string));
	if (!same(order(steps0), order(steps1))) out.push({ kind: 'story', field: 'order of steps', visible: false });

	for (const lang of LANGS) {
		const [t0, t1] = [rec(before.text[lang]), rec(after.text[lang])];
		for (const field of changedFields(t0, t1, ['steps'])) out.push({ kind: 'story', field, lang, visible: true });
		const [st0, st1] = [rec(t0.steps), rec(t1.steps)];
		for (const id of Object.keys(st1)) {
			// a step added or removed is named once, by the steps' diff
			if (!(id in st0)) continue;
			for (const field of changedFields(rec(st0[id]), rec(st1[id]))) out.push({ kind: 'step', id, field, lang, visible: true });
		}
	}

	const figures = (doc: StoryDocument) => list(rec(doc.figures).groups).flatMap((g) => list(g.figures));
	diffById(figures(before), figures(after), (id, field) => out.push({ kind: 'figure', id, field, visible: true }));
	const groups = (doc: StoryDocument) => list(rec(doc.figures).groups).map(({ figures: _figures, ...g }) => g);
	diffById(groups(before), groups(after), (id, field) => out.push({ kind: 'figure', id: `group ${id}`, field, visible: true }));

	diffById(list(rec(before.sources).sources), list(rec(after.sources).sources), (id, field) =>
		out.push({ kind: 'source', id, field, visible: !EDITOR_ONLY_SOURCE_FIELDS.has(field) })
	);
	return out;
}

const PART: Record<ChangeKind, string> = { story: 'story', step: 'steps', figure: 'figures', source: 'sources' };

/** "steps › akimat › title (fr)", "story › dek (en)", "figures › csto-russia › value" */
export function changeLabel(c: StoryChange): string {
	return [PART[c.kind], c.id, c.field].filter((p) => p !== undefined).join(' › ') + (c.lang ? ` (${c.lang})` : '');
}

export const changedPaths = (before: StoryDocument, after: StoryDocument): string[] => storyChanges(before, after).map(changeLabel);

/** The fields changed per step, figure or source id (for a corrections entry). */
export function fieldsById(changes: StoryChange[], kind: ChangeKind): { id: string; fields: string[] }[] {
	const m = new Map<string, Set<string>>();
	for (const c of changes) if (c.kind === kind && c.id) (m.get(c.id) ?? m.set(c.id, new Set()).get(c.id)!).add(c.lang ? `${c.field} (${c.lang})` : c.field);
	return [...m].map(([id, fields]) => ({ id, fields: [...fields] }));
}
