// Almaty's city limit and eight districts for the basemap (OpenStreetMap, ODbL): read from
// data/osm/ (see its PROVENANCE.md), names per language from data/osm/district-names.yaml, each
// cited there. Used by scripts/geo-basemap.js, which writes the files under static/geo/basemap/.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { along, bearing, booleanPointInPolygon, destination, length, lineString, point, pointToLineDistance, polygonToLine, bbox } from '@turf/turf';

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
 * Label points for close-up views, along each district's edge, inside it: every STEP_KM along its
 * boundary, INSET_KM in from it, with the text anchored away from the boundary (`anchor`), so that
 * in a view of a few streets the names sit on either side of the dashed line between two districts.
 * `rank` says from which zoom a point shows (0: every 8th, from z13; 1: every 4th, from z14; 2: every
 * 2nd, from z15; 3: all, from z16): about 200 px apart at each zoom. Plus a sparse grid (rank 4,
 * from z15, placed last) so that a phone's small view finds room away from the story's labels. One
 * MultiPoint per district, rank and anchor (the names written once).
 */
const STEP_KM = 0.35;
const INSET_KM = 0.12;
function edgeLabels(districtFeatures) {
	const groups = new Map();
	districtFeatures.forEach((f, k) => {
		const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]] : f.geometry.coordinates.map((p) => p[0]);
		for (const ring of rings) {
			const line = lineString(ring);
			const total = length(line, { units: 'kilometers' });
			for (let i = 0; (i + 0.5) * STEP_KM < total; i++) {
				const at = (i + 0.5) * STEP_KM;
				const p = along(line, at, { units: 'kilometers' });
				const dir = bearing(along(line, Math.max(0, at - 0.02), { units: 'kilometers' }), along(line, Math.min(total, at + 0.02), { units: 'kilometers' }));
				// the inward side: try the left normal, else the right one
				let inside = null;
				for (const turn of [-90, 90]) {
					const q = destination(p, INSET_KM, dir + turn, { units: 'kilometers' });
					const others = districtFeatures.filter((g, j) => j !== k && booleanPointInPolygon(q, g));
					if (booleanPointInPolygon(q, f) && !others.length) inside = { q, out: dir - turn };
				}
				if (!inside) continue;
				// anchor the text on the side away from the boundary (the outward bearing's opposite)
				const b = (((inside.out + 180) % 360) + 360) % 360;
				const anchor = b < 45 || b >= 315 ? 'bottom' : b < 135 ? 'left' : b < 225 ? 'top' : 'right';
				const rank = i % 8 === 0 ? 0 : i % 4 === 0 ? 1 : i % 2 === 0 ? 2 : 3;
				const key = `${k}|${rank}|${anchor}`;
				if (!groups.has(key)) groups.set(key, { k, rank, anchor, coordinates: [] });
				const [x, y] = inside.q.geometry.coordinates;
				groups.get(key).coordinates.push([Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5]);
			}
		}
	});
	// and a sparse grid over every district (rank 4, from z15): a candidate wherever a small view has room
	const GRID = { lon: 0.006, lat: 0.0045 };
	const [w, s, e, n] = bbox({ type: 'FeatureCollection', features: districtFeatures });
	for (let i = 0; w + (i + 0.5) * GRID.lon < e; i++)
		for (let j = 0; s + (j + 0.5) * GRID.lat < n; j++) {
			const c = [Math.round((w + (i + 0.5) * GRID.lon) * 1e5) / 1e5, Math.round((s + (j + 0.5) * GRID.lat) * 1e5) / 1e5];
			const k = districtFeatures.findIndex((f) => booleanPointInPolygon(point(c), f));
			if (k < 0) continue;
			const key = `${k}|4|center`;
			if (!groups.has(key)) groups.set(key, { k, rank: 4, anchor: 'center', coordinates: [] });
			groups.get(key).coordinates.push(c);
		}
	return [...groups.values()].map((g) => ({
		type: 'Feature',
		properties: { ...districtFeatures[g.k].properties, rank: g.rank, anchor: g.anchor },
		geometry: { type: 'MultiPoint', coordinates: g.coordinates }
	}));
}

/** The basemap files: the city limit, the districts (polygons), one label point per district and the close-up labels along the district edges. */
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
	return { limit, districts: districtFeatures, labels, edgeLabels: edgeLabels(districtFeatures) };
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
