/**
 * The features a step can name, for the story editor's pickers: id, names,
 * layer. Names come from the layers the page was given; the ids from
 * GET /api/layers/ids, which knows features saved since the page loaded. Pure.
 */
import type { LoadedLayer } from '$lib/geo/loaded-layer';
import type { LayerIdsAnswer } from '$lib/api/editor-api';

export interface FeatureInfo {
	id: string;
	layer: string;
	name: { fr: string; en: string };
}

export function featureCatalogue(layers: readonly LoadedLayer[], ids: LayerIdsAnswer | null): FeatureInfo[] {
	const named = new Map<string, FeatureInfo>();
	for (const l of layers)
		for (const f of l.data.features) {
			const p = f.properties as Record<string, unknown>;
			const id = String(p.id);
			named.set(id, { id, layer: l.layer.id, name: { fr: String(p.name_fr ?? id), en: String(p.name_en ?? id) } });
		}
	if (!ids) return [...named.values()];
	return Object.entries(ids).flatMap(([layer, list]) => list.map((id) => ({ ...(named.get(id) ?? { id, name: { fr: id, en: id } }), layer })));
}

/** Features whose id or name (either language) contains every word of `query`, case and accents aside. */
export function searchFeatures(all: readonly FeatureInfo[], query: string, limit = 12): FeatureInfo[] {
	const words = fold(query).split(/\s+/).filter(Boolean);
	if (!words.length) return [];
	return all.filter((f) => words.every((w) => fold(`${f.id} ${f.name.en} ${f.name.fr} ${f.layer}`).includes(w))).slice(0, limit);
}

export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
