/**
 * The explore page's state in its URL query, so that a copied address opens
 * the same view: camera (center, zoom), date, layers shown and the selected
 * feature. Pure. Decoding never throws: a bad or unknown value falls back to
 * the default (and is dropped from the next URL).
 */
import { composedViewQuery } from '$lib/schema/embed';
import { DEFAULT_DATE, TIMELINE, isIsoDay } from './dates';
import type { Lang } from '$lib/i18n/lang';

export interface ExploreState {
	/** null until the map (or the URL) gives one: the page frames the region itself */
	center: [number, number] | null;
	zoom: number | null;
	date: string;
	/** ids of the story layers shown, in catalogue order */
	layers: string[];
	/** id of the feature whose details are open */
	feature: string | null;
}

/** parameters kept as they are (the test switch) */
const KEEP = ['test'];

export function defaultState(layerIds: readonly string[]): ExploreState {
	return { center: null, zoom: null, date: DEFAULT_DATE, layers: [...layerIds], feature: null };
}

export function decodeState(q: URLSearchParams, layerIds: readonly string[], featureIds: ReadonlySet<string>): ExploreState {
	const s = defaultState(layerIds);
	const c = q.get('center');
	const z = q.get('zoom');
	if (c !== null && z !== null) {
		const parts = c.split(',').map((x) => Number(x.trim()));
		const zoom = Number(z);
		const [lon, lat] = parts;
		if (
			parts.length === 2 &&
			Number.isFinite(lon) &&
			Number.isFinite(lat) &&
			Math.abs(lon!) <= 180 &&
			Math.abs(lat!) <= 90 &&
			z.trim() !== '' &&
			Number.isFinite(zoom) &&
			zoom >= 0 &&
			zoom <= 20
		) {
			s.center = [lon!, lat!];
			s.zoom = zoom;
		}
	}
	const date = q.get('date');
	if (date && isIsoDay(date) && date >= TIMELINE.start && date <= TIMELINE.end) s.date = date;
	const layers = q.get('layers');
	if (layers !== null) {
		const wanted = new Set(layers.split(',').map((x) => x.trim()));
		s.layers = layerIds.filter((id) => wanted.has(id));
	}
	const feature = q.get('feature');
	if (feature && featureIds.has(feature)) s.feature = feature;
	return s;
}

/** The query string (without "?") of a state; `keep` carries parameters such as ?test over. */
export function encodeState(s: ExploreState, keep?: URLSearchParams): string {
	const q = new URLSearchParams();
	for (const k of KEEP) if (keep?.has(k)) q.set(k, keep.get(k)!);
	if (s.center && s.zoom !== null) {
		q.set('center', s.center.map((n) => +n.toFixed(4)).join(','));
		q.set('zoom', String(+s.zoom.toFixed(2)));
	}
	q.set('date', s.date);
	q.set('layers', s.layers.join(','));
	if (s.feature) q.set('feature', s.feature);
	return q.toString().replace(/%2C/g, ',');
}

/** The composed-view embed of what the page shows: /embed/view?… (or /en/embed/view?…). */
export function embedPathFor(s: ExploreState, lang: Lang, fallback: { center: [number, number]; zoom: number }): string | null {
	if (!s.layers.length) return null;
	const query = composedViewQuery({
		center: s.center ?? fallback.center,
		zoom: s.zoom ?? fallback.zoom,
		layers: s.layers,
		date: s.date,
		highlight: s.feature ? [s.feature] : []
	});
	return `${lang === 'en' ? '/en' : ''}/embed/view?${query}`;
}
