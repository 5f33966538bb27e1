/**
 * The source registry (content/sources.yaml): every page the story, the
 * layers and the figures cite, once, with who published it, its title and
 * date. Steps, features and figures cite a source by its id. Errors name the
 * file, the source and the field.
 */
import { z } from 'zod';

/** A source id: kebab-case, e.g. "tass-2022-01-05-security-council". */
export const sourceIdSchema = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be the id of a source in content/sources.yaml (kebab-case, e.g. "tass-2022-01-05-security-council")')
	.max(80, 'must be at most 80 characters');

/** The citations of one step, feature or figure: at least one source id, each once. */
export const citationsSchema = z
	.array(sourceIdSchema)
	.min(1, 'needs at least one source id (from content/sources.yaml)')
	.refine((ids) => new Set(ids).size === ids.length, 'cites the same source twice');

const httpUrl = z.string().refine((s) => {
	try {
		const u = new URL(s);
		return u.protocol === 'http:' || u.protocol === 'https:';
	} catch {
		return false;
	}
}, 'must be a full http(s) URL');

const text = z.string().trim().min(1, 'is required').max(400, 'must be at most 400 characters');

/** YYYY-MM-DD, YYYY-MM or YYYY: as precisely as the page says. */
export const partialDateSchema = z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be written YYYY-MM-DD, YYYY-MM or YYYY');

export const sourceSchema = z.strictObject({
	id: sourceIdSchema,
	url: httpUrl,
	/** the headline as published; when `headline` is false, our own description of the page (shown in brackets) */
	title: text,
	headline: z.boolean().default(true),
	/** who wrote it: the outlet or agency ("AP", "Wikipedia (ru)") */
	publisher: text,
	/** who hosts this copy, when it is not the publisher ("Fairfield Citizen") */
	via: text.optional(),
	/** when it was published; null when the page is undated */
	date: partialDateSchema.nullable(),
	lang: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code (ISO 639-1), e.g. "en"'),
	/** a research note for editors (how the entry was established); not shown to readers */
	note: text.optional(),
	/** a caveat readers see beside the citation, in each language ("address rebuilt from the title, page not read") */
	caveat: z.strictObject({ fr: text, en: text }).optional()
});

export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema).min(1) });

export type Source = z.infer<typeof sourceSchema>;
/** a source as the reader pages get it: what a citation shows (its id is the key it is cited by; editors' notes stay on the server) */
export type CitedSource = Omit<Source, 'id' | 'note'>;
/** id -> source */
export type SourceRegistry = ReadonlyMap<string, Source>;

export class SourcesError extends Error {
	constructor(public problems: string[]) {
		super(`The sources are invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
	}
}

function where(file: string, path: PropertyKey[], raw: unknown): string {
	const parts = [file];
	let rest = path;
	if (path[0] === 'sources' && typeof path[1] === 'number') {
		const id = (raw as { sources?: { id?: unknown }[] })?.sources?.[path[1]]?.id;
		parts.push(`source ${path[1] + 1}${typeof id === 'string' ? ` ("${id}")` : ''}`);
		rest = path.slice(2);
	}
	if (rest.length) parts.push(rest.map(String).join('.'));
	return parts.join(' › ');
}

/** Validates the registry. Throws SourcesError naming every problem (file › source › field: message). */
export function parseSources(raw: unknown, file = 'content/sources.yaml'): SourceRegistry {
	const r = sourcesFileSchema.safeParse(raw);
	if (!r.success) throw new SourcesError(r.error.issues.map((i) => `${where(file, i.path, raw)}: ${i.message}`));
	const problems: string[] = [];
	const byId = new Map<string, Source>();
	const byUrl = new Map<string, string>();
	for (const s of r.data.sources) {
		if (byId.has(s.id)) problems.push(`${file} › source "${s.id}": the id is used twice`);
		const other = byUrl.get(s.url);
		if (other) problems.push(`${file} › source "${s.id}" › url: the same page is already source "${other}": cite that one`);
		byId.set(s.id, s);
		byUrl.set(s.url, s.id);
	}
	if (problems.length) throw new SourcesError(problems);
	return byId;
}
