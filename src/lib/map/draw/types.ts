/**
 * What the editor's drawing offers the editor: a handle that mirrors the
 * model onto the map and callbacks that report, by the model's feature key,
 * what was drawn, moved, reshaped and selected.
 */
import type { Geometry } from 'geojson';
import type { SelectedPart } from '$lib/geo/parts';

export type DrawTool = 'select' | 'point' | 'linestring' | 'polygon';

export interface DrawItem {
	key: string;
	geometry: Geometry | null;
}

export interface DrawHandle {
	setMode(tool: DrawTool): void;
	/** mirror the model: add, update and remove so that the map shows exactly these */
	sync(items: readonly DrawItem[]): void;
	/**
	 * select a feature (handing it to terra-draw, so it can be moved and reshaped), or none;
	 * a feature drawn as parts: the part already selected if it is one of its own, else its largest part
	 */
	select(key: string | null): void;
	setInvalid(items: readonly DrawItem[]): void;
	/** keys of the features drawn on the map (a feature drawn as parts counts once) */
	keys(): string[];
	/** terra-draw ids of a feature's parts while it is active and drawn as parts ([] otherwise) */
	parts(key: string): string[];
	destroy(): void;
}

export interface DrawCallbacks {
	onCreate(key: string, geometry: Geometry): void;
	onGeometry(key: string, geometry: Geometry): void;
	onSelect(key: string | null): void;
	/** the part of the selected feature being reshaped (null: none, or the feature is drawn whole) */
	onPart?(part: SelectedPart | null): void;
}

export interface DrawOptions {
	/** the layer's colour (#rrggbb) */
	color: string;
	/** the key of a feature drawn on the map: the editor's model names its features */
	newKey: () => string;
}
