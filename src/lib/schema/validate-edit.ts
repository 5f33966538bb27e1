/**
 * Checks an edited layer must pass before it is saved, on top of
 * validateLayerText (RFC 7946, feature schema, kind/geometry, coordinate
 * ranges, ids unique in the layer): safe JSON (no prototype keys), closed
 * polygon rings, no self-intersections, dates within the story period, names
 * without control characters, ids unique across all layers and never reused.
 * Warns (never refuses) when a point lies outside the story's region.
 *
 * Pure and free of node imports: the editor in the browser runs the same code
 * as the write API.
 */
import { kinks } from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import { STORY_PERIOD } from './feature';
import { sourceIdSchema } from './sources';
import { jsonErrorAt } from './json-position';
import { forbiddenInLabel, TEXT_FORBIDDEN } from './plain-text';
import { layerSteps, type FeatureCheck, type LayerProblem, type StoryCollection } from './validate-layer';
import { depthProblem, MAX_PROBLEMS } from './layer-limits';
import { runAtOnce, runInSlices, type Steps } from './run-steps';

/** Keys refused anywhere in a request body (prototype pollution). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Roughly Europe to western China, the Caspian to Siberia: [west, south, east, north]. */
export const STORY_REGION = { west: 20, south: 35, east: 90, north: 62 } as const;

const NAME_FIELDS = ['name_fr', 'name_en', 'name_ru', 'name_kk', 'name_local'] as const;
const TEXT_FIELDS = ['description_fr', 'description_en', 'figures_note_fr', 'figures_note_en'] as const;

export type JsonParse = { ok: true; value: unknown } | { ok: false; problems: LayerProblem[] };
/** A body parseJsonBody accepted (depth, syntax, no forbidden key): the content checks need not parse it again. */
export type ParsedJson = Extract<JsonParse, { ok: true }>;

function jsonErrorMessage(text: string, error: Error): string {
	const at = jsonErrorAt(text);
	if (!at) return `is not valid JSON: ${error.message}`;
	const found = at.offset < text.length ? `found ${JSON.stringify(text.slice(at.offset, at.offset + 12))}` : 'found the end of the text';
	return `is not valid JSON at position ${at.offset} (line ${at.line}, column ${at.column}): expected ${at.expected}, ${found}`;
}

/** Paths of every forbidden key in a parsed JSON value. */
function forbiddenKeyPaths(value: unknown, path: string[] = [], out: string[][] = []): string[][] {
	if (Array.isArray(value)) value.forEach((v, i) => forbiddenKeyPaths(v, [...path, String(i)], out));
	else if (value !== null && typeof value === 'object')
		for (const key of Object.keys(value)) {
			if (FORBIDDEN_KEYS.has(key)) out.push([...path, key]);
			forbiddenKeyPaths((value as Record<string, unknown>)[key], [...path, key], out);
		}
	return out;
}

/**
 * Parses a request body. JSON.parse defines "__proto__" as an own property (it
 * never sets the prototype), so the parsed tree can be walked safely to find
 * and refuse forbidden keys with their full path.
 */
export function parseJsonBody(text: string, file: string): JsonParse {
	const deep = depthProblem(text, file);
	if (deep) return { ok: false, problems: [deep] };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return { ok: false, problems: [{ file, message: jsonErrorMessage(text, e as Error) }] };
	}
	const paths = forbiddenKeyPaths(value);
	if (paths.length === 0) return { ok: true, value };
	return {
		ok: false,
		problems: paths.slice(0, 20).map((p) => {
			const feature = p[0] === 'features' && p[1] !== undefined && /^\d+$/.test(p[1]) ? Number(p[1]) : undefined;
			const field = (feature === undefined ? p : p.slice(2)).join('.');
			return { file, feature, field, message: `the key "${p.at(-1)}" is not allowed anywhere (prototype pollution)` };
		})
	};
}

export interface EditContext {
	/** file name of the layer, e.g. "protest-cities.geojson" */
	file: string;
	/** ids of the features of every other layer -> that layer's file */
	otherLayerIds: ReadonlyMap<string, string>;
	/** ids this layer may hold without being new: its current ids (plus, on restore, the restored revision's) */
	knownIds: ReadonlySet<string>;
	/** ids that were removed at some point: a new feature must not take one of them */
	retiredIds: ReadonlySet<string>;
	/** ids of the source registry (content/sources.yaml): a feature cites only these */
	sourceIds: ReadonlySet<string>;
}

