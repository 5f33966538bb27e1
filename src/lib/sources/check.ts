/**
 * Citations against the source registry: every cited id resolves, every
 * source is cited by someone, and no source lives on a denied host (content
 * farms and scraper copies: content/denied-hosts.yaml). Pure: the loader, the
 * editor's write API and the tests call it with what they have read.
 */
import { z } from 'zod';
import type { SourceRegistry } from '$lib/schema/sources';

/** Who cites what: `where` names the file and the place ("content/steps.yaml › step "akimat" › sources"). */
export interface Citation {
	where: string;
	ids: readonly string[];
}

export const deniedHostsSchema = z.strictObject({
	hosts: z.array(z.strictObject({ host: z.string().regex(/^[a-z0-9.-]+$/, 'must be a bare host name, e.g. "example.com"'), why: z.string().min(1) })).min(1)
});
export type DeniedHost = z.infer<typeof deniedHostsSchema>['hosts'][number];

/** The denied entry matching a URL's host (the host itself or any subdomain of it). */
export function deniedHostOf(url: string, denied: readonly DeniedHost[]): DeniedHost | undefined {
	let host: string;
	try {
		host = new URL(url).hostname.toLowerCase();
	} catch {
		return undefined;
	}
	return denied.find((d) => host === d.host || host.endsWith(`.${d.host}`));
}

/** What each feature of these layers cites. */
export function layerCitations(
	layers: readonly { file: string; features: readonly { properties: { id: string; sources: readonly string[] } }[] }[],
	dir = 'static/geo'
): Citation[] {
	return layers.flatMap((l) =>
		l.features.map((f) => ({ where: `${dir}/${l.file} › feature "${f.properties.id}" › properties.sources`, ids: f.properties.sources }))
	);
}

/** What each figure cites. */
export function figureCitations(
	groups: readonly { id: string; figures: readonly { id: string; sources: readonly string[] }[] }[],
	file = 'content/figures.yaml'
): Citation[] {
	return groups.flatMap((g) => g.figures.map((f) => ({ where: `${file} › group "${g.id}" › figure "${f.id}" › sources`, ids: f.sources })));
}

/** Cited ids that the registry does not have, as problems naming where they are cited. */
export function unresolvedCitations(citations: readonly Citation[], registry: SourceRegistry, registryFile = 'content/sources.yaml'): string[] {
	const problems: string[] = [];
	for (const c of citations)
		c.ids.forEach((id, i) => {
			if (!registry.has(id)) problems.push(`${c.where}.${i}: cites "${id}", which ${registryFile} does not have: add it there or cite an existing id`);
		});
	return problems;
}

/** Every problem of the whole set: unresolved ids, sources nobody cites, sources on a denied host. */
export function citationProblems(
	citations: readonly Citation[],
	registry: SourceRegistry,
	denied: readonly DeniedHost[],
	files = { registry: 'content/sources.yaml', denied: 'content/denied-hosts.yaml' }
): string[] {
	const problems = unresolvedCitations(citations, registry, files.registry);
	const cited = new Set(citations.flatMap((c) => c.ids));
	for (const s of registry.values()) {
		if (!cited.has(s.id)) problems.push(`${files.registry} › source "${s.id}": nobody cites it: cite it from a step, feature or figure, or remove it`);
		const d = deniedHostOf(s.url, denied);
		if (d)
			problems.push(
				`${files.registry} › source "${s.id}" › url: ${d.host} is on the deny-list (${files.denied}: ${d.why}): cite the original outlet or a named agency copy`
			);
	}
	return problems;
}
