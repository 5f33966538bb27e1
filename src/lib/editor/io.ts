/**
 * Import and export of a layer's features: GeoJSON (a FeatureCollection, a
 * Feature or an array of features) and CSV with lon/lat columns. Parsing never
 * throws: what cannot be read comes back as an error with where it failed.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { parseJsonBody } from '$lib/schema/validate-edit';

export type ImportResult = { ok: true; features: Feature[] } | { ok: false; error: string };

const BOOL_KEYS = new Set(['outside_period']);
const NUM_KEYS = new Set(['troops', 'vehicles']);
const LON = ['lon', 'lng', 'long', 'longitude', 'x'];
const LAT = ['lat', 'latitude', 'y'];

/** RFC 4180 CSV rows (quoted fields, doubled quotes, CRLF, LF or CR), without blank rows. */
export function parseCsvRows(text: string): string[][] {
	return csvParseRows(text).filter((r) => r.some((v) => v.trim() !== ''));
}

/**
 * Where a quoted field goes on after its closing quote (`"Aktau" ,51.2`): d3
 * takes the character after the quote as the end of the field whatever it is,
 * which would silently shift the columns after it. Walks the text alongside
 * d3's rows (every row has at least one field, blank lines included), so row
 * and column are 1-based as in a spreadsheet.
 */
function strayAfterQuote(text: string, rows: readonly string[][]): { row: number; column: number } | null {
	let at = 0;
	for (const [r, row] of rows.entries()) {
		for (const [c, v] of row.entries()) {
			if (text[at] === '"') {
				at += v.length + v.split('"').length + 1;
				if (at < text.length && !/[,\r\n]/.test(text[at]!)) return { row: r + 1, column: c + 1 };
			} else at += v.length;
			at += text.startsWith('\r\n', at) ? 2 : 1;
		}
	}
	return null;
}

export function parseCsv(text: string): ImportResult {
	const body = text.replace(/^\uFEFF/, '');
	const all = csvParseRows(body);
	const stray = strayAfterQuote(body, all);
	if (stray)
		return {
			ok: false,
			error: `The CSV has text after a closing quote in row ${stray.row}, column ${stray.column}: put the whole field in quotes, or remove what follows the quote`
		};
	const rows = all.filter((r) => r.some((v) => v.trim() !== ''));
	if (rows.length < 2) return { ok: false, error: 'The CSV needs a header row and at least one row of data' };
	const header = rows[0]!.map((h) => h.trim());
	const lower = header.map((h) => h.toLowerCase());
	const lonAt = lower.findIndex((h) => LON.includes(h));
	const latAt = lower.findIndex((h) => LAT.includes(h));
	if (lonAt < 0 || latAt < 0) return { ok: false, error: `The CSV needs "lon" and "lat" columns (found: ${header.join(', ')})` };
	const features = rows.slice(1).map((r): Feature => {
		const properties: Record<string, unknown> = {};
		header.forEach((h, i) => {
			if (i === lonAt || i === latAt || !h) return;
			const v = (r[i] ?? '').trim();
			if (v === '') return;
			if (h === 'sources') properties.sources = v.split(/[\s|]+/).filter(Boolean);
			else if (BOOL_KEYS.has(h)) properties[h] = /^(true|yes|1)$/i.test(v);
			else if (NUM_KEYS.has(h)) properties[h] = Number(v);
			else properties[h] = v;
		});
		if (!('description_fr' in properties)) properties.description_fr = '';
		if (!('description_en' in properties)) properties.description_en = '';
		const lon = Number((r[lonAt] ?? '').trim());
		const lat = Number((r[latAt] ?? '').trim());
		return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties };
	});
	return { ok: true, features };
}

export function parseGeoJson(text: string): ImportResult {
	const parsed = parseJsonBody(text, 'import');
	if (!parsed.ok) return { ok: false, error: `The GeoJSON ${parsed.problems.map((p) => p.message).join('; ')}` };
	const v = parsed.value as { type?: unknown; features?: unknown } | unknown[];
	const list = Array.isArray(v)
		? v
		: v && typeof v === 'object' && v.type === 'FeatureCollection' && Array.isArray(v.features)
			? v.features
			: v && typeof v === 'object' && v.type === 'Feature'
				? [v]
				: null;
	if (!list) return { ok: false, error: 'Expected a GeoJSON FeatureCollection, a Feature or an array of features' };
	return { ok: true, features: list as Feature[] };
}

/** GeoJSON when the text starts like JSON, CSV otherwise. */
export function parseImport(text: string): ImportResult {
	const t = text.trim();
	if (!t) return { ok: false, error: 'Nothing to import: paste or drop a GeoJSON or CSV file' };
	return t.startsWith('{') || t.startsWith('[') ? parseGeoJson(t) : parseCsv(t);
}

export const toGeoJsonText = (fc: FeatureCollection) => `${JSON.stringify(fc, null, 2)}\n`;

/**
 * The body of a save: exactly `JSON.stringify({ type: 'FeatureCollection', features })`,
 * built as a Blob `chunk` features at a time with a pause between, so that a
 * big layer (10,000 features, 4 MB) is never serialised in one long task; and
 * fetch takes a Blob as it is, where a 4 MB string costs it ~100 ms more of
 * main thread to copy.
 */
export async function collectionBlob(
	features: readonly Feature[],
	{ chunk = 500, pause = () => new Promise<void>((r) => setTimeout(r, 0)) } = {}
): Promise<Blob> {
	const type = 'application/json';
	let blob = new Blob(['{"type":"FeatureCollection","features":['], { type });
	for (let i = 0; i < features.length; i += chunk) {
		if (i) await pause();
		const part = features
			.slice(i, i + chunk)
			.map((f) => JSON.stringify(f))
			.join(',');
		blob = new Blob([blob, i ? ',' : '', part], { type });
	}
	return new Blob([blob, ']}'], { type });
}

/** A value as a CSV cell before quoting (d3 quotes what holds a comma, a quote or a line break). */
const csvCell = (v: unknown): string => {
	const s = v === undefined || v === null ? '' : Array.isArray(v) ? v.join(' ') : String(v);
	// a leading =, +, - or @ would run as a formula in a spreadsheet
	return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

/** CSV of a layer: id, lon, lat (a point, or the centre of the bounding box), every property. */
export function toCsv(fc: FeatureCollection): string {
	const keys = new Set<string>(['id']);
	for (const f of fc.features) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
	const cols = ['id', 'lon', 'lat', 'geometry_type', ...[...keys].filter((k) => k !== 'id')];
	const rows = fc.features.map((f) => {
		const [lon, lat] = anchor(f);
		const p = (f.properties ?? {}) as Record<string, unknown>;
		return cols.map((c) => csvCell(c === 'lon' ? lon : c === 'lat' ? lat : c === 'geometry_type' ? f.geometry?.type : p[c]));
	});
	return `${csvFormatRows([cols, ...rows])}\n`;
}

function anchor(f: Feature): [number | undefined, number | undefined] {
	const g = f.geometry;
	if (!g) return [undefined, undefined];
	if (g.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
	const flat =
		JSON.stringify('coordinates' in g ? g.coordinates : [])
			.match(/-?\d+(\.\d+)?(e-?\d+)?/g)
			?.map(Number) ?? [];
	const xs = flat.filter((_, i) => i % 2 === 0);
	const ys = flat.filter((_, i) => i % 2 === 1);
	if (!xs.length) return [undefined, undefined];
	const r = (n: number) => Math.round(n * 1e6) / 1e6;
	return [r((Math.min(...xs) + Math.max(...xs)) / 2), r((Math.min(...ys) + Math.max(...ys)) / 2)];
}