/** A feature's citations that the source registry does not have, by field ("properties.sources.2"). */
export function unknownSourceProblems(props: unknown, file: string, sourceIds: ReadonlySet<string>, feature?: number): LayerProblem[] {
	const p = (props ?? {}) as { id?: unknown; sources?: unknown };
	if (!Array.isArray(p.sources)) return [];
	const id = typeof p.id === 'string' ? p.id : undefined;
	return p.sources.flatMap((s, i) =>
		typeof s === 'string' && !sourceIds.has(s) && sourceIdSchema.safeParse(s).success
			? [
					{
						file,
						feature,
						id,
						field: `properties.sources.${i}`,
						message: `"${s}" is not in the source registry (content/sources.yaml): cite one of its ids, or add the source there first`
					}
				]
			: []
	);
}

export type EditResult =
	{ ok: true; collection: StoryCollection; problems: []; warnings: LayerProblem[] } | { ok: false; problems: LayerProblem[]; warnings: LayerProblem[] };

const samePosition = (a: Position | undefined, b: Position | undefined) => !!a && !!b && a[0] === b[0] && a[1] === b[1];

type FieldMessage = { field: string; message: string };

function ringProblems(rings: unknown, field: string): FieldMessage[] {
	if (!Array.isArray(rings) || rings.length === 0) return [{ field, message: 'a polygon needs at least one ring' }];
	const out: FieldMessage[] = [];
	rings.forEach((ring: unknown, r) => {
		const at = `${field}.${r}`;
		if (!Array.isArray(ring)) out.push({ field: at, message: 'a ring must be an array of positions' });
		else if (ring.length < 4) out.push({ field: at, message: `a ring needs at least 4 positions (3 corners and the first again), it has ${ring.length}` });
		else if (!samePosition(ring[0] as Position, ring[ring.length - 1] as Position))
			out.push({ field: at, message: 'the ring is not closed (its last position must repeat the first)' });
	});
	return out;
}

function polygonsOf(f: Feature): { field: string; rings: unknown }[] {
	const g = f.geometry as { type?: string; coordinates?: unknown } | null;
	if (g?.type === 'Polygon') return [{ field: 'geometry.coordinates', rings: g.coordinates }];
	if (g?.type === 'MultiPolygon' && Array.isArray(g.coordinates))
		return (g.coordinates as unknown[]).map((rings, i) => ({ field: `geometry.coordinates.${i}`, rings }));
	return [];
}

function geometryProblems(f: Feature): FieldMessage[] {
	const out: FieldMessage[] = [];
	for (const { field, rings } of polygonsOf(f)) {
		const bad = ringProblems(rings, field);
		out.push(...bad);
		if (bad.length) continue;
		try {
			const points = kinks({ type: 'Polygon', coordinates: rings as Position[][] } as Polygon).features;
			if (points.length) {
				const [lon, lat] = points[0]!.geometry.coordinates;
				out.push({
					field,
					message: `the polygon crosses itself (${points.length} crossing${points.length > 1 ? 's' : ''}, first near [${lon?.toFixed(5)}, ${lat?.toFixed(5)}]): redraw it so that its edges do not cross`
				});
			}
		} catch {
			out.push({ field, message: 'the polygon could not be checked for self-intersections: its positions must be pairs of numbers' });
		}
	}
	return out;
}

function pointsOutsideRegion(f: Feature): Position[] {
	const g = f.geometry as { type?: unknown; coordinates?: unknown } | null;
	const pts: unknown[] = g?.type === 'Point' ? [g.coordinates] : g?.type === 'MultiPoint' && Array.isArray(g.coordinates) ? g.coordinates : [];
	const { west, south, east, north } = STORY_REGION;
	return pts.filter(
		(p): p is Position =>
			Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' && (p[0] < west || p[0] > east || p[1] < south || p[1] > north)
	);
}

