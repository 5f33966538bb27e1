/**
 * The editor's model of a layer: features keyed by a session key (stable while
 * the id is edited), the property form generated from the shared schema, and
 * the validation the server runs, per feature, grouped by form field.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { CONFIDENCE_LEVELS, DATE_PRECISIONS, FEATURE_KINDS, GEOMETRY_FOR_KIND, MOVE_MODES, PERIODS, type FeatureKind } from '$lib/schema/feature';
import { validateFeature, type LayerProblem } from '$lib/schema/validate-layer';
import { unknownSourceProblems, validateEditedFeature } from '$lib/schema/validate-edit';

export type Props = Record<string, unknown>;
export interface EditFeature {
	/** session key, also the terra-draw feature id */
	key: string;
	geometry: Geometry | null;
	properties: Props;
}

/** `count`: a whole number, empty meaning "not published" (null) */
export type FieldType = 'text' | 'textarea' | 'select' | 'date' | 'checkbox' | 'sources' | 'count';
export interface FieldDef {
	key: string;
	label: string;
	type: FieldType;
	required?: boolean;
	options?: readonly string[];
	hint?: string;
	/** shown only for these kinds (the schema requires it for them) */
	onlyFor?: readonly FeatureKind[];
}

/** The form, in order. Every key is a property of featurePropertiesSchema. */
export const FORM_FIELDS: readonly FieldDef[] = [
	{ key: 'name_fr', label: 'Name (French)', type: 'text', required: true },
	{ key: 'name_en', label: 'Name (English)', type: 'text', required: true, hint: 'a new feature’s id is made from it' },
	{ key: 'name_ru', label: 'Name (Russian)', type: 'text' },
	{ key: 'name_kk', label: 'Name (Kazakh)', type: 'text' },
	{ key: 'kind', label: 'Kind', type: 'select', required: true, options: FEATURE_KINDS },
	{ key: 'start', label: 'Start date', type: 'date' },
	{ key: 'end', label: 'End date', type: 'date' },
	{ key: 'date_precision', label: 'Date precision', type: 'select', options: DATE_PRECISIONS },
	{ key: 'outside_period', label: 'Dates lie outside January 2022 on purpose', type: 'checkbox' },
	{ key: 'description_fr', label: 'Description (French)', type: 'textarea' },
	{ key: 'description_en', label: 'Description (English)', type: 'textarea' },
	{ key: 'sources', label: 'Sources (ids from the source registry, at least one)', type: 'sources', required: true },
	{ key: 'confidence', label: 'Confidence', type: 'select', required: true, options: CONFIDENCE_LEVELS },
	{
		key: 'period',
		label: 'Rests on',
		type: 'select',
		required: true,
		options: PERIODS,
		hint: 'dispatch: the AFP dispatch of 10 January said it; reported: other reporting by 10 January; later: learned afterwards'
	},
	{ key: 'country', label: 'Country (ISO alpha-3, e.g. KAZ)', type: 'text' },
	{ key: 'from', label: 'From (id of a feature, e.g. ivanovo-severny)', type: 'text', required: true, onlyFor: ['airlift'] },
	{ key: 'to', label: 'To (id of a feature, e.g. almaty-international-airport)', type: 'text', required: true, onlyFor: ['airlift'] },
	{ key: 'mode', label: 'Mode', type: 'select', required: true, options: MOVE_MODES, onlyFor: ['airlift'] },
	{ key: 'troops', label: 'Troops', type: 'count', required: true, hint: 'empty: not published', onlyFor: ['airlift'] },
	{ key: 'vehicles', label: 'Vehicles', type: 'count', hint: 'empty: not published', onlyFor: ['airlift'] },
	{ key: 'figures_note_fr', label: 'Note on the figures (French)', type: 'textarea', onlyFor: ['airlift'] },
	{ key: 'figures_note_en', label: 'Note on the figures (English)', type: 'textarea', onlyFor: ['airlift'] }
];

/** The form fields of a feature of this kind. */
export const fieldsFor = (kind: unknown): FieldDef[] => FORM_FIELDS.filter((f) => !f.onlyFor || f.onlyFor.includes(kind as FeatureKind));

/** Optional fields are removed when emptied (the schema refuses empty strings for them). */
const OPTIONAL = new Set([
	'name_ru',
	'name_kk',
	'name_local',
	'start',
	'end',
	'date_precision',
	'outside_period',
	'country',
	'from',
	'to',
	'mode',
	'figures_note_fr',
	'figures_note_en'
]);

