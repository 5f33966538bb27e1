// Serves the production build (build/, made by `npm run build`) on a local port
// and says where. PORT and HOST can be set; defaults: 4173 on localhost.
import { existsSync } from 'node:fs';

process.env.PORT ??= '4173';
process.env.HOST ??= '127.0.0.1';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
if (!existsSync(new URL('../build/index.js', import.meta.url))) {
	console.error('No production build found: run `npm run build` first (npm start does it for you).');
	process.exit(1);
}
await import('../build/index.js');
console.log(`\n  Qantar is running: http://localhost:${process.env.PORT}/  (press Ctrl+C to stop)\n`);
