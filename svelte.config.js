import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { PAGE_CSP_DIRECTIVES } from './src/lib/server/web-policy.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// QANTAR_BUILD_OUT / QANTAR_KIT_OUT: the benchmark builds into its own folders, so a
		// concurrent `npm run build` (tests) cannot pull the files from under its server
		adapter: adapter({ out: process.env.QANTAR_BUILD_OUT ?? 'build' }),
		outDir: process.env.QANTAR_KIT_OUT ?? '.svelte-kit',
		// the pages' policy, written once (src/lib/server/web-policy.js); SvelteKit adds each page's nonce
		csp: { mode: 'auto', directives: PAGE_CSP_DIRECTIVES },
		typescript: {
			// svelte-check also checks the production server (plain JavaScript with JSDoc types)
			config: (tsconfig) => ({ ...tsconfig, include: [...tsconfig.include, '../server/**/*.js', '../server/**/*.ts'] })
		}
	}
};

export default config;
