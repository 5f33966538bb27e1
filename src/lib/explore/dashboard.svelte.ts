/**
 * What the explore dashboard shows, as state: the day, the layers switched
 * on, the feature selected and the one hovered, the camera; and what follows
 * from them: each layer's features that day, the events list, the address
 * (and so the embed) of the view, and the view the map applies. Knows no map
 * and no page: ExplorePage composes it with the map and the panels.
 */
import type { Feature } from 'geojson';
import { STORY_LAYERS, type StoryLayer } from '$lib/geo/layers';
import type { StoryCollection } from '$lib/schema/validate-layer';
import type { FeatureProperties } from '$lib/schema/feature';
import type { Lang } from '$lib/i18n/lang';
import type { ExploreView } from '$lib/map/explore-view';
import { indexLayers } from '$lib/map/layer-index';
import { placeNames } from '$lib/map/basemap-places';
import { dateStatus, dayToShow, isShown, isUncertain, sortByDate, type DateStatus } from './dates';
import type { ExploreState } from './url-state';

export type StoryFeature = Feature & { properties: FeatureProperties };

export interface DashboardData {
	lang: Lang;
	layers: readonly { layer: StoryLayer; data: StoryCollection }[];
	/** feature id -> the story step that highlights it */
	stepOf: Record<string, { id: string; title: string }>;
}

/** A dated feature as the dashboard lists it. */
export interface ExploreEvent {
	id: string;
	layerId: string;
	color: string;
	props: FeatureProperties;
	status: DateStatus;
	uncertain: boolean;
	/** the story step that highlights it, if any */
	step?: { id: string; title: string };
}

const CATALOGUE = STORY_LAYERS.map((l) => l.id);

export class Dashboard {
	date = $state('');
	/** ids of the layers switched on, in catalogue order */
	enabled: string[] = $state([]);
	selected: string | null = $state(null);
	hovered: string | null = $state(null);
	/** null until the map (or the address) gives one */
	camera: { center: [number, number]; zoom: number } | null = $state(null);

	readonly #data: () => DashboardData;
	readonly #index = $derived.by(() => indexLayers(this.#data().layers));

	/** `data` is read again whenever it changes (the page's props); `initial` is the state the address gave. */
	constructor(data: () => DashboardData, initial: ExploreState) {
		this.#data = data;
		this.date = initial.date;
		this.enabled = [...initial.layers];
		this.selected = initial.feature;
		this.camera = initial.center && initial.zoom !== null ? { center: initial.center, zoom: initial.zoom } : null;
	}

	/** feature id -> story layer id */
	get layerOf(): ReadonlyMap<string, string> {
		return this.#index.layerOf;
	}
	featureOf(id: string): StoryFeature | undefined {
		return this.#index.feature.get(id) as StoryFeature | undefined;
	}

	/** per layer: the features drawn on the chosen day, each marked uncertain or not */
	readonly shownByLayer: Record<string, StoryFeature[]> = $derived.by(() =>
		Object.fromEntries(
			this.#data().layers.map(({ layer, data }) => [
				layer.id,
				data.features
					.filter((f) => isShown(f.properties, this.date))
					.map((f) => ({ ...f, properties: { ...f.properties, uncertain: isUncertain(f.properties, this.date) } }))
			])
		)
	);
	/** per layer: how many of its features the day shows */
	readonly counts: Record<string, number> = $derived(Object.fromEntries(Object.entries(this.shownByLayer).map(([id, fs]) => [id, fs.length])));
	/** how many dated features the layers switched on show that day */
	readonly datedShown: number = $derived(this.enabled.reduce((n, id) => n + (this.shownByLayer[id] ?? []).filter((f) => !!f.properties.start).length, 0));

	/** every feature of the layers switched on, in date order, with where it stands on the chosen day */
	readonly events: ExploreEvent[] = $derived.by(() => {
		const { layers, lang, stepOf } = this.#data();
		const items = layers.flatMap(({ layer, data }) => (this.enabled.includes(layer.id) ? data.features.map((f) => ({ layer, properties: f.properties })) : []));
		return sortByDate(items, (a, b) => a.properties[`name_${lang}`].localeCompare(b.properties[`name_${lang}`], lang)).map(({ layer, properties: p }) => ({
			id: p.id,
			layerId: layer.id,
			color: layer.color,
			props: p,
			status: dateStatus(p, this.date),
			uncertain: isUncertain(p, this.date),
			step: stepOf[p.id]
		}));
	});

	/** the feature whose details are open */
	readonly chosen: StoryFeature | undefined = $derived(this.selected ? this.featureOf(this.selected) : undefined);

	/** what the address keeps (and the embed composes) */
	readonly address: ExploreState = $derived({
		center: this.camera?.center ?? null,
		zoom: this.camera?.zoom ?? null,
		date: this.date,
		layers: this.enabled,
		feature: this.selected
	});

	/** what the map shows: applied with applyExploreView, which sends only what changed */
	readonly mapView: ExploreView = $derived.by(() => {
		const points = this.#data().layers.filter((l) => l.layer.shape === 'point' && this.enabled.includes(l.layer.id));
		return {
			features: this.shownByLayer,
			visible: this.enabled,
			// the selected feature and the hovered one, each once
			highlight: [this.selected, this.hovered].filter((x, i, all): x is string => !!x && all.indexOf(x) === i),
			hiddenPlaces: points.flatMap((l) => placeNames(this.shownByLayer[l.layer.id] ?? []))
		};
	});

	/**
	 * Opens a feature's details, switching its layer on and moving to a day that shows it
	 * when needed. Returns the feature, or undefined for an unknown id (nothing changes).
	 */
	select(id: string): StoryFeature | undefined {
		const f = this.featureOf(id);
		const layerId = this.layerOf.get(id);
		if (!f || !layerId) return undefined;
		this.selected = id;
		if (!this.enabled.includes(layerId)) this.toggleLayer(layerId, true);
		if (!isShown(f.properties, this.date)) this.date = dayToShow(f.properties);
		return f;
	}

	toggleLayer(id: string, on: boolean): void {
		this.enabled = CATALOGUE.filter((l) => (l === id ? on : this.enabled.includes(l)));
	}
}
