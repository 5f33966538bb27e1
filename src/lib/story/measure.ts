/**
 * Distances a step's text speaks of, measured: for each `distances` entry of
 * a step, the two points and the great-circle distance between them (turf).
 * Pure; the map draws them (story-style.ts), a test checks them against the
 * text (stated-distances.ts).
 */
import { distance } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import type { StepView } from '$lib/schema/story';

export interface Measured {
	from: string;
	to: string;
	a: [number, number];
	b: [number, number];
	/** great-circle distance in metres */
	metres: number;
}

function pointOf(step: StepView, features: ReadonlyMap<string, Feature>, id: string, end: string): [number, number] {
	const f = features.get(id);
	if (!f) throw new Error(`step "${step.id}" › distances › ${end}: unknown feature "${id}"`);
	if (f.geometry.type !== 'Point')
		throw new Error(`step "${step.id}" › distances › ${end}: "${id}" is a ${f.geometry.type}; a distance is measured between two points`);
	const [x, y] = (f.geometry as Point).coordinates;
	return [x!, y!];
}

export function measureDistances(step: StepView, features: ReadonlyMap<string, Feature>): Measured[] {
	return (step.distances ?? []).map(({ from, to }) => {
		const a = pointOf(step, features, from, 'from');
		const b = pointOf(step, features, to, 'to');
		return { from, to, a, b, metres: distance(a, b, { units: 'meters' }) };
	});
}

/** How the map labels a distance: to 10 m under 1 km, to 100 m above (the text's own rounding). */
export function roundedMetres(metres: number): number {
	return metres < 1000 ? Math.round(metres / 10) * 10 : Math.round(metres / 100) * 100;
}

/** The label of a measured distance, in the page language ("environ 260 m", "about 1.2 km"). */
export function distanceLabel(metres: number, lang: 'fr' | 'en'): string {
	const r = roundedMetres(metres);
	const value = r < 1000 ? `${r}` : (r / 1000).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
	// French: a narrow no-break space between the number and its unit
	return lang === 'fr' ? `environ ${value}\u202f${r < 1000 ? 'm' : 'km'}` : `about ${value}\u00a0${r < 1000 ? 'm' : 'km'}`;
}
