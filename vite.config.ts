import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/**
 * Reader pages' code in few files: a page's JavaScript counts per file in the bench's budget
 * (gzip, each file compressed alone), and forty small chunks (most under 1 KB) cost ~6 KB gzip
 * more than the same code in a few (issue 22). The groups follow who loads what: `runtime` every
 * page; `map` what draws the story map (story, embeds; pages without a map never import it, so
 * they do not preload MapLibre with it); `text` the small pieces of reader text (period badges,
 * update notes, punctuation) that the story, embeds, corrections and explore share; `story` the story
 * page (and explore, which shows citations too). Editor code matches none of them and keeps its own chunks.
 * A group takes every module its test matches, whoever imports it: what only some pages need stays
 * out of the tests (the interface strings, which the story and embeds receive with their data; the
 * district-here name and turf's point-in-polygon, loaded at city zoom). Turf's bbox and distance come
 * with the map (step-to-view, measure), and the turf modules they use (@turf/meta, helpers) with them,
 * whole: what the editor's turf calls use of those modules lands in readers' code too (draw/pick.ts).
 */
const MAP_GROUP =
	/src[\\/]lib[\\/](map[\\/](apply-view|basemap-[a-z]+|style|story-style|credits|frame|highlight|layer-index|style-ready|label-guards|district-here-when)\.ts|story[\\/](step-to-view|measure|label-anchors|padding)\.ts|geo[\\/]layers\.ts|components[\\/](StoryMap|MapView|LocatorInset)\.svelte)|^\0virtual:env[\\/]dynamic[\\/]public$/;
const TEXT_GROUP =
	/src[\\/]lib[\\/](i18n[\\/](period-labels|punctuation)\.ts|schema[\\/]periods\.ts|corrections[\\/]almaty-time\.ts|components[\\/](PeriodBadge|UpdatedNote|TextFonts)\.svelte)/;
const STORY_GROUP =
	/src[\\/]lib[\\/](components[\\/](StoryPage|StepCard|SourcesSection|ProgressNav|Citation)\.svelte|scroll[\\/]|story[\\/](story-steps\.svelte|step-keys)\.ts|ui[\\/]motion-setting\.svelte\.ts|sources[\\/]format\.ts)/;
/** what the app's entry itself imports (the language parameter, the transport hook, Vite's preload helper) goes with the runtime, never into a page's group */
const RUNTIME_GROUP =
	/node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|clsx|devalue)[\\/]|vite[\\/]preload-helper|src[\\/](params[\\/]|hooks\.ts|lib[\\/]i18n[\\/]lang\.ts|lib[\\/]transport[\\/])/;

export default defineConfig({
	plugins: [
		// MapLibre is not among a map page's modulepreloads: src/lib/map/load.ts asks for it once the page's text has painted
		// (after-paint.ts). The style builder (style.ts) and the public env are in the `map` group, which those pages load anyway
		// (files of their own were 0.3 KB gzip more; load.ts, the map's only client importer of the env, still imports them dynamically)
		sveltekit()
	],
	build: {
		// maplibre-gl alone is ~1.1 MB raw / ~300 kB gzip; it is split into its own chunk.
		chunkSizeWarningLimit: 1300,
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						// the higher priority captures a module first (and what it imports, unless a higher group has it)
						{ name: 'runtime', priority: 40, test: (id: string) => RUNTIME_GROUP.test(id) },
						{ name: 'text', priority: 30, test: (id: string) => TEXT_GROUP.test(id) },
						// the corrections page's own strings in their chunk, below `text`: above it, this group took the
						// Almaty-time note and the punctuation it imports, and the story loaded all of it for those
						{ name: 'corrections-view', priority: 25, test: /src[\\/]lib[\\/]corrections[\\/](view|field-labels)\.ts/ },
						{ name: 'map', priority: 20, test: (id: string) => MAP_GROUP.test(id) },
						{ name: 'story', priority: 10, test: (id: string) => STORY_GROUP.test(id) }
					]
				}
			}
		}
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
