import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// QANTAR_BUILD_OUT / QANTAR_KIT_OUT: the benchmark builds into its own folders, so a
		// concurrent `npm run build` (tests) cannot pull the files from under its server
		adapter: adapter({ out: process.env.QANTAR_BUILD_OUT ?? 'build' }),
		outDir: process.env.QANTAR_KIT_OUT ?? '.svelte-kit',
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'worker-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
