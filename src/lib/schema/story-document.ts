/**
 * The story as the story API sends and takes it: the five YAML files of the
 * data directory's story/ folder, parsed (steps.yaml, story.fr.yaml,
 * story.en.yaml, figures.yaml, sources.yaml). One pure validation, run alike
 * by the server before a write and by the editor as the editor types: every
 * problem carries the JSON path of the field in the document
 * (['text', 'fr', 'steps', 'akimat', 'title'], ['steps', 'steps', 3, 'camera', 'zoom'])
 * so the editor can show it next to that field. Browser-safe: no node imports.
 */
import type { z } from 'zod';
import { buildStory, stepsFileSchema, storyTextSchema, StoryError, type Story } from './story';
import { figuresFileSchema } from './figures';
import { sourcesFileSchema } from './sources';
import { LAYER_IDS } from '$lib/geo/layers';
import { storyLayerProblems } from '$lib/story/check-story';
import { LANGS, type Lang } from '$lib/i18n/lang';

export interface StoryDocument {
	/** steps.yaml: { dispatch, method, steps: [...] } */
	steps: unknown;
	/** story.fr.yaml and story.en.yaml: { title, dek, byline, steps: { <id>: { kicker, title, body, alt } }, sources_intro } */
	text: { fr: unknown; en: unknown };
	/** figures.yaml: { groups: [...] } */
	figures: unknown;
	/** sources.yaml: { sources: [...] } */
	sources: unknown;
}

/** the files of the data directory's story/ folder, by part of the document */
export const STORY_FILES = {
	steps: 'steps.yaml',
	fr: 'story.fr.yaml',
	en: 'story.en.yaml',
	figures: 'figures.yaml',
	sources: 'sources.yaml'
} as const;

export type DocumentPath = (string | number)[];
export interface DocumentProblem {
	path: DocumentPath;
	message: string;
}

export type StoryValidation = { ok: true; stories: Record<Lang, Story> } | { ok: false; problems: DocumentProblem[] };

export interface ValidateOptions {
	/** feature id -> the layer that holds it (the layers as saved) */
	layerOf: ReadonlyMap<string, string>;
	/** the story layers' ids (default: every layer of the app) */
	layerIds?: readonly string[];
}

const issues = (prefix: DocumentPath, error: z.ZodError): DocumentProblem[] =>
	error.issues.map((i) => ({ path: [...prefix, ...(i.path as (string | number)[])], message: i.message }));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shape of a document (four parts, text per language), before the parts are checked. */
function shapeProblems(doc: unknown): DocumentProblem[] {
	if (!isRecord(doc)) return [{ path: [], message: 'must be an object { steps, text: { fr, en }, figures, sources }' }];
	const problems: DocumentProblem[] = [];
	for (const key of Object.keys(doc))
		if (!['steps', 'text', 'figures', 'sources'].includes(key)) problems.push({ path: [key], message: 'is not a part of the story document' });
	for (const key of ['steps', 'figures', 'sources']) if (!isRecord(doc[key])) problems.push({ path: [key], message: 'is required (an object)' });
	if (!isRecord(doc.text)) problems.push({ path: ['text'], message: 'is required: { fr, en }' });
	else for (const lang of LANGS) if (!isRecord(doc.text[lang])) problems.push({ path: ['text', lang], message: 'is required (an object)' });
	return problems;
}

/**
 * Checks a whole story document: each file's schema, the steps against each
 * language's text, every cited source id against the registry, unique ids,
 * and the steps against the layers (known layers and features; a highlighted
 * feature must be in a layer the step shows).
 */
