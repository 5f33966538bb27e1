import { defineConfig } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS, CHROMIUM_HELP } from './scripts/lib/chromium.js';

const found = await findChromium();
if (!found) throw new Error(CHROMIUM_HELP);

const PORT = Number(process.env.TEST_PORT ?? 4318);

export default defineConfig({
	testDir: 'tests/e2e',
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
		command: `npm run build && node scripts/start.js`,
		url: `http://localhost:${PORT}/`,
		timeout: 240_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: { PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: `http://localhost:${PORT}` }
	}
});
