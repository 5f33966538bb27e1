// Finds the Chromium that browser tests, snapshots and benchmarks drive.
// Order: $QANTAR_CHROMIUM, then the usual system paths (Debian's `chromium`),
// then Playwright's own managed browser if one was installed.
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/snap/bin/chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium'
];

export const CHROMIUM_HELP = `No Chromium found for the browser tests.
Install one, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install chromium
  macOS:          install Google Chrome or Chromium
  or:             npx playwright install chromium   (needs internet access)
Or point the tests at a Chromium or Chrome binary you have:
  QANTAR_CHROMIUM=/path/to/chromium npm test`;

/** @returns {Promise<{ path: string, from: string } | null>} */
export async function findChromium() {
	const fromEnv = process.env.QANTAR_CHROMIUM;
	if (fromEnv) {
		if (existsSync(fromEnv)) return { path: fromEnv, from: 'QANTAR_CHROMIUM' };
		throw new Error(`QANTAR_CHROMIUM is set to "${fromEnv}", but no file is there.\n\n${CHROMIUM_HELP}`);
	}
	for (const p of CHROMIUM_CANDIDATES) if (existsSync(p)) return { path: p, from: 'system' };
	try {
		const { chromium } = await import('@playwright/test');
		const p = chromium.executablePath();
		if (p && existsSync(p)) return { path: p, from: 'playwright' };
	} catch {
		/* no managed browser */
	}
	return null;
}

/** Launch arguments that work headless with WebGL in software (SwiftShader) and make no background requests. */
export const CHROMIUM_ARGS = [
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
	'--ignore-gpu-blocklist',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-domain-reliability',
	'--no-first-run',
	'--no-default-browser-check',
	'--no-sandbox'
];
