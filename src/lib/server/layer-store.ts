/**
 * Reads the story layers from the data directory (QANTAR_DATA_DIR, default
 * static/geo). Every file is validated with the shared schema on read; a broken
 * file is an error that names the file, feature and field.
 */
import { readFile } from 'node:fs/promises';
import { resolve, join } from 'node:path';
import { STORY_LAYERS, type StoryLayer } from '$lib/geo/layers';
import { formatProblem, validateLayerText, type StoryCollection } from '$lib/schema/validate-layer';

export function dataDir(): string {
	return resolve(process.env.QANTAR_DATA_DIR ?? 'static/geo');
}

export interface LoadedLayer {
	layer: StoryLayer;
	data: StoryCollection;
}

export async function readLayer(layer: StoryLayer): Promise<LoadedLayer> {
	const file = join(dataDir(), layer.file);
	const text = await readFile(file, 'utf8');
	const result = validateLayerText(text, layer.file);
	if (!result.ok) throw new Error(`Invalid layer ${layer.file}:\n${result.problems.map(formatProblem).join('\n')}`);
	return { layer, data: result.collection };
}

export async function readAllLayers(): Promise<LoadedLayer[]> {
	return Promise.all(STORY_LAYERS.map(readLayer));
}
