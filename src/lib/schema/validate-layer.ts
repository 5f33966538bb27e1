/**
 * Validates one layer file (a GeoJSON FeatureCollection as text): RFC 7946
 * structure (@placemarkio/check-geojson), the feature schema, geometry type per
 * kind, coordinate ranges and unique ids. Every problem names the file, the
 * feature (index and id) and the field, so an editor can find and fix it.
 */
import { getIssues } from '@placemarkio/check-geojson';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { featurePropertiesSchema, GEOMETRY_FOR_KIND, type FeatureProperties } from './feature';

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

export type LayerResult =
	| { ok: true; collection: StoryCollection; problems: [] }
	| { ok: false; problems: LayerProblem[] };

export function formatProblem(p: LayerProblem): string {
	const where = [p.file];
	if (p.feature !== undefined) where.push(`feature ${p.feature}${p.id ? ` ("${p.id}")` : ''}`);
	if (p.field) where.push(p.field);
	return `${where.join(' › ')}: ${p.message}`;
}

function lineOf(text: string, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

function* positions(g: Geometry): Generator<Position> {
	switch (g.type) {
		case 'Point':
			yield g.coordinates;
			break;
		case 'MultiPoint':
		case 'LineString':
			yield* g.coordinates;
			break;
		case 'MultiLineString':
		case 'Polygon':
			for (const r of g.coordinates) yield* r;
			break;
		case 'MultiPolygon':
			for (const p of g.coordinates) for (const r of p) yield* r;
			break;
		case 'GeometryCollection':
			for (const c of g.geometries) yield* positions(c);
			break;
	}
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
	let n = 0;
	for (const pos of positions(geometry)) {
		const [lon, lat] = pos;
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
		n++;
	}
	return problems;
}

/** Validates a layer file's text. */
export function validateLayerText(text: string, file: string): LayerResult {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		return { ok: false, problems: [{ file, message: `is not valid JSON: ${(e as Error).message}` }] };
	}
	const problems: LayerProblem[] = [];
	for (const issue of getIssues(text))
		problems.push({ file, message: `RFC 7946: ${issue.message} (line ${lineOf(text, issue.from)})` });
	const fc = data as Partial<FeatureCollection>;
	if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
		problems.push({ file, field: 'type', message: 'a layer must be a FeatureCollection with a "features" array' });
		return { ok: false, problems };
	}
	const seen = new Map<string, number>();
	fc.features.forEach((f, i) => {
		problems.push(...validateFeature(f, file, i));
		const id = (f?.properties as { id?: unknown } | null)?.id;
		if (typeof id === 'string') {
			const first = seen.get(id);
			if (first !== undefined)
				problems.push({ file, feature: i, id, field: 'properties.id', message: `duplicates the id of feature ${first}: ids must be unique` });
			else seen.set(id, i);
		}
	});
	if (problems.length) return { ok: false, problems };
	return { ok: true, collection: fc as StoryCollection, problems: [] };
}
