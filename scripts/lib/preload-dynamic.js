// A Vite plugin: pages that show a map name MapLibre among their preloads.
//
// The map's code is imported dynamically (src/lib/map/load.ts), so pages
// without a map never load it. SvelteKit preloads (Link: rel=modulepreload)
// only a page's static imports, so the browser learned of MapLibre only once
// the page's own code had run, ~0.1-0.2 s after the rest had arrived.
//
// SvelteKit takes its preload lists from the client build's Vite manifest. This
// plugin adds the given dynamic entries to the static `imports` of the chunk
// holding `importer` (the map loader, which every map page imports statically
// through MapView; the start hook imports it dynamically), after the client
// build wrote the manifest and before SvelteKit reads it. The code itself is
// unchanged: the modules are evaluated only when imported, but they are already
// fetched and compiled. The build fails when the chunk or an entry is missing,
// so the preload cannot silently disappear.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * @param {{ importer: string, imports: string[] }} options paths from the project root
 * @returns {import('vite').Plugin}
 */
export function preloadDynamicImports({ importer, imports }) {
	/** @type {string} */
	let root;
	/** @type {string} */
	let outDir;
	return {
		name: 'qantar:preload-dynamic-imports',
		apply: 'build',
		configResolved(config) {
			root = config.root;
			outDir = config.build.outDir;
		},
		writeBundle(_options, bundle) {
			if (this.environment && this.environment.name !== 'client') return; // SvelteKit preloads from the client manifest only
			const manifestFile = join(resolve(root, outDir), '.vite/manifest.json');
			let text;
			try {
				text = readFileSync(manifestFile, 'utf8');
			} catch {
				return; // a build without a manifest (the bench's floor page)
			}
			const where = relative(root, manifestFile);
			const importerId = resolve(root, importer);
			const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.moduleIds.includes(importerId));
			if (!chunk) this.error(`preload-dynamic-imports: no client chunk holds ${importer}`);
			/** @type {Record<string, { file: string, imports?: string[], isDynamicEntry?: boolean }>} */
			const manifest = JSON.parse(text);
			const entry = Object.values(manifest).find((e) => e.file === chunk.fileName);
			if (!entry) this.error(`preload-dynamic-imports: ${chunk.fileName} (holding ${importer}) is not in ${where}`);
			for (const wanted of imports) {
				if (!manifest[wanted]?.isDynamicEntry) this.error(`preload-dynamic-imports: ${wanted} is not a dynamically imported chunk in ${where}`);
				entry.imports = [...new Set([...(entry.imports ?? []), wanted])];
			}
			writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
		}
	};
}
