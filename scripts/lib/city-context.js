// Almaty's city limit and eight districts for the basemap (OpenStreetMap, ODbL): read from
// data/osm/ (see its PROVENANCE.md), names per language from data/osm/district-names.yaml, each
// cited there. Used by scripts/geo-basemap.js, which writes the files under static/geo/basemap/.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { booleanPointInPolygon, point, pointToLineDistance, polygonToLine, bbox } from '@turf/turf';

const LANGS = ['ru', 'kk', 'en', 'fr'];
/** the language a missing name falls back to */
const NEXT = { fr: 'en', en: 'ru', kk: 'ru' };

/** Reads and checks the names table: every district of the OSM file, every language a name or a fallback. */
export function districtNames(dir) {
	const table = parse(fs.readFileSync(path.join(dir, 'district-names.yaml'), 'utf8'), { merge: true });
	const problems = [];
	const byRelation = new Map();
	for (const [i, d] of (table.districts ?? []).entries()) {
		const at = `data/osm/district-names.yaml › districts[${i}] (relation ${d.osm_relation})`;
		for (const lang of LANGS) {
			const cell = d[lang];
			if (!cell) problems.push(`${at} › ${lang}: missing (give name, title and url, or fallback)`);
			else if (cell.fallback) {
				if (cell.fallback !== NEXT[lang]) problems.push(`${at} › ${lang}: falls back to "${cell.fallback}", expected "${NEXT[lang]}"`);
			} else if (!cell.name || !cell.title || !/^https?:\/\//.test(cell.url ?? '')) problems.push(`${at} › ${lang}: needs name, title and an http(s) url`);
		}
		if (!d.ru?.name) problems.push(`${at} › ru: the Russian name cannot fall back`);
		byRelation.set(d.osm_relation, d);
	}
	if (problems.length) throw new Error(`District names:\n  ${problems.join('\n  ')}`);
	/** the name shown for a language, following the fallbacks */
	const resolve = (d, lang) => (d[lang].fallback ? resolve(d, d[lang].fallback) : d[lang].name);
	return { byRelation, resolve };
}

/** Pole of inaccessibility on a grid (good enough for eight districts at build time): the inside point farthest from the edge. */
function labelPoint(feature) {
	const [w, s, e, n] = bbox(feature);
	const edges = polygonToLine(feature);
	const lines = edges.type === 'FeatureCollection' ? edges.features : [edges];
	const away = (p) => Math.min(...lines.map((l) => pointToLineDistance(p, l, { units: 'kilometers' })));
	let best = null;
	const steps = 40;
	for (let i = 1; i < steps; i++)
		for (let j = 1; j < steps; j++) {
			const p = point([w + ((e - w) * i) / steps, s + ((n - s) * j) / steps]);
			if (!booleanPointInPolygon(p, feature)) continue;
			const d = away(p);
			if (!best || d > best.d) best = { p, d };
		}
	const [x, y] = best.p.geometry.coordinates;
	return [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5];
}

/**
 * Label points for close-up views: a grid over the city (GRID degrees, about 500 m; about 140 px at
 * z15), each point in the district it falls in and at least EDGE_KM inside it, one MultiPoint per
 * district and rank (the names written once). `rank` says from which zoom a point shows (0: every
 * 4th row and column, from z13; 1: every 2nd, from z14; 2: all, from z15), so a view of any size
 * holds a few candidates and MapLibre's collisions keep those clear of the story's labels.
 */
const GRID = { lon: 0.006, lat: 0.0045 };
const EDGE_KM = 0.1;
function gridLabels(districtFeatures) {
	const [w, s, e, n] = bbox({ type: 'FeatureCollection', features: districtFeatures });
	const edges = districtFeatures.map((f) => {
		const l = polygonToLine(f);
		return l.type === 'FeatureCollection' ? l.features : [l];
	});
	/** per district, per rank: the points */
	const cells = districtFeatures.map(() => [[], [], []]);
	for (let i = 0; w + (i + 0.5) * GRID.lon < e; i++)
		for (let j = 0; s + (j + 0.5) * GRID.lat < n; j++) {
			const c = [Math.round((w + (i + 0.5) * GRID.lon) * 1e5) / 1e5, Math.round((s + (j + 0.5) * GRID.lat) * 1e5) / 1e5];
			const p = point(c);
			const k = districtFeatures.findIndex((f) => booleanPointInPolygon(p, f));
			if (k < 0 || Math.min(...edges[k].map((l) => pointToLineDistance(p, l, { units: 'kilometers' }))) < EDGE_KM) continue;
			const rank = i % 4 === 0 && j % 4 === 0 ? 0 : i % 2 === 0 && j % 2 === 0 ? 1 : 2;
			cells[k][rank].push(c);
		}
	return cells.flatMap((ranks, k) =>
		ranks.map((coordinates, rank) => ({ type: 'Feature', properties: { ...districtFeatures[k].properties, rank }, geometry: { type: 'MultiPoint', coordinates } }))
	);
}

/** The basemap files: the city limit, the districts (polygons), one label point per district and the close-up grid. */
export function buildCityContext(dir) {
	const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
	const outline = read('almaty-city-outline.geojson');
	const districts = read('almaty-districts.geojson');
	const { byRelation, resolve } = districtNames(dir);
	const names = (rel) => {
		const d = byRelation.get(rel);
		if (!d) throw new Error(`data/osm/district-names.yaml: no names for OSM relation ${rel} (data/osm/almaty-districts.geojson)`);
		return { name_fr: resolve(d, 'fr'), name_en: resolve(d, 'en'), name_local: resolve(d, 'kk') };
	};
	const districtFeatures = districts.features.map((f) => ({
		type: 'Feature',
		properties: { osm_relation: f.properties.osm_relation, ...names(f.properties.osm_relation) },
		geometry: f.geometry
	}));
	const labels = districtFeatures.map((f) => ({ type: 'Feature', properties: f.properties, geometry: { type: 'Point', coordinates: labelPoint(f) } }));
	const limit = outline.features.map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry }));
	return { limit, districts: districtFeatures, labels, gridLabels: gridLabels(districtFeatures) };
}

