/**
 * A story layer with its features, as the server loads it and pages get it:
 * a type shared by the server (src/lib/server/layer-store.ts) and the pages'
 * components, so that no client code imports from src/lib/server.
 */
import type { StoryCollection } from '$lib/schema/validate-layer';
import type { StoryLayer } from './layers';

export interface LoadedLayer {
	layer: StoryLayer;
	data: StoryCollection;
	/** on reader pages, where the map loads the full data from (see readLayers in the layer store) */
	src?: string;
}
