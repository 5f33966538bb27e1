// Builds the benchmark's floor page (scripts/bench/floor/) into <build>/client/__floor/,
// so the same production server serves it, with the same compression and headers.
import { defineConfig } from 'vite';
import { resolve } from 'node:path';

const out = process.env.QANTAR_FLOOR_OUT ?? resolve('build/client/__floor');
export default defineConfig({
	root: resolve('scripts/bench/floor'),
	base: '/__floor/',
	logLevel: 'warn',
	resolve: { alias: { $lib: resolve('src/lib') } },
	build: { outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 1300, assetsDir: 'assets' }
});
