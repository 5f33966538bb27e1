#!/usr/bin/env node
// Pre-renders the basemap's label glyphs as SDF glyph PBFs (MapLibre's `glyphs` URL), so that the
// browser no longer draws every label letter itself from the WOFF2 `font-faces` (0.4–0.5 s of main
// thread per load on a phone: docs/findings/2026-12-06.md).
//
//   node scripts/geo-glyphs.js      (part of npm run geo:build, after the basemap and the layers)
//
// Writes static/geo/fonts/<font name>/<start>-<end>.pbf for both label fonts of
// src/lib/map/basemap-fonts.ts, with fontnik (FreeType, 24 px, buffer 3: what MapLibre expects)
// from Noto Sans in @fontsource/noto-sans (WOFF; SIL Open Font License 1.1, static/geo/fonts/OFL.txt).
// Only the letters the labels use (every name_* and label_* property of the points in the GeoJSON under static/geo/), plus
// the Latin, Russian and Kazakh alphabets and punctuation for names typed later
// (scripts/lib/glyph-ranges.js). No network; the same bytes on every run.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ALIASES, codepointsOf, drawnLocally, glyphRanges, rangeName, renameGlyph } from './lib/glyph-ranges.js';

const require = createRequire(import.meta.url);
/** @type {{ load: Function, range: Function, composite: Function }} */
const fontnik = require('fontnik');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GEO = path.join(ROOT, 'static/geo');
const OUT = path.join(GEO, 'fonts');
const FILES = path.join(ROOT, 'node_modules/@fontsource/noto-sans/files');

/** Font names as in src/lib/map/basemap-fonts.ts (BASEMAP_FONT, BASEMAP_FONT_BOLD) and their weights. */
const FONTS = { 'Noto Sans Regular': 400, 'Noto Sans SemiBold': 600 };
/** @fontsource's subsets of Noto Sans; together they are the whole font. */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];

/** @template T @param {(cb: (err: Error | null, v: T) => void) => void} f @returns {Promise<T>} */
const call = (f) => new Promise((resolve, reject) => f((err, v) => (err ? reject(err) : resolve(v))));

/** The properties a map label shows (`text-field` in src/lib/map/basemap-style.ts, story-style.ts). */
const LABEL_KEY = /^(name|label)(_|$)/;

/** Every GeoJSON under static/geo/: the label properties of its points (lines and areas have no labels). */
function labelProperties() {
	const props = [];
	/** @param {string} dir */
	const walk = (dir) => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.name.endsWith('.geojson')) {
				const fc = JSON.parse(fs.readFileSync(p, 'utf8'));
				for (const f of fc.features ?? [])
					if (/Point$/.test(f.geometry?.type ?? '')) for (const [key, value] of Object.entries(f.properties ?? {})) if (LABEL_KEY.test(key)) props.push(value);
			}
		}
	};
	walk(GEO);
	return props;
}

const used = codepointsOf(labelProperties());
const ranges = glyphRanges(used);
let bytes = 0;
for (const [name, weight] of Object.entries(FONTS)) {
	const fonts = SUBSETS.map((s) => fs.readFileSync(path.join(FILES, `noto-sans-${s}-${weight}-normal.woff`)));
	/** @type {Set<number>} */
	const covered = new Set();
	for (const font of fonts) {
		const faces = /** @type {{ points: number[] }[]} */ (await call((cb) => fontnik.load(font, cb)));
		for (const cp of faces[0].points) covered.add(cp);
	}
	const missing = [...used].filter((cp) => cp > 0x1f && !drawnLocally(cp) && !covered.has(cp) && !(cp in ALIASES));
	if (missing.length)
		console.warn(
			`${name}: Noto Sans has no glyph for ${missing.map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} (${String.fromCodePoint(cp)})`).join(', ')}, used in the labels' data: it will not be drawn`
		);
	const dir = path.join(OUT, name);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	for (const [k, runs] of ranges) {
		const parts = await Promise.all(runs.flatMap(([start, end]) => fonts.map((font) => call((cb) => fontnik.range({ font, start, end }, cb)))));
		for (const [alias, source] of Object.entries(ALIASES).map(([a, s]) => [Number(a), s]))
			if (Math.floor(alias / 256) === k) {
				const font = fonts[0];
				const one = /** @type {Buffer} */ (await call((cb) => fontnik.range({ font, start: source, end: source }, cb)));
				parts.push(Buffer.from(renameGlyph(one, source, alias)));
			}
		/** @type {Buffer} */
		const pbf = await call((cb) => fontnik.composite(parts, cb));
		fs.writeFileSync(path.join(dir, `${rangeName(k)}.pbf`), pbf);
		bytes += pbf.length;
	}
}
console.log(
	`glyphs: ${Object.keys(FONTS).length} fonts × ${ranges.size} ranges (${[...ranges.keys()].map(rangeName).join(', ')}), ${(bytes / 1024).toFixed(0)} KB, in ${path.relative(ROOT, OUT)}/`
);
