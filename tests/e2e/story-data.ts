// The story's steps and features, read from the same files the app serves, so
// browser tests check the page against the data (not against copied numbers).
import { LAYER_IDS } from '../../src/lib/geo/layers';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface StepInfo {
	id: string;
	camera: { fit?: string[]; center?: [number, number]; zoom?: number; maxZoom?: number };
	highlight: string[];
	layers: { show: string[] };
}
export const STEPS: StepInfo[] = parse(readFileSync('content/steps.yaml', 'utf8')).steps;
/** the source registry: id -> source */
export const SOURCES = new Map<string, { id: string; url: string; title: string; headline?: boolean; publisher: string; via?: string; date: string | null }>(
	parse(readFileSync('content/sources.yaml', 'utf8')).sources.map((s: { id: string }) => [s.id, s])
);
/** the URLs of these source ids */
export const urlsOf = (ids: string[]) => ids.map((id) => SOURCES.get(id)?.url);
export const TEXT = {
	fr: parse(readFileSync('content/story.fr.yaml', 'utf8')),
	en: parse(readFileSync('content/story.en.yaml', 'utf8'))
};

const files = LAYER_IDS;
type Pos = [number, number];
/** feature id -> positions to check on screen (a point; a line's ends; a polygon's label-ish centre) */
export const FEATURE_POINTS = new Map<string, Pos[]>();
for (const f of files) {
	const fc = JSON.parse(readFileSync(`static/geo/${f}.geojson`, 'utf8'));
	for (const feat of fc.features) {
		const g = feat.geometry;
		let pts: Pos[];
		if (g.type === 'Point') pts = [g.coordinates];
		else if (g.type === 'LineString') pts = [g.coordinates[0], g.coordinates.at(-1)];
		else {
			// centre of the bounding box of the largest polygon
			const polys: Pos[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
			const biggest = polys.map((p) => p[0]!).sort((a, b) => b.length - a.length)[0]!;
			const xs = biggest.map((p) => p[0]);
			const ys = biggest.map((p) => p[1]);
			pts = [[(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2]];
		}
		FEATURE_POINTS.set(feat.properties.id, pts);
	}
}
