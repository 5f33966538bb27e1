/**
 * A corrections log entry: what one publish changed (the story's own fields,
 * steps and their fields, figures, sources, features and their facts), the
 * note for readers and whether it was minor. Entries are appended to the data
 * directory's corrections.jsonl and never rewritten. Pure helpers for readers:
 * the latest update of each step and feature (minor entries show no banner).
 */
import type { FeatureFactChange } from '$lib/story/feature-facts';
import type { Lang } from '$lib/i18n/lang';
import { updatedLine } from './almaty-time';

export interface CorrectionEntry {
	/** unique: the publish's date and the revision it published */
	id: string;
	/** when it was published (ISO 8601, UTC) */
	date: string;
	/** the draft revision made public */
	rev: string;
	note: string;
	minor: boolean;
	/** fields of the story as a whole ("dek (en)", "order of steps") */
	story: string[];
	steps: { id: string; fields: string[] }[];
	figures: { id: string; fields: string[] }[];
	sources: { id: string; fields: string[] }[];
	features: FeatureFactChange[];
}

export interface Update {
	date: string;
	note: string;
	entry: string;
	/** what readers see (updatedLine): made on the server, so that reader pages carry no date formatting */
	line: string;
}

/** The latest non-minor update of each step and each feature (entries in any order), its line in `lang`. */
export function latestUpdates(entries: readonly CorrectionEntry[], lang: Lang): { steps: Record<string, Update>; features: Record<string, Update> } {
	const steps: Record<string, Update> = {};
	const features: Record<string, Update> = {};
	const newest = [...entries].filter((e) => !e.minor && e.note.trim()).sort((a, b) => a.date.localeCompare(b.date));
	for (const e of newest) {
		const u = { date: e.date, note: e.note, entry: e.id, line: updatedLine(e, lang) };
		for (const s of e.steps) if (!s.fields.includes('removed')) steps[s.id] = u;
		for (const f of e.features) if (!f.fields.includes('removed')) features[f.id] = u;
	}
	return { steps, features };
}

/** True when the entry changed nothing (a publish of an unchanged draft is not recorded). */
export const isEmptyEntry = (e: Pick<CorrectionEntry, 'story' | 'steps' | 'figures' | 'sources' | 'features'>) =>
	!e.story.length && !e.steps.length && !e.figures.length && !e.sources.length && !e.features.length;