/** Sets one form field, keeping the properties in the schema's shape. */
export function setField(props: Props, key: string, value: unknown): Props {
	const next = { ...props };
	if (OPTIONAL.has(key) && (value === '' || value === undefined || value === false)) delete next[key];
	else next[key] = value;
	return next;
}

/** Properties of a new feature drawn as `geometryType` in a layer. */
export function blankProperties(geometryType: string, layerKinds: string[]): Props {
	const kind =
		layerKinds.find((k) => GEOMETRY_FOR_KIND[k as FeatureKind]?.includes(geometryType)) ??
		FEATURE_KINDS.find((k) => GEOMETRY_FOR_KIND[k].includes(geometryType)) ??
		'city';
	const blank: Props = { id: '', name_fr: '', name_en: '', kind, description_fr: '', description_en: '', sources: [], confidence: 'medium', period: 'later' };
	// a movement's figures start as "not published" (null), which the form shows as empty
	return kind === 'airlift' ? { ...blank, troops: null, vehicles: null } : blank;
}

export interface FeatureCheck {
	problems: LayerProblem[];
	warnings: LayerProblem[];
	/** problems by form field key ("name_en", "sources.0", "geometry", "id", "form" for the rest) */
	byField: Map<string, string[]>;
}

export interface IdContext {
	/** id -> other layer file, for every feature of every other layer */
	otherLayerIds: ReadonlyMap<string, string>;
	/** ids removed by some revision: a new feature must not take one */
	retiredIds: ReadonlySet<string>;
	/** ids this layer held when loaded (they may stay) */
	knownIds: ReadonlySet<string>;
	/** ids of the source registry: a feature cites only these */
	sourceIds: ReadonlySet<string>;
}

export const toFeature = (f: EditFeature): Feature => ({ type: 'Feature', geometry: f.geometry as Geometry, properties: f.properties });

export function fieldOf(problemField: string | undefined): string {
	if (!problemField) return 'form';
	if (problemField.startsWith('geometry')) return 'geometry';
	const p = problemField.replace(/^properties\./, '');
	return /^sources\.\d+$/.test(p) ? p : p.split('.')[0]!;
}

/** The checks of a feature that depend on nothing but the feature (schema, geometry, period, text): cacheable per feature object. */
export interface OwnCheck {
	problems: LayerProblem[];
	warnings: LayerProblem[];
}

export function ownCheck(f: EditFeature, file: string): OwnCheck {
	const feature = toFeature(f);
	const problems = validateFeature(feature, file);
	const own = validateEditedFeature(feature, file);
	problems.push(...own.problems);
	return { problems, warnings: own.warnings };
}

/** The checks of a feature against the other layers, the retired ids, the layer's other features and the source registry (cheap: set lookups). */
export function idProblems(f: EditFeature, file: string, ctx: IdContext, idCount: ReadonlyMap<string, number>): LayerProblem[] {
	const problems: LayerProblem[] = unknownSourceProblems(f.properties, file, ctx.sourceIds);
	const id = f.properties.id;
	if (typeof id !== 'string' || !id) return problems;
	const other = ctx.otherLayerIds.get(id);
	if (other) problems.push({ file, id, field: 'properties.id', message: `is already used in ${other}: ids are unique across all layers` });
	else if (!ctx.knownIds.has(id) && ctx.retiredIds.has(id))
		problems.push({ file, id, field: 'properties.id', message: 'belonged to a feature that was removed: ids are never reused' });
	if ((idCount.get(id) ?? 0) > 1) problems.push({ file, id, field: 'properties.id', message: 'is used by another feature of this layer' });
	return problems;
}

/** Everything the server would refuse in this feature (schema, geometry, period, text, ids). `own`: its ownCheck, when known. */
export function checkFeature(
	f: EditFeature,
	file: string,
	ctx: IdContext,
	idCount: ReadonlyMap<string, number>,
	own: OwnCheck = ownCheck(f, file)
): FeatureCheck {
	const problems = [...own.problems, ...idProblems(f, file, ctx, idCount)];
	const byField = new Map<string, string[]>();
	for (const p of problems) {
		const k = fieldOf(p.field);
		byField.set(k, [...(byField.get(k) ?? []), p.message]);
	}
	return { problems, warnings: own.warnings, byField };
}

export function toCollection(features: readonly EditFeature[]): FeatureCollection {
	return { type: 'FeatureCollection', features: features.map(toFeature) };
}

/** Display name of a feature: its English name, else French, else id. */
export const displayName = (p: Props) => String(p.name_en || p.name_fr || p.id || '(unnamed)');
