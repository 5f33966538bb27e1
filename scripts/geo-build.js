// npm run geo:build: rebuilds every generated file under static/geo/ from npm
// packages (no network): the embedded basemap, then the story's derived layers
// (country outlines and CSTO movement lines), then the labels' glyph PBFs (they read
// the names of both). Output is committed.
import { spawnSync } from 'node:child_process';

for (const script of ['scripts/geo-basemap.js', 'scripts/geo-layers.js', 'scripts/geo-glyphs.js']) {
	console.log(`\n== node ${script} ${process.argv.slice(2).join(' ')}`);
	const r = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}
