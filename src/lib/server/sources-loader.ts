/**
 * The source registry readers see (the published one: story/published.ts),
 * validated and kept per published revision, and the deny-list of hosts
 * (content/denied-hosts.yaml, which ships with the code).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseSources, type CitedSource, type SourceRegistry } from '$lib/schema/sources';
import { deniedHostsSchema, type DeniedHost } from '$lib/sources/check';
import { contentDir } from './content-dir';
import { published } from './story/published';

let registry: { key: string; sources: SourceRegistry } | undefined;

export function loadSources(): SourceRegistry {
	const pub = published();
	if (registry?.key !== pub.key)
		registry = { key: pub.key, sources: parseSources(pub.document.sources, pub.rev ? 'story/sources.yaml' : 'content/sources.yaml') };
	return registry.sources;
}

export function loadDeniedHosts(): DeniedHost[] {
	const r = deniedHostsSchema.safeParse(parse(readFileSync(`${contentDir()}/denied-hosts.yaml`, 'utf8')));
	if (!r.success) throw new Error(`content/denied-hosts.yaml is invalid:\n${r.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
	return r.data.hosts;
}

/**
 * The registry entries of these ids, for a page to render its citations (unknown ids are left out:
 * the checks name them), without what readers are not shown: the id (the key) and the editors' note.
 */
export function sourcesFor(ids: Iterable<string>): Record<string, CitedSource> {
	const all = loadSources();
	const out: Record<string, CitedSource> = {};
	for (const id of ids) {
		const s = all.get(id);
		if (!s) continue;
		const { id: _id, note: _note, ...shown } = s;
		out[id] = shown;
	}
	return out;
}
