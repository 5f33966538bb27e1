/**
 * The story schema: content/steps.yaml (language-neutral: dates, camera,
 * layers, highlights, sources) and content/story.<lang>.yaml (text per step
 * id). Validated at build (the loader) and in tests; an error names the file,
 * the step and the field.
 */
import { z } from 'zod';
import { featureIdSchema, isoDateSchema, periodSchema, type Period } from './feature';
import { citationsSchema } from './sources';
import type { Lang } from '$lib/i18n/lang';

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
		if (hasFit === hasCenter) ctx.addIssue({ code: 'custom', message: 'give either "fit" (feature ids) or "center" and "zoom", not both and not neither' });
		if (hasCenter && (c.center === undefined || c.zoom === undefined))
			ctx.addIssue({ code: 'custom', path: [c.center === undefined ? 'center' : 'zoom'], message: 'is required with a center/zoom camera' });
	});

export const stepDataSchema = z
	.strictObject({
		id: featureIdSchema,
		date: isoDateSchema,
		end: isoDateSchema.optional(),
		/** what the step as a whole rests on */
		period: periodSchema,
		/** what each paragraph of the body rests on, in order, when they differ from the step's period */
		body_periods: z.array(periodSchema).min(1).optional(),
		camera: cameraSchema,
		layers: z.strictObject({
			show: z.array(z.string()).min(1, 'needs at least one layer'),
			emphasise: z.array(z.string()).optional()
		}),
		highlight: z.array(featureIdSchema).default([]),
		/** distances the text gives between two point features: the map draws each, measured */
		distances: z.array(z.strictObject({ from: featureIdSchema, to: featureIdSchema })).optional(),
		sources: citationsSchema
	})
	.superRefine((s, ctx) => {
		if (s.end && s.end < s.date) ctx.addIssue({ code: 'custom', path: ['end'], message: `must not be before date (${s.date})` });
		for (const [i, d] of (s.distances ?? []).entries())
			if (d.from === d.to)
				ctx.addIssue({ code: 'custom', path: ['distances', i, 'to'], message: `is the same feature as "from" ("${d.from}"): name two features` });
		for (const l of s.layers.emphasise ?? [])
			if (!s.layers.show.includes(l)) ctx.addIssue({ code: 'custom', path: ['layers', 'emphasise'], message: `"${l}" is emphasised but not in layers.show` });
	});

export const stepsFileSchema = z.strictObject({
	/** the copies of the AFP dispatch of 10 January 2022 the story is told from, the first giving its title */
	dispatch: z.strictObject({ sources: citationsSchema }),
	/** what the method section rests on */
	method: z.strictObject({ sources: citationsSchema }),
	steps: z.array(stepDataSchema).min(1)
});

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
/** What the map needs of a step (a story step, or an embed's composed view). */
export type StepView = Pick<StepData, 'id' | 'camera' | 'layers' | 'highlight'> & Partial<Pick<StepData, 'distances'>>;
export type Camera = z.infer<typeof cameraSchema>;
export type Step = Omit<StepData, 'body_periods'> &
	StepText & {
		/** the period of each paragraph of the body, resolved (the step's own when not given) */
		bodyPeriods: Period[];
	};
export interface Story {
	lang: Lang;
	title: string;
	dek: string;
	byline: string;
	sourcesIntro: string;
	/** source ids of the dispatch's copies, the first giving its title */
	dispatchSources: string[];
	/** source ids of the method section */
	methodSources: string[];
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
export function buildStory(
	lang: Lang,
	stepsRaw: unknown,
	textRaw: unknown,
	files = { steps: 'content/steps.yaml', text: `content/story.${lang}.yaml` }
): Story {
	const problems: string[] = [];
	const data = stepsFileSchema.safeParse(stepsRaw);
	if (!data.success)
		for (const i of data.error.issues) problems.push(`${issuePath(files.steps, i.path, (stepsRaw as { steps?: { id?: unknown }[] })?.steps)}: ${i.message}`);
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
	for (const id of Object.keys(txt.data.steps)) if (!seen.has(id)) problems.push(`${files.text} › step "${id}": text for a step that steps.yaml does not have`);
	for (const s of data.data.steps) {
		const body = txt.data.steps[s.id]?.body;
		if (s.body_periods && body && s.body_periods.length !== body.length)
			problems.push(
				`${files.steps} › step "${s.id}" › body_periods: gives ${s.body_periods.length} period(s), but ${files.text} has ${body.length} paragraph(s): give one per paragraph, in order`
			);
	}
	if (problems.length) throw new StoryError(problems);

	return {
		lang,
		title: txt.data.title,
		dek: txt.data.dek,
		byline: txt.data.byline,
		sourcesIntro: txt.data.sources_intro,
		dispatchSources: data.data.dispatch.sources,
		methodSources: data.data.method.sources,
		steps: data.data.steps.map(({ body_periods, ...s }) => {
			const text = txt.data.steps[s.id]!;
			return { ...s, ...text, bodyPeriods: body_periods ?? text.body.map(() => s.period) };
		})
	};
}
