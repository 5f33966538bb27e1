/**
 * What a step's picture shows, as one fingerprint per step and language: the
 * step's data (camera, layers, highlights, distances, date…), its text in that
 * language (the card shows its kicker and title), and the publishes that
 * changed the facts (names, dates…) of a feature the step shows (in a layer it
 * shows, highlighted or fitted). A picture is current when it was drawn for
 * the fingerprint the published story has now; the build's pictures were
 * drawn from the checkout's content/ (npm run snapshots), so they are current
 * for the fingerprint of that seed with no publish. Pure.
 */
import { createHash } from 'node:crypto';
import type { StoryDocument } from '$lib/schema/story-document';
import type { CorrectionEntry } from '$lib/corrections/entry';
import type { FeatureFactChange } from '$lib/story/feature-facts';
import { PICTURE_LANGS } from './render-step-picture.js';

/** "<lang>/<step id>": one picture (both sizes) */
export type PictureKey = string;
export const pictureKey = (lang: string, id: string): PictureKey => `${lang}/${id}`;
export const keyParts = (key: PictureKey) => {
	const i = key.indexOf('/');
	return { lang: key.slice(0, i), id: key.slice(i + 1) };
};

interface StepData {
	id: string;
	camera?: { fit?: string[] };
	layers?: { show?: string[] };
	highlight?: string[];
}

/** the steps of a document's steps.yaml (whatever is not a step with an id is left out: the document was validated before it was published) */
function stepsOf(doc: StoryDocument): StepData[] {
	const list = (doc.steps as { steps?: unknown } | null)?.steps;
	return Array.isArray(list) ? list.filter((s): s is StepData => typeof (s as StepData | null)?.id === 'string') : [];
}

/** whether the step's map shows that feature */
export const stepShows = (step: StepData, f: Pick<FeatureFactChange, 'id' | 'layer'>) =>
	!!(step.layers?.show?.includes(f.layer) || step.highlight?.includes(f.id) || step.camera?.fit?.includes(f.id));

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/** The fingerprint of every picture of the document's steps (both languages). */
export function pictureFingerprints(doc: StoryDocument, entries: readonly CorrectionEntry[]): Map<PictureKey, string> {
	const out = new Map<PictureKey, string>();
	for (const step of stepsOf(doc)) {
		const features = entries.filter((e) => e.features?.some((f) => stepShows(step, f))).map((e) => e.id);
		for (const lang of PICTURE_LANGS) {
			const text = (doc.text[lang] as { steps?: Record<string, unknown> } | null)?.steps?.[step.id] ?? null;
			out.set(pictureKey(lang, step.id), hash({ step, text, features }));
		}
	}
	return out;
}
