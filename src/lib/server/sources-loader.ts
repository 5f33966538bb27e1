/**
 * Reads the source registry (content/sources.yaml) and the deny-list of hosts
 * (content/denied-hosts.yaml), validated; cached per process like the story.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseSources, type Source, type SourceRegistry } from '$lib/schema/sources';
import { deniedHostsSchema, type DeniedHost } from '$lib/sources/check';
import { contentDir } from './content-dir';

let registry: SourceRegistry | undefined;

export function loadSources(): SourceRegistry {
	registry ??= parseSources(parse(readFileSync(`${contentDir()}/sources.yaml`, 'utf8')), 'content/sources.yaml');
	return registry;
}

export function loadDeniedHosts(): DeniedHost[] {
	const r = deniedHostsSchema.safeParse(parse(readFileSync(`${contentDir()}/denied-hosts.yaml`, 'utf8')));
	if (!r.success) throw new Error(`content/denied-hosts.yaml is invalid:\n${r.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
	return r.data.hosts;
}

/** The registry entries of these ids, for a page to render its citations (unknown ids are left out: the checks name them). */
export function sourcesFor(ids: Iterable<string>): Record<string, Source> {
	const all = loadSources();
	const out: Record<string, Source> = {};
	for (const id of ids) {
		const s = all.get(id);
		if (s) out[id] = s;
	}
	return out;
}
