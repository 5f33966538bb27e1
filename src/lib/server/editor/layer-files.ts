/**
 * The layer files as bytes: reading one, its ETag (the git blob id of its
 * content, so a stale ETag names a version the history can show), the ids of
 * every other layer, and the canonical serialisation saves write (one feature
 * per line, like the files the geo build writes: diffs stay per feature).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STORY_LAYERS, type StoryLayer } from '$lib/geo/layers';
import { dataDir } from '$lib/server/layer-store';

export function layerPath(layer: StoryLayer): string {
	return join(dataDir(), layer.file);
}

export async function readLayerText(layer: StoryLayer): Promise<string> {
	return readFile(layerPath(layer), 'utf8');
}

/** git's blob id of the content: sha1("blob <length>\0<bytes>"). */
export function blobId(text: string): string {
	const bytes = Buffer.from(text, 'utf8');
	return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export const etagOf = (text: string) => `"${blobId(text)}"`;

/** The blob id in an If-Match header, or why the header cannot be used. */
export function parseIfMatch(header: string | null): { ok: true; id: string } | { ok: false; message: string } {
	if (header === null || header.trim() === '')
		return { ok: false, message: 'If-Match is required: send the ETag you got when you loaded the layer, so a newer version is never overwritten' };
	const m = /^\s*"([0-9a-f]{40})"\s*$/.exec(header);
	if (!m) return { ok: false, message: `If-Match must be the one strong ETag you loaded (e.g. "${'0'.repeat(40)}"); "*", weak and multiple ETags are refused` };
	return { ok: true, id: m[1]! };
}

/** ids of the features of every layer but `except` -> the file that holds them */
export async function idsOfOtherLayers(except: StoryLayer): Promise<Map<string, string>> {
	const owners = new Map<string, string>();
	for (const layer of STORY_LAYERS) {
		if (layer.id === except.id) continue;
		const fc = JSON.parse(await readLayerText(layer)) as { features: { properties: { id: string } }[] };
		for (const f of fc.features) owners.set(f.properties.id, layer.file);
	}
	return owners;
}

export function idsOf(text: string): Set<string> {
	try {
		const fc = JSON.parse(text) as { features?: { properties?: { id?: unknown } }[] };
		return new Set((fc.features ?? []).map((f) => f?.properties?.id).filter((id): id is string => typeof id === 'string'));
	} catch {
		return new Set();
	}
}

/** The text a save writes: one feature per line. */
export function serialiseLayer(collection: { features: unknown[] }): string {
	return `{"type":"FeatureCollection","features":[\n${collection.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
