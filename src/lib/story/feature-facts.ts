/**
 * The facts of a layer's features a reader relies on (names, dates,
 * descriptions, sources), compared between two versions of the layer's text:
 * feature edits go live on save, and the next publish lists the features
 * whose facts changed since the last one, so its note covers them. Pure.
 */
export const FACT_FIELDS = ['name_fr', 'name_en', 'start', 'end', 'date_precision', 'description_fr', 'description_en', 'sources'] as const;

export interface FeatureFactChange {
	id: string;
	layer: string;
	/** the fact fields changed, or ["added"] / ["removed"] */
	fields: string[];
}

type Props = Record<string, unknown>;

function propsById(text: string | null): Map<string, Props> {
	const m = new Map<string, Props>();
	if (!text) return m;
	try {
		for (const f of (JSON.parse(text) as { features?: { properties?: Props }[] }).features ?? []) {
			const id = f?.properties?.id;
			if (typeof id === 'string') m.set(id, f.properties!);
		}
	} catch {
		/* an unreadable version has no features to compare */
	}
	return m;
}

export function featureFactChanges(layer: string, before: string | null, after: string): FeatureFactChange[] {
	const [old, now] = [propsById(before), propsById(after)];
	const out: FeatureFactChange[] = [];
	for (const [id, p] of now) {
		const was = old.get(id);
		if (!was) {
			out.push({ id, layer, fields: ['added'] });
			continue;
		}
		const fields = FACT_FIELDS.filter((k) => JSON.stringify(was[k]) !== JSON.stringify(p[k]));
		if (fields.length) out.push({ id, layer, fields: [...fields] });
	}
	for (const id of old.keys()) if (!now.has(id)) out.push({ id, layer, fields: ['removed'] });
	return out;
}
