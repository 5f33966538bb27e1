/**
 * The story schema: content/steps.yaml (language-neutral: dates, camera,
 * layers, highlights, sources) and content/story.<lang>.yaml (text per step
 * id). Validated at build (the loader) and in tests; an error names the file,
 * the step and the field.
 */
import { z } from 'zod';
import { featureIdSchema, isoDateSchema, sourceUrlSchema } from './feature';

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const cameraSchema = z
	.strictObject({
		fit: z.array(featureIdSchema).min(1).optional(),
		maxZoom: z.number().min(0).max(20).optional(),
		center: lonLat.optional(),
		zoom: z.number().min(0).max(20).optional(),
		bearing: z.number().min(-360).max(360).optional(),
		pitch: z.number().min(0).max(60).optional()
	})
	.superRefine((c, ctx) => {
		const hasFit = !!c.fit;
		const hasCenter = c.center !== undefined || c.zoom !== undefined;
		if (hasFit === hasCenter)
			ctx.addIssue({ code: 'custom', message: 'give either "fit" (feature ids) or "center" and "zoom", not both and not neither' });
		if (hasCenter && (c.center === undefined || c.zoom === undefined))
			ctx.addIssue({ code: 'custom', path: [c.center === undefined ? 'center' : 'zoom'], message: 'is required with a center/zoom camera' });
	});

export const stepDataSchema = z
	.strictObject({
		id: featureIdSchema,
		date: isoDateSchema,
		end: isoDateSchema.optional(),
		period: z.enum(['article', 'later']),
		camera: cameraSchema,
		layers: z.strictObject({
			show: z.array(z.string()).min(1, 'needs at least one layer'),
			emphasise: z.array(z.string()).optional()
		}),
		highlight: z.array(featureIdSchema).default([]),
		sources: z.array(sourceUrlSchema).min(1, 'needs at least one source URL')
	})
	.superRefine((s, ctx) => {
		if (s.end && s.end < s.date) ctx.addIssue({ code: 'custom', path: ['end'], message: `must not be before date (${s.date})` });
		for (const l of s.layers.emphasise ?? [])
			if (!s.layers.show.includes(l))
				ctx.addIssue({ code: 'custom', path: ['layers', 'emphasise'], message: `"${l}" is emphasised but not in layers.show` });
	});

export const stepsFileSchema = z.strictObject({ steps: z.array(stepDataSchema).min(1) });

const text = z.string().trim().min(1, 'is required');
export const stepTextSchema = z.strictObject({
	kicker: text,
	title: text,
	body: z.array(text).min(1, 'needs at least one paragraph'),
	alt: text,
	later: text.optional()
});

export const storyTextSchema = z.strictObject({
	title: text,
	dek: text,
	byline: text,
	steps: z.record(z.string(), stepTextSchema),
	sources_intro: text
});

export type StepData = z.infer<typeof stepDataSchema>;
export type StepText = z.infer<typeof stepTextSchema>;
export type Camera = z.infer<typeof cameraSchema>;
export type Step = StepData & StepText;
export interface Story {
	lang: 'fr' | 'en';
	title: string;
	dek: string;
	byline: string;
	sourcesIntro: string;
	steps: Step[];
}

export class StoryError extends Error {
	constructor(public problems: string[]) {
		super(`The story content is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
	}
}

function issuePath(file: string, path: PropertyKey[], steps?: { id?: unknown }[]): string {
	const parts = [file];
	if (path[0] === 'steps' && typeof path[1] === 'number') {
		const id = steps?.[path[1]]?.id;
		parts.push(`step ${path[1] + 1}${typeof id === 'string' ? ` ("${id}")` : ''}`);
		path = path.slice(2);
	} else if (path[0] === 'steps' && typeof path[1] === 'string') {
		parts.push(`step "${path[1]}"`);
		path = path.slice(2);
	}
	if (path.length) parts.push(path.map(String).join('.'));
	return parts.join(' › ');
}

/** Parses and combines the steps data and one language's text. Throws StoryError naming every problem. */
export function buildStory(lang: 'fr' | 'en', stepsRaw: unknown, textRaw: unknown, files = { steps: 'content/steps.yaml', text: `content/story.${lang}.yaml` }): Story {
	const problems: string[] = [];
	const data = stepsFileSchema.safeParse(stepsRaw);
	if (!data.success)
		for (const i of data.error.issues)
			problems.push(`${issuePath(files.steps, i.path, (stepsRaw as { steps?: { id?: unknown }[] })?.steps)}: ${i.message}`);
	const txt = storyTextSchema.safeParse(textRaw);
	if (!txt.success) for (const i of txt.error.issues) problems.push(`${issuePath(files.text, i.path)}: ${i.message}`);
	if (!data.success || !txt.success) throw new StoryError(problems);

	const ids = data.data.steps.map((s) => s.id);
	const seen = new Set<string>();
	for (const id of ids) {
		if (seen.has(id)) problems.push(`${files.steps} › step "${id}": the id is used twice`);
		seen.add(id);
		if (!txt.data.steps[id]) problems.push(`${files.text} › step "${id}": no text for this step (every step of steps.yaml needs one)`);
	}
	for (const id of Object.keys(txt.data.steps))
		if (!seen.has(id)) problems.push(`${files.text} › step "${id}": text for a step that steps.yaml does not have`);
	if (problems.length) throw new StoryError(problems);

	return {
		lang,
		title: txt.data.title,
		dek: txt.data.dek,
		byline: txt.data.byline,
		sourcesIntro: txt.data.sources_intro,
		steps: data.data.steps.map((s) => ({ ...s, ...txt.data.steps[s.id]! }))
	};
}
