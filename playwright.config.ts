import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';
import { findChromium, CHROMIUM_ARGS, CHROMIUM_HELP } from './scripts/lib/chromium.js';

const found = await findChromium();
if (!found) throw new Error(CHROMIUM_HELP);

const PORT = Number(process.env.TEST_PORT ?? 4318);
/** The test server reads and writes a copy of the layers (made by scripts/test-server-data.js), never static/geo. */
const TEST_DATA_DIR = resolve('.tmp/test-data');
const TEST_EDITORS_FILE = resolve('.tmp/test-editors.json');
/** The servers the specs start themselves (startBuiltServer passes this environment on) draw no step pictures either, unless a spec asks (tests/api/pictures.spec.ts). */
process.env.QANTAR_STEP_PICTURES ??= 'off';

export default defineConfig({
	testDir: 'tests',
	testMatch: ['e2e/**/*.spec.ts', 'api/**/*.spec.ts'],
	timeout: 90_000,
	expect: { timeout: 20_000 },
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		browserName: 'chromium',
		launchOptions: { executablePath: found.path, args: CHROMIUM_ARGS },
		viewport: { width: 1280, height: 800 }
	},
	webServer: {
		command: `node scripts/test-server-data.js && npm run build && node server/index.js`,
		url: `http://localhost:${PORT}/`,
		timeout: 240_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${PORT}`,
			QANTAR_DATA_DIR: TEST_DATA_DIR,
			QANTAR_EDITORS_FILE: TEST_EDITORS_FILE,
			// no step pictures drawn after the specs' publishes: Chromium renders would load the shared server (tests/api/pictures.spec.ts runs its own)
			QANTAR_STEP_PICTURES: 'off',
			// adapter-node's own limit (default 512K) must not undercut the write API's 5 MB
			BODY_SIZE_LIMIT: '6M'
		}
	}
});
