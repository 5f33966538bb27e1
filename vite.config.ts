import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// maplibre-gl alone is ~1.1 MB raw / ~300 kB gzip; it is split into its own chunk.
		chunkSizeWarningLimit: 1300
	},
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node'
	}
});
