// Fails the test run early, with a message that says what to install, when no
// Chromium is available (instead of a stack trace from Playwright).
import { findChromium, CHROMIUM_HELP } from './lib/chromium.js';

try {
	const found = await findChromium();
	if (!found) {
		console.error(CHROMIUM_HELP);
		process.exit(1);
	}
	console.log(`Browser tests use ${found.path} (${found.from}).`);
} catch (e) {
	console.error(e.message);
	process.exit(1);
}