/**
 * The locator inset's shapes, projected once (equirectangular, scaled by the cosine of the middle
 * latitude) into two small SVG frames: Kazakhstan with Almaty's position, and Almaty's limit with
 * the numbers the page needs to project the map's view rectangle into it. Paths in SVG units.
 */
export function locatorShapes(kazakhstanPolygons, limit, almaty) {
	const frame = (rings, height) => {
		const pts = rings.flat();
		const w = Math.min(...pts.map((p) => p[0]));
		const e = Math.max(...pts.map((p) => p[0]));
		const s = Math.min(...pts.map((p) => p[1]));
		const n = Math.max(...pts.map((p) => p[1]));
		const kx = Math.cos((((s + n) / 2) * Math.PI) / 180);
		const k = height / (n - s);
		return { west: w, north: n, kx, k, width: Math.round((e - w) * kx * k * 10) / 10, height };
	};
	const project = (f, [x, y]) => [Math.round((x - f.west) * f.kx * f.k * 10) / 10, Math.round((f.north - y) * f.k * 10) / 10];
	const path = (f, rings) => rings.map((r) => 'M' + r.map((p) => project(f, p).join(' ')).join('L') + 'Z').join('');
	// Kazakhstan: the outer rings of its polygons, thinned to a point every ~0.25°
	const kzRings = kazakhstanPolygons
		.map((poly) => poly[0])
		.filter((r) => r.length > 20)
		.map((r) => r.filter((p, i) => i % 4 === 0 || i === r.length - 1));
	const kz = frame(kzRings, 60);
	// Almaty: its limit thinned to about 150 points (the panel is 60 px high)
	const cityRings = limit
		.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]] : f.geometry.coordinates.map((p) => p[0])))
		.map((r) => {
			const step = Math.max(1, Math.floor(r.length / 150));
			return r.filter((p, i) => i % step === 0 || i === r.length - 1);
		});
	const city = frame(cityRings, 60);
	return {
		kazakhstan: { width: kz.width, height: kz.height, path: path(kz, kzRings), almaty: project(kz, almaty) },
		city: { width: city.width, height: city.height, path: path(city, cityRings), west: city.west, north: city.north, kx: city.kx, k: city.k }
	};
}
