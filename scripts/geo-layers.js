// Builds the story's layers in static/geo/ (GeoJSON, RFC 7946).
//
//   node scripts/geo-layers.js   rebuild derived layers: country outlines (Natural
//                                Earth via world-atlas) and the CSTO movement lines
//                                (great circles with turf between each line's `from`
//                                and `to` features)
//
// The point layers are edited data (the editor, or by hand): this script only
// reads them. Sources are ids of content/sources.yaml.
//
// Movement lines keep their properties (figures, sources) from the existing
// static/geo/csto-airlift.geojson; only their geometry is recomputed, so an
// editor who moves a base moves its arc at the next build.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import { greatCircle, point } from '@turf/turf';
import { fixAntimeridian, roundGeometry } from './lib/antimeridian.js';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'static/geo');
mkdirSync(out, { recursive: true });

/** source ids (content/sources.yaml) */
const NATURAL_EARTH = 'natural-earth-50m-admin-0-countries';
const CSTO_DECISION = 'europe-diplomatic-2022-01-06-csto-troops';
/** the AFP dispatch of 10 January 2022 (it names Kazakhstan and Russia) */
const DISPATCH = 'afp-2022-01-10-coup-defeated-franceinfo';
/** French typography: a narrow no-break space before ":" */
const NNBSP = '\u202f';

function write(name, features) {
	const fc = { type: 'FeatureCollection', features };
	// one feature per line: small diffs in git history, still compact
	const text = '{"type":"FeatureCollection","features":[\n' + features.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n';
	JSON.parse(text); // sanity
	writeFileSync(join(out, name), text);
	console.log(`${name}: ${fc.features.length} features, ${(text.length / 1024).toFixed(1)} KB`);
}

// ---- country outlines -------------------------------------------------------
const topo = require('world-atlas/countries-50m.json');
const countries = feature(topo, topo.objects.countries).features;
const CSTO = [
	{ num: '643', iso: 'RUS', id: 'country-russia', fr: 'Russie', en: 'Russia', ru: 'Россия', kk: 'Ресей' },
	{ num: '112', iso: 'BLR', id: 'country-belarus', fr: 'Bélarus', en: 'Belarus', ru: 'Беларусь', kk: 'Беларусь' },
	{ num: '051', iso: 'ARM', id: 'country-armenia', fr: 'Arménie', en: 'Armenia', ru: 'Армения', kk: 'Армения' },
	{ num: '398', iso: 'KAZ', id: 'country-kazakhstan-csto', fr: 'Kazakhstan', en: 'Kazakhstan', ru: 'Казахстан', kk: 'Қазақстан' },
	{ num: '417', iso: 'KGZ', id: 'country-kyrgyzstan', fr: 'Kirghizstan', en: 'Kyrgyzstan', ru: 'Киргизия', kk: 'Қырғызстан' },
	{ num: '762', iso: 'TJK', id: 'country-tajikistan', fr: 'Tadjikistan', en: 'Tajikistan', ru: 'Таджикистан', kk: 'Тәжікстан' }
];
function countryGeometry(num) {
	const f = countries.find((c) => c.id === num);
	if (!f) throw new Error(`world-atlas has no country with id ${num}`);
	return roundGeometry(fixAntimeridian(f.geometry), 3);
}
function countryFeature(c, id, descFr, descEn, sources) {
	return {
		type: 'Feature',
		geometry: countryGeometry(c.num),
		properties: {
			id,
			name_fr: c.fr,
			name_en: c.en,
			name_ru: c.ru,
			name_kk: c.kk,
			kind: 'country',
			description_fr: descFr,
			description_en: descEn,
			sources: c.iso === 'KAZ' || c.iso === 'RUS' ? [...sources, DISPATCH] : sources,
			confidence: 'high',
			// the dispatch names Kazakhstan and Russia ("pilotée par Moscou"); the other members come from other reporting
			period: c.iso === 'KAZ' || c.iso === 'RUS' ? 'dispatch' : 'reported',
			country: c.iso
		}
	};
}
const kaz = CSTO.find((c) => c.iso === 'KAZ');
write('kazakhstan.geojson', [
	countryFeature(
		kaz,
		'country-kazakhstan',
		'Frontières du Kazakhstan (Natural Earth, échelle 1:50 millions).',
		'Borders of Kazakhstan (Natural Earth, 1:50m scale).',
		[NATURAL_EARTH]
	)
]);
write(
	'csto-members.geojson',
	CSTO.map((c) =>
		countryFeature(
			c,
			c.id,
			`${c.fr}${NNBSP}: État membre de l’Organisation du traité de sécurité collective (OTSC) en janvier 2022.`,
			`${c.en}: member state of the Collective Security Treaty Organization (CSTO) in January 2022.`,
			[CSTO_DECISION, NATURAL_EARTH]
		)
	)
);

// ---- point layers (read only: their positions, for the movement lines) ----------
const POINT_LAYERS = ['almaty-sites.geojson', 'protest-cities.geojson', 'csto-capitals.geojson', 'csto-bases.geojson'];

// ---- movement lines ------------------------------------------------------------
const points = new Map();
for (const file of POINT_LAYERS) {
	const fc = JSON.parse(readFileSync(join(out, file), 'utf8'));
	for (const f of fc.features) points.set(f.properties.id, f.geometry.coordinates);
}
const airliftFile = join(out, 'csto-airlift.geojson');
const routes = JSON.parse(readFileSync(airliftFile, 'utf8')).features.map((f) => f.properties);
write(
	'csto-airlift.geojson',
	routes.map((p) => {
		const a = points.get(p.from);
		const b = points.get(p.to);
		if (!a || !b) throw new Error(`movement "${p.id}": unknown ${!a ? `from "${p.from}"` : `to "${p.to}"`} (not in the point layers)`);
		const line = greatCircle(point(a), point(b), { npoints: 64 });
		return { type: 'Feature', geometry: roundGeometry(line.geometry, 4), properties: p };
	})
);