export function validateStoryDocument(doc: unknown, { layerOf, layerIds = LAYER_IDS }: ValidateOptions): StoryValidation {
	const shape = shapeProblems(doc);
	if (shape.length) return { ok: false, problems: shape };
	const d = doc as StoryDocument;
	const problems: DocumentProblem[] = [];

	const steps = stepsFileSchema.safeParse(d.steps);
	if (!steps.success) problems.push(...issues(['steps'], steps.error));
	const texts = LANGS.map((lang) => ({ lang, r: storyTextSchema.safeParse(d.text[lang]) }));
	for (const { lang, r } of texts) if (!r.success) problems.push(...issues(['text', lang], r.error));
	const figures = figuresFileSchema.safeParse(d.figures);
	if (!figures.success) problems.push(...issues(['figures'], figures.error));
	const sources = sourcesFileSchema.safeParse(d.sources);
	if (!sources.success) problems.push(...issues(['sources'], sources.error));

	if (sources.success) {
		const ids = new Map<string, number>();
		const urls = new Map<string, string>();
		sources.data.sources.forEach((s, i) => {
			if (ids.has(s.id)) problems.push({ path: ['sources', 'sources', i, 'id'], message: `the id "${s.id}" is used twice` });
			const other = urls.get(s.url);
			if (other) problems.push({ path: ['sources', 'sources', i, 'url'], message: `the same page is already source "${other}": cite that one` });
			ids.set(s.id, i);
			urls.set(s.url, s.id);
		});
	}
	const known = sources.success ? new Set(sources.data.sources.map((s) => s.id)) : null;
	const cite = (path: DocumentPath, list: readonly string[]) => {
		if (known)
			list.forEach((id, i) => {
				if (!known.has(id))
					problems.push({ path: [...path, i], message: `cites "${id}", which the source registry does not have: add it there or cite an existing id` });
			});
	};

	if (figures.success) {
		const seen = new Set<string>();
		figures.data.groups.forEach((g, gi) =>
			g.figures.forEach((f, fi) => {
				const at = ['figures', 'groups', gi, 'figures', fi];
				if (seen.has(f.id)) problems.push({ path: [...at, 'id'], message: `the figure id "${f.id}" is used twice` });
				seen.add(f.id);
				cite([...at, 'sources'], f.sources);
			})
		);
	}

	if (steps.success) {
		const s = steps.data;
		cite(['steps', 'dispatch', 'sources'], s.dispatch.sources);
		cite(['steps', 'method', 'sources'], s.method.sources);
		const seen = new Set<string>();
		s.steps.forEach((step, i) => {
			if (seen.has(step.id)) problems.push({ path: ['steps', 'steps', i, 'id'], message: `the step id "${step.id}" is used twice` });
			seen.add(step.id);
			cite(['steps', 'steps', i, 'sources'], step.sources);
		});
		for (const { lang, r } of texts) {
			if (!r.success) continue;
			s.steps.forEach((step, i) => {
				const text = r.data.steps[step.id];
				if (!text)
					problems.push({ path: ['text', lang, 'steps', step.id], message: `no ${lang} text for step "${step.id}" (step ${i + 1}): every step needs one` });
				else if (step.body_periods && step.body_periods.length !== text.body.length)
					problems.push({
						path: ['steps', 'steps', i, 'body_periods'],
						message: `gives ${step.body_periods.length} period(s), but the ${lang} text has ${text.body.length} paragraph(s): give one per paragraph, in order`
					});
			});
			for (const id of Object.keys(r.data.steps))
				if (!seen.has(id)) problems.push({ path: ['text', lang, 'steps', id], message: `text for a step "${id}" that the steps do not have` });
		}
		s.steps.forEach((step, i) => {
			for (const p of storyLayerProblems(step, layerIds, layerOf)) problems.push({ path: ['steps', 'steps', i, ...p.path], message: p.message });
		});
	}
	if (problems.length) return { ok: false, problems };

	try {
		const stories = Object.fromEntries(LANGS.map((lang) => [lang, buildStory(lang, d.steps, d.text[lang])])) as Record<Lang, Story>;
		return { ok: true, stories };
	} catch (e) {
		// every check of buildStory is made above with its path; this is a safety net naming what it found
		if (e instanceof StoryError) return { ok: false, problems: e.problems.map((message) => ({ path: [], message })) };
		throw e;
	}
}

/** A path as editors read it: "steps › 3 › camera › zoom". */
export const pathLabel = (path: DocumentPath) => path.map(String).join(' › ');
