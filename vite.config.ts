import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { preloadDynamicImports } from './scripts/lib/preload-dynamic.js';

export default defineConfig({
	plugins: [
		sveltekit(),
		// the map pages name MapLibre in their modulepreloads (Link header; <head> in the static build): fetched with the page, not after hydration
		preloadDynamicImports({ importer: 'src/lib/map/load.ts', imports: ['src/lib/map/maplibre.ts', 'src/lib/map/style.ts'] })
	],
	build: {
		// maplibre-gl alone is ~1.1 MB raw / ~300 kB gzip; it is split into its own chunk.
		chunkSizeWarningLimit: 1300
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts'],
					environment: 'node'
				}
			},
			// page state in *.svelte.ts: runes need Svelte's client runtime (the "browser" entry points), still in Node
			{
				extends: true,
				resolve: { conditions: ['browser'] },
				test: { name: 'runes', include: ['src/**/*.svelte.test.ts'], environment: './vitest.runes-env.ts' }
			}
		]
	}
});
