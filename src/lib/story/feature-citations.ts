/**
 * Where a story names features: each step's highlights, camera fit and the
 * ends of its measured distances. A layer save that removes a feature still
 * named there would leave readers (or the next publish) with a story that
 * does not load, so the save is refused with these places. Pure; reads the
 * document as stored (it is not trusted to be valid).
 */
import type { StoryDocument } from '$lib/schema/story-document';

/** feature id -> the places that name it ('step "akimat" › highlight') */
export type FeatureCitations = Map<string, string[]>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function featureCitations(doc: Pick<StoryDocument, 'steps'>): FeatureCitations {
	const cited: FeatureCitations = new Map();
	const add = (id: string, place: string) => {
		const places = cited.get(id) ?? [];
		if (!places.includes(place)) places.push(place);
		cited.set(id, places);
	};
	const steps = isRecord(doc.steps) && Array.isArray(doc.steps.steps) ? doc.steps.steps : [];
	for (const step of steps) {
		if (!isRecord(step)) continue;
		const at = `step "${String(step.id)}"`;
		for (const id of ids(step.highlight)) add(id, `${at} › highlight`);
		if (isRecord(step.camera)) for (const id of ids(step.camera.fit)) add(id, `${at} › camera › fit`);
		if (Array.isArray(step.distances))
			for (const d of step.distances)
				if (isRecord(d)) for (const end of ['from', 'to'] as const) if (typeof d[end] === 'string') add(d[end], `${at} › distances`);
	}
	return cited;
}

/**
 * The removed ids a story still names, as one sentence per feature for the
 * editor, or none. `stories` are labelled ("the published story", "the draft").
 */
export function citedRemovals(
	removed: readonly string[],
	stories: readonly { label: string; doc: Pick<StoryDocument, 'steps'> }[]
): { id: string; message: string }[] {
	const indexed = stories.map((s) => ({ label: s.label, cited: featureCitations(s.doc) }));
	return removed.flatMap((id) => {
		const where = indexed.flatMap((s) => {
			const places = s.cited.get(id);
			return places ? [`${s.label} (${places.join(', ')})`] : [];
		});
		if (!where.length) return [];
		return [
			{
				id,
				message: `"${id}" cannot be deleted: ${where.join(' and ')} still ${where.length > 1 ? 'name' : 'names'} it. Take it out of those steps in the story editor (/edit/story)${where.some((w) => w.startsWith('the published')) ? ' and publish' : ''} first, then delete it`
			}
		];
	});
}
