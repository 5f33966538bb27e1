/**
 * Validates one layer file (a GeoJSON FeatureCollection as text): RFC 7946
 * structure (@placemarkio/check-geojson), the feature schema, geometry type per
 * kind, coordinate ranges and unique ids, within the limits of layer-limits.ts. Every problem names the file, the
 * feature (index and id) and the field, so an editor can find and fix it.
 */
import { getIssues } from '@placemarkio/check-geojson';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { featurePropertiesSchema, GEOMETRY_FOR_KIND, type FeatureProperties } from './feature';
import { depthProblem, MAX_FEATURES, ProblemList } from './layer-limits';
import { runAtOnce, runInSlices, type Steps } from './run-steps';

export interface LayerProblem {
	file: string;
	/** index of the feature in the collection, when the problem is in one */
	feature?: number;
	/** the feature's id, when it has one */
	id?: string;
	/** dotted path of the field, e.g. "properties.sources.0" */
	field?: string;
	message: string;
}

export type StoryFeature = Feature<Geometry, FeatureProperties>;
export type StoryCollection = FeatureCollection<Geometry, FeatureProperties>;

export type LayerResult = { ok: true; collection: StoryCollection; problems: [] } | { ok: false; problems: LayerProblem[] };

export function formatProblem(p: LayerProblem): string {
	const where = [p.file];
	if (p.feature !== undefined) where.push(`feature ${p.feature}${p.id ? ` ("${p.id}")` : ''}`);
	if (p.field) where.push(p.field);
	return `${where.join(' › ')}: ${p.message}`;
}

/** How deeply each geometry type nests its positions in "coordinates". */
const NESTING: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };
const SHAPE = ['a position [longitude, latitude]', 'an array of positions', 'an array of arrays of positions', 'an array of arrays of arrays of positions'];

/**
 * Collects a geometry's positions into `out`; returns what is wrong with the
 * shape of its coordinates (e.g. "coordinates": 5), or null when they nest as
 * the type needs. Never throws on malformed input.
 */
function collectPositions(g: unknown, out: unknown[]): { field: string; message: string } | null {
	const geometry = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
	if (geometry.type === 'GeometryCollection') {
		if (!Array.isArray(geometry.geometries)) return { field: 'geometry.geometries', message: 'must be an array of geometries' };
		for (const [i, child] of geometry.geometries.entries()) {
			if (child === null || typeof child !== 'object') return { field: `geometry.geometries.${i}`, message: 'must be a geometry object' };
			const bad = collectPositions(child, out);
			if (bad) return { field: bad.field.replace(/^geometry/, `geometry.geometries.${i}`), message: bad.message };
		}
		return null;
	}
	const depth = typeof geometry.type === 'string' ? NESTING[geometry.type] : undefined;
	if (depth === undefined) return { field: 'geometry.type', message: `${JSON.stringify(geometry.type)} is not a GeoJSON geometry type` };
	const walk = (value: unknown, d: number): boolean => {
		if (d === 0) return (void out.push(value), true);
		if (!Array.isArray(value)) return false;
		for (const v of value) if (!walk(v, d - 1)) return false;
		return true;
	};
	if (depth > 0 && !walk(geometry.coordinates, depth)) return { field: 'geometry.coordinates', message: `must be ${SHAPE[depth]} for a ${geometry.type}` };
	if (depth === 0) out.push(geometry.coordinates);
	return null;
}

