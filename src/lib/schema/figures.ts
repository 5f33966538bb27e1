/**
 * The figures of the explore dashboard (content/figures.yaml): troop numbers,
 * the toll and the detentions as reported, each with who gave it, when, and
 * the sources it comes from (ids of content/sources.yaml). A figure that was not
 * published has no value, and says so in words: no bar is ever made up.
 * Errors name the file, the group and the figure.
 */
import { z } from 'zod';
import { featureIdSchema, isoDateSchema, periodSchema } from './feature';
import { citationsSchema } from './sources';

const text = z.string().trim().min(1, 'is required').max(400, 'must be at most 400 characters');
const i18n = z.strictObject({ fr: text, en: text });

/** how a number was given: exactly, "about", "more than", "nearly" */
export const QUALIFIERS = ['exact', 'about', 'more-than', 'nearly'] as const;

export const figureSchema = z
	.strictObject({
		id: featureIdSchema,
		/** what is counted, or whose figure it is (a country, "total dead"…) */
		label: i18n,
		/** the number as reported; null when it was not published or not given as a number */
		value: z.number().nonnegative().nullable(),
		qualifier: z.enum(QUALIFIERS).default('exact'),
		/** how it was reported when there is no number ("not published", "dozens") or more is said ("1,600+ injured") */
		text: i18n.optional(),
		/** who gave the figure */
		who: i18n,
		/** when it was given (YYYY-MM-DD) */
		date: isoDateSchema.optional(),
		/** when it was given, in words, when no single day is known ("final count") */
		when: i18n.optional(),
		sources: citationsSchema,
		/** what the figure rests on: the dispatch, other reporting by 10 January, or later knowledge */
		period: periodSchema
	})
	.superRefine((f, ctx) => {
		if (f.value === null && !f.text)
			ctx.addIssue({ code: 'custom', path: ['text'], message: 'is required when value is null (say how it was reported, e.g. "not published")' });
		if (!f.date && !f.when) ctx.addIssue({ code: 'custom', path: ['date'], message: 'give the date of the figure, or "when" in words' });
	});

export const figureGroupSchema = z.strictObject({
	id: featureIdSchema,
	title: i18n,
	/** one sentence saying what the chart shows and how to read it */
	description: i18n,
	/** what is counted (troops, dead, detained) */
	unit: i18n,
	figures: z.array(figureSchema).min(1, 'needs at least one figure')
});

export const figuresFileSchema = z.strictObject({ groups: z.array(figureGroupSchema).min(1) });

export type Figure = z.infer<typeof figureSchema>;
export type FigureGroup = z.infer<typeof figureGroupSchema>;
export type FiguresFile = z.infer<typeof figuresFileSchema>;

export class FiguresError extends Error {
	constructor(public problems: string[]) {
		super(`The figures are invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
	}
}

function where(file: string, path: PropertyKey[], raw: unknown): string {
	const parts = [file];
	const groups = (raw as { groups?: { id?: unknown; figures?: { id?: unknown }[] }[] })?.groups;
	let rest = path;
	if (path[0] === 'groups' && typeof path[1] === 'number') {
		const g = groups?.[path[1]];
		parts.push(`group ${path[1] + 1}${typeof g?.id === 'string' ? ` ("${g.id}")` : ''}`);
		rest = path.slice(2);
		if (rest[0] === 'figures' && typeof rest[1] === 'number') {
			const f = g?.figures?.[rest[1]];
			parts.push(`figure ${rest[1] + 1}${typeof f?.id === 'string' ? ` ("${f.id}")` : ''}`);
			rest = rest.slice(2);
		}
	}
	if (rest.length) parts.push(rest.map(String).join('.'));
	return parts.join(' › ');
}

/** Validates the figures file. Throws FiguresError naming every problem (file › group › figure › field: message). */
export function parseFigures(raw: unknown, file = 'content/figures.yaml'): FiguresFile {
	const r = figuresFileSchema.safeParse(raw);
	const problems = r.success ? [] : r.error.issues.map((i) => `${where(file, i.path, raw)}: ${i.message}`);
	if (r.success) {
		const seen = new Set<string>();
		for (const g of r.data.groups)
			for (const f of g.figures) {
				if (seen.has(f.id)) problems.push(`${file} › group "${g.id}" › figure "${f.id}": the id is used twice`);
				seen.add(f.id);
			}
	}
	if (problems.length || !r.success) throw new FiguresError(problems);
	return r.data;
}