/** Checks of one feature that need no other layer: rings, crossings, period, text. */
export function validateEditedFeature(f: Feature, file: string, index?: number): { problems: LayerProblem[]; warnings: LayerProblem[] } {
	const props = (f?.properties ?? {}) as Record<string, unknown>;
	const id = typeof props.id === 'string' ? props.id : undefined;
	const at = { file, feature: index, id };
	const problems: LayerProblem[] = geometryProblems(f).map((p) => ({ ...at, ...p }));
	if (props.outside_period !== true)
		for (const key of ['start', 'end'] as const) {
			const d = props[key];
			if (typeof d === 'string' && (d < STORY_PERIOD.start || d > STORY_PERIOD.end))
				problems.push({
					...at,
					field: `properties.${key}`,
					message: `${d} is outside the story period (${STORY_PERIOD.start} to ${STORY_PERIOD.end}): correct it, or set "outside_period": true if it is meant`
				});
		}
	for (const key of NAME_FIELDS) {
		const bad = typeof props[key] === 'string' ? forbiddenInLabel(props[key]) : null;
		if (bad) problems.push({ ...at, field: `properties.${key}`, message: `must not contain control, invisible or bidirectional-override characters (${bad})` });
	}
	for (const key of TEXT_FIELDS) {
		const bad = typeof props[key] === 'string' ? forbiddenInLabel(props[key], TEXT_FORBIDDEN) : null;
		if (bad)
			problems.push({
				...at,
				field: `properties.${key}`,
				message: `must not contain control or bidirectional-override characters other than line breaks and tabs (${bad})`
			});
	}
	const warnings = pointsOutsideRegion(f).map(([lon, lat]) => ({
		...at,
		field: 'geometry.coordinates',
		message: `[${lon}, ${lat}] lies outside the story's region (longitude ${STORY_REGION.west}..${STORY_REGION.east}, latitude ${STORY_REGION.south}..${STORY_REGION.north}): check that longitude and latitude are not swapped`
	}));
	return { problems, warnings };
}

/** What the checks of a layer's own content need: its file name and the source registry's ids. */
export type ContentContext = Pick<EditContext, 'file' | 'sourceIds'>;

/**
 * The checks of an edited layer that need no other layer nor the history,
 * feature by feature (see layerSteps): everything but the ids' uniqueness
 * across layers and their reuse. The costly part of a save, so the server runs
 * it before it takes any lock.
 */
function* contentSteps(text: string, ctx: ContentContext, body?: ParsedJson): Steps<EditResult> {
	const parsed = body ?? parseJsonBody(text, ctx.file);
	if (!parsed.ok) return { ok: false, problems: parsed.problems, warnings: [] };
	const warnings: LayerProblem[] = [];
	const check: FeatureCheck = (f, i, problems) => {
		const own = validateEditedFeature(f as unknown as Feature, ctx.file, i);
		problems.add(...own.problems, ...unknownSourceProblems(f.properties, ctx.file, ctx.sourceIds, i));
		if (warnings.length < MAX_PROBLEMS) warnings.push(...own.warnings);
	};
	const base = yield* layerSteps(text, ctx.file, check, parsed.value);
	if (!base.ok) return { ok: false, problems: base.problems, warnings };
	return { ok: true, collection: base.collection, problems: [], warnings };
}

/** Ids taken by another layer, or retired by the history (removed once: never reused). One pass, map lookups only. */
export function idProblems(features: readonly unknown[], ctx: EditContext): LayerProblem[] {
	const problems: LayerProblem[] = [];
	for (const [i, f] of features.entries()) {
		const id = ((f as { properties?: { id?: unknown } } | null)?.properties ?? {}).id;
		if (typeof id !== 'string') continue;
		const other = ctx.otherLayerIds.get(id);
		if (other !== undefined)
			problems.push({ file: ctx.file, feature: i, id, field: 'properties.id', message: `is already used in ${other}: ids are unique across all layers` });
		else if (!ctx.knownIds.has(id) && ctx.retiredIds.has(id))
			problems.push({
				file: ctx.file,
				feature: i,
				id,
				field: 'properties.id',
				message: 'belonged to a feature that was removed: ids are never reused (links and history point at them), choose another'
			});
		if (problems.length >= MAX_PROBLEMS) break;
	}
	return problems;
}

/** Validates the full text of an edited layer at once, in the context of the other layers and the history (the editor, tests). */
export function validateEditedLayer(text: string, ctx: EditContext): EditResult {
	const content = runAtOnce(contentSteps(text, ctx));
	const features = content.ok ? content.collection.features : (parseJsonBody(text, ctx.file) as { value?: { features?: unknown } }).value?.features;
	const ids = Array.isArray(features) ? idProblems(features, ctx) : [];
	if (content.ok && ids.length === 0) return content;
	return { ok: false, problems: [...content.problems, ...ids], warnings: content.warnings };
}

/** The content checks in slices (the write API, before its lock): a big save never blocks readers. `body`: the text as the API already parsed it. */
export const checkEditedContentInSlices = (text: string, ctx: ContentContext, body?: ParsedJson): Promise<EditResult> =>
	runInSlices(contentSteps(text, ctx, body));