/** Checks one parsed feature (schema, geometry type, coordinates). */
export function validateFeature(f: unknown, file: string, index?: number): LayerProblem[] {
	const problems: LayerProblem[] = [];
	const feature = f as Partial<Feature>;
	const props = (feature?.properties ?? {}) as Record<string, unknown>;
	const id = typeof props.id === 'string' ? props.id : undefined;
	const at = { file, feature: index, id };
	const parsed = featurePropertiesSchema.safeParse(feature?.properties);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = ['properties', ...issue.path.map(String)].join('.');
			const message =
				issue.code === 'unrecognized_keys'
					? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove them or use a field of the schema`
					: issue.code === 'invalid_type' && issue.input === undefined
						? 'is required'
						: issue.message;
			problems.push({ ...at, field, message });
		}
	}
	const geometry = feature?.geometry;
	if (!geometry) {
		problems.push({ ...at, field: 'geometry', message: 'is required (a feature without a place cannot be drawn)' });
		return problems;
	}
	const kind = parsed.success ? parsed.data.kind : undefined;
	if (kind && !GEOMETRY_FOR_KIND[kind].includes(geometry.type))
		problems.push({
			...at,
			field: 'geometry.type',
			message: `"${geometry.type}" is not allowed for kind "${kind}" (expected ${GEOMETRY_FOR_KIND[kind].join(' or ')})`
		});
	const found: unknown[] = [];
	const shape = collectPositions(geometry, found);
	if (shape) problems.push({ ...at, ...shape });
	for (const [n, pos] of found.entries()) {
		const [lon, lat] = Array.isArray(pos) ? pos : [];
		if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
			problems.push({ ...at, field: `geometry.coordinates`, message: `position ${n} is not a pair of finite numbers` });
			break;
		}
		if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
			problems.push({
				...at,
				field: 'geometry.coordinates',
				message: `position ${n} [${lon}, ${lat}] is out of range (longitude -180..180, latitude -90..90; GeoJSON order is [longitude, latitude])`
			});
			break;
		}
	}
	return problems;
}

/** Checks of one feature made in the context of its layer (its own edited-layer checks, ids across layers). */
export type FeatureCheck = (feature: Record<string, unknown>, index: number, problems: ProblemList) => void;

/** RFC 7946 problems of one GeoJSON object's text, at a feature (check-geojson parses text; lines are the feature's own). */
function rfcProblems(value: unknown, file: string, index?: number): LayerProblem[] {
	const id = index === undefined ? undefined : ((value as Feature)?.properties as { id?: unknown } | null)?.id;
	const messages = new Set(getIssues(JSON.stringify(value)).map((issue) => issue.message));
	return [...messages].map((message) => ({ file, feature: index, id: typeof id === 'string' ? id : undefined, message: `RFC 7946: ${message}` }));
}

/**
 * The checks of a layer file's text, feature by feature, yielding after each
 * so that a caller can run them in slices (run-steps.ts). Linear in the size of
 * the text; stops at MAX_FEATURES features or MAX_PROBLEMS problems. `value`
 * is the text already parsed, when the caller has it.
 */
export function* layerSteps(text: string, file: string, check?: FeatureCheck, value?: unknown): Steps<LayerResult> {
	const problems = new ProblemList(file);
	const deep = depthProblem(text, file);
	if (deep) return { ok: false, problems: [deep] };
	let data = value;
	if (data === undefined)
		try {
			data = JSON.parse(text);
		} catch (e) {
			return { ok: false, problems: [{ file, message: `is not valid JSON: ${(e as Error).message}` }] };
		}
	const fc = data as Partial<FeatureCollection>;
	if (fc === null || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
		return { ok: false, problems: [{ file, field: 'type', message: 'a layer must be a FeatureCollection with a "features" array' }] };
	if (fc.features.length > MAX_FEATURES)
		return {
			ok: false,
			problems: [
				{ file, field: 'features', message: `has ${fc.features.length} features, more than the ${MAX_FEATURES} a layer may hold: split it into several layers` }
			]
		};
	problems.add(...rfcProblems({ ...fc, features: [] }, file));
	const seen = new Map<string, number>();
	for (const [i, f] of fc.features.entries()) {
		if (problems.full) break;
		problems.add(...rfcProblems(f, file, i), ...validateFeature(f, file, i));
		const id = (f?.properties as { id?: unknown } | null)?.id;
		if (typeof id === 'string') {
			const first = seen.get(id);
			if (first !== undefined)
				problems.add({ file, feature: i, id, field: 'properties.id', message: `duplicates the id of feature ${first}: ids must be unique` });
			else seen.set(id, i);
		}
		if (check && f !== null && typeof f === 'object') check(f as unknown as Record<string, unknown>, i, problems);
		yield;
	}
	if (problems.items.length) return { ok: false, problems: problems.items };
	return { ok: true, collection: fc as StoryCollection, problems: [] };
}

/** Validates a layer file's text at once (tests, scripts, the browser). */
export const validateLayerText = (text: string, file: string): LayerResult => runAtOnce(layerSteps(text, file));

/** Validates a layer file's text in slices, never holding the server's event loop for long. */
export const validateLayerTextInSlices = (text: string, file: string): Promise<LayerResult> => runInSlices(layerSteps(text, file));
