// npm start: serves the production build (build/, made by `npm run build`) on
// a local port and says where. PORT and HOST can be set (default 4173 on
// loopback), ORIGIN is the public address (default http://localhost:PORT);
// QANTAR_BUILD_DIR serves another build folder (the benches build their own).
// What the server adds to adapter-node's handler: app.js. Settings:
// docs/deployment.md.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { start } from './app.js';
import { sessionSecretProblem } from '../src/lib/server/editor/credential-rules.js';

process.env.PORT ??= '4173';
process.env.HOST ??= '127.0.0.1';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// adapter-node's default body limit (512K) is below the write API's own 5 MB limit
process.env.BODY_SIZE_LIMIT ??= '6M';
const buildDir = process.env.QANTAR_BUILD_DIR ?? 'build';
if (!existsSync(join(buildDir, 'handler.js'))) {
	console.error(`No production build in ${buildDir}/: run \`npm run build\` first (npm start does it for you).`);
	process.exit(1);
}
const secretProblem = sessionSecretProblem(process.env.QANTAR_SESSION_SECRET);
if (secretProblem) {
	console.error(secretProblem);
	process.exit(1);
}
const server = await start({ buildDir });
const stop = () => {
	server.close(() => process.exit(0));
	server.closeAllConnections();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
console.log(`\n  Qantar is running: http://localhost:${process.env.PORT}/  (press Ctrl+C to stop)\n`);
