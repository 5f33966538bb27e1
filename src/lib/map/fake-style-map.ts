/**
 * For unit tests of the view appliers: a map that keeps a style spec and
 * records every change sent to it, i.e. what MapLibre would re-render or lay
 * out again ("filter <layer>", "paint <layer> <prop>", "layout <layer> <prop>=<value>").
 * Each test adds what else its applier calls (sources, feature state, camera).
 */
import type { FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';

type StyleLayer = LayerSpecification & { paint?: Record<string, unknown>; layout?: Record<string, unknown>; filter?: FilterSpecification };

export function fakeStyleMap(style: StyleSpecification) {
	const changes: string[] = [];
	const layer = (id: string) => style.layers.find((l) => l.id === id) as StyleLayer | undefined;
	return {
		changes,
		getStyle: () => style,
		getLayersOrder: () => style.layers.map((l) => l.id),
		getLayer: (id: string) => layer(id),
		getFilter: (id: string) => layer(id)?.filter,
		setFilter: (id: string, f: FilterSpecification) => {
			changes.push(`filter ${id}`);
			layer(id)!.filter = f;
		},
		setPaintProperty: (id: string, p: string, v: unknown) => {
			if (!p.endsWith('-transition')) changes.push(`paint ${id} ${p}`);
			layer(id)!.paint = { ...layer(id)!.paint, [p]: v };
		},
		setLayoutProperty: (id: string, p: string, v: unknown) => {
			changes.push(`layout ${id} ${p}=${v}`);
			layer(id)!.layout = { ...layer(id)!.layout, [p]: v };
		}
	};
}
