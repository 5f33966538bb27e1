/**
 * The distances a text states ("about 260 metres", "à environ 260 mètres",
 * "50 km"), in metres. Pure. Numbers may use French grouping (3 000, with a
 * no-break space) and either decimal mark.
 */
const UNIT = /(\d{1,3}(?:[\s\u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)[\s\u00a0\u202f]*(kilom[eè]tres?|kilometers?|km|m[eè]tres?|meters?|m)\b/gi;

export interface Stated {
	metres: number;
	/** the words as written, to name in an error */
	text: string;
}

export function statedDistances(text: string): Stated[] {
	const out: Stated[] = [];
	for (const m of text.matchAll(UNIT)) {
		const n = Number(m[1]!.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
		const unit = m[2]!.toLowerCase();
		const km = unit === 'km' || unit.startsWith('kilom');
		out.push({ metres: km ? n * 1000 : n, text: m[0] });
	}
	return out;
}
