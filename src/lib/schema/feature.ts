/**
 * The one feature schema: properties of every feature in every layer under
 * static/geo/. Used by the layer loader, the tests, the editor form and the
 * write API. Types are inferred from it.
 */
import { z } from 'zod';
import { PERIODS } from './periods';
import { citationsSchema } from './sources';

export const FEATURE_KINDS = ['country', 'city', 'capital', 'building', 'square', 'airport', 'base', 'airlift'] as const;
export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export const DATE_PRECISIONS = ['day', 'month', 'year', 'approximate'] as const;
export const MOVE_MODES = ['air', 'road'] as const;
export { PERIODS, STORY_PERIOD, type Period } from './periods';
export const periodSchema = z.enum(PERIODS, {
	message: 'must be "dispatch" (the AFP dispatch of 10 January said it), "reported" (other reporting by 10 January) or "later" (learned afterwards)'
});

/** kebab-case, stable across edits: steps, embeds and history point at it. */
export const featureIdSchema = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens (e.g. "almaty-akimat")')
	.max(80, 'must be at most 80 characters');

export const isoDateSchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
	.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real calendar date');

const name = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');
const optionalName = z.string().trim().min(1, 'must not be empty when given').max(200).optional();
const description = z.string().trim().max(2000, 'must be at most 2000 characters');

export const featurePropertiesSchema = z
	.strictObject({
		id: featureIdSchema,
		name_fr: name,
		name_en: name,
		name_ru: optionalName,
		name_kk: optionalName,
		name_local: optionalName,
		kind: z.enum(FEATURE_KINDS),
		start: isoDateSchema.optional(),
		end: isoDateSchema.optional(),
		date_precision: z.enum(DATE_PRECISIONS).optional(),
		/** true when the feature's dates lie outside STORY_PERIOD on purpose (context before or after January 2022). */
		outside_period: z.boolean().optional(),
		description_fr: description,
		description_en: description,
		sources: citationsSchema,
		confidence: z.enum(CONFIDENCE_LEVELS),
		/** what the feature's facts rest on: the dispatch, other reporting by 10 January, or later knowledge */
		period: periodSchema,
		/** ISO 3166-1 alpha-3 of the country the feature belongs to or comes from. */
		country: z
			.string()
			.regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as "KAZ"')
			.optional(),
		/** Movements (kind "airlift"): troops as reported, null when not published. */
		troops: z.number().int().nonnegative().nullable().optional(),
		vehicles: z.number().int().nonnegative().nullable().optional(),
		figures_note_fr: description.optional(),
		figures_note_en: description.optional(),
		mode: z.enum(MOVE_MODES).optional(),
		from: featureIdSchema.optional(),
		to: featureIdSchema.optional()
	})
	.superRefine((p, ctx) => {
		if (p.end && !p.start) ctx.addIssue({ code: 'custom', path: ['start'], message: 'is required when end is given' });
		if (p.start && p.end && p.end < p.start) ctx.addIssue({ code: 'custom', path: ['end'], message: `must not be before start (${p.start})` });
		if (p.start && !p.date_precision)
			ctx.addIssue({ code: 'custom', path: ['date_precision'], message: 'is required when start is given (day, month, year or approximate)' });
		if (p.kind === 'airlift') {
			for (const key of ['from', 'to', 'mode', 'country'] as const)
				if (p[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'is required for kind "airlift"' });
			if (p.troops === undefined) ctx.addIssue({ code: 'custom', path: ['troops'], message: 'is required for kind "airlift" (use null when not published)' });
		}
	});

export type FeatureProperties = z.infer<typeof featurePropertiesSchema>;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** Geometry types each kind may use. */
export const GEOMETRY_FOR_KIND: Record<FeatureKind, readonly string[]> = {
	country: ['Polygon', 'MultiPolygon'],
	city: ['Point'],
	capital: ['Point'],
	building: ['Point', 'Polygon'],
	square: ['Point', 'Polygon'],
	airport: ['Point', 'Polygon'],
	base: ['Point', 'Polygon'],
	airlift: ['LineString', 'MultiLineString']
};
