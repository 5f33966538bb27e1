/**
 * Embed URL parameters: one schema for the embed pages, the "Embed this"
 * dialog, oEmbed and the tests. A bad parameter is reported by name, with
 * what is wrong and what is accepted, never turned into a blank map.
 */
import { forbiddenInLabel } from './plain-text';
import { LAYER_IDS } from '$lib/geo/layers';
import { STORY_PERIOD } from './periods';
import { HOST_PARAMS as HOST_PARAM_NAMES, OPTION_PARAMS, VIEW_PARAMS } from './embed-params.js';

export type Theme = 'light' | 'dark' | 'auto';
export interface EmbedOptions {
	theme: Theme;
	interactive: boolean;
	caption: boolean;
	/** social-card layout (used for the step pictures): the map fills the frame, the title over it */
	card: boolean;
}
export interface ComposedView extends EmbedOptions {
	center: [number, number];
	zoom: number;
	bearing: number;
	pitch: number;
	layers: string[];
	highlight: string[];
	/** only features dated on or before this day are drawn */
	date?: string;
	title?: string;
}
export interface ParamProblem {
	param: string;
	message: string;
}

const HOST_PARAMS = new Set(HOST_PARAM_NAMES);

function flag(q: URLSearchParams, name: string, fallback: boolean, problems: ParamProblem[]): boolean {
	const v = q.get(name);
	if (v === null) return fallback;
	if (v === '1' || v === '0') return v === '1';
	problems.push({ param: name, message: `must be 0 or 1 (got "${v}")` });
	return fallback;
}

function number(q: URLSearchParams, name: string, min: number, max: number, fallback: number | undefined, problems: ParamProblem[]): number | undefined {
	const v = q.get(name);
	if (v === null) return fallback;
	const n = Number(v);
	if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
		problems.push({ param: name, message: `must be a number from ${min} to ${max} (got "${v}")` });
		return fallback;
	}
	return n;
}

function unknownParams(q: URLSearchParams, allowed: string[], problems: ParamProblem[]) {
	for (const name of new Set(q.keys()))
		if (!allowed.includes(name) && !HOST_PARAMS.has(name))
			problems.push({ param: name, message: `is not a parameter of this embed (accepted: ${allowed.join(', ')})` });
}

export function parseEmbedOptions(q: URLSearchParams, problems: ParamProblem[]): EmbedOptions {
	const t = q.get('theme') ?? 'auto';
	let theme: Theme = 'auto';
	if (t === 'light' || t === 'dark' || t === 'auto') theme = t;
	else problems.push({ param: 'theme', message: `must be light, dark or auto (got "${t}")` });
	return {
		theme,
		interactive: flag(q, 'interactive', false, problems),
		caption: flag(q, 'caption', true, problems),
		card: flag(q, 'card', false, problems)
	};
}

/** Options of a step embed (/embed/step/<id>). */
export function parseStepEmbed(q: URLSearchParams): { options: EmbedOptions; problems: ParamProblem[] } {
	const problems: ParamProblem[] = [];
	unknownParams(q, OPTION_PARAMS, problems);
	return { options: parseEmbedOptions(q, problems), problems };
}

/** A composed view (/embed/view?center=..&zoom=..&layers=..). `featureIds` are the ids that exist. */
export function parseComposedView(q: URLSearchParams, featureIds: ReadonlySet<string>): { view?: ComposedView; problems: ParamProblem[] } {
	const problems: ParamProblem[] = [];
	unknownParams(q, [...VIEW_PARAMS, ...OPTION_PARAMS], problems);
	const options = parseEmbedOptions(q, problems);

	let center: [number, number] | undefined;
	const c = q.get('center');
	if (c === null) problems.push({ param: 'center', message: 'is required: longitude,latitude (e.g. center=76.95,43.24)' });
	else {
		const parts = c.split(',').map((x) => Number(x.trim()));
		const [lon, lat] = parts;
		if (parts.length !== 2 || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon!) > 180 || Math.abs(lat!) > 90)
			problems.push({ param: 'center', message: `must be longitude,latitude with longitude -180..180 and latitude -90..90 (got "${c}")` });
		else center = [lon!, lat!];
	}
	const zoom = number(q, 'zoom', 0, 20, undefined, problems);
	if (q.get('zoom') === null) problems.push({ param: 'zoom', message: 'is required: a number from 0 to 20 (e.g. zoom=5)' });
	const bearing = number(q, 'bearing', -360, 360, 0, problems)!;
	const pitch = number(q, 'pitch', 0, 60, 0, problems)!;

	const list = (name: string) =>
		(q.get(name) ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
	const layers = list('layers');
	if (!layers.length) problems.push({ param: 'layers', message: `is required: layer ids separated by commas (from: ${LAYER_IDS.join(', ')})` });
	for (const l of layers) if (!LAYER_IDS.includes(l)) problems.push({ param: 'layers', message: `unknown layer "${l}" (known: ${LAYER_IDS.join(', ')})` });
	const highlight = list('highlight');
	for (const id of highlight) if (!featureIds.has(id)) problems.push({ param: 'highlight', message: `unknown feature "${id}"` });

	const date = q.get('date') ?? undefined;
	if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < STORY_PERIOD.start || date > STORY_PERIOD.end))
		problems.push({ param: 'date', message: `must be a day from ${STORY_PERIOD.start} to ${STORY_PERIOD.end}, written YYYY-MM-DD (got "${date}")` });
	const title = q.get('title') ?? undefined;
	const badChar = title === undefined ? null : forbiddenInLabel(title);
	if (title !== undefined && (title.length > 120 || badChar))
		problems.push({
			param: 'title',
			message: `must be plain text of at most 120 characters${badChar ? `, without control, invisible or bidirectional characters (${badChar})` : ''}`
		});

	if (problems.length || !center || zoom === undefined) return { problems };
	return { view: { ...options, center, zoom, bearing, pitch, layers, highlight, date, title }, problems };
}

/** The query string of a composed view (the inverse of parseComposedView). */
export function composedViewQuery(v: Partial<ComposedView> & { center: [number, number]; zoom: number; layers: string[] }): string {
	const q = new URLSearchParams();
	q.set('center', v.center.map((n) => +n.toFixed(5)).join(','));
	q.set('zoom', String(+v.zoom.toFixed(2)));
	if (v.bearing) q.set('bearing', String(+v.bearing.toFixed(1)));
	if (v.pitch) q.set('pitch', String(+v.pitch.toFixed(1)));
	q.set('layers', v.layers.join(','));
	if (v.highlight?.length) q.set('highlight', v.highlight.join(','));
	if (v.date) q.set('date', v.date);
	if (v.title) q.set('title', v.title);
	if (v.theme && v.theme !== 'auto') q.set('theme', v.theme);
	if (v.interactive) q.set('interactive', '1');
	if (v.caption === false) q.set('caption', '0');
	return q.toString();
}
