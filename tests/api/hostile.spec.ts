// Malformed and hostile write requests: each gets the expected 4xx, a JSON
// answer { error, problems } whose text names the problem, and the layer
// files on disk are byte-for-byte what they were before.
import { test, expect, type APIRequestContext } from '@playwright/test';
import { bytesOnDisk, client, getLayer, newCity, signIn } from './helpers';
import { LAYER_IDS } from '../../src/lib/geo/layers';

const LAYERS = LAYER_IDS;

type Session = 'valid' | 'none' | 'forged' | 'signed-out';
interface Case {
	name: string;
	status: number;
	message: RegExp;
	layer?: string;
	method?: string;
	path?: string;
	session?: Session;
	/** node's fetch instead of Playwright's client (which always sends a content type with a body) */
	transport?: 'fetch';
	headers?: Record<string, string | null>;
	/** the body: raw text/bytes, or built from the current layer's collection (and its first feature) */
	body?: string | Buffer | ((fc: any, first: any) => unknown);
}

const clone = (x: unknown) => JSON.parse(JSON.stringify(x));
/** the current layer plus a new valid city, then `mutate` applied to that new city */
const withNew =
	(mutate: (f: any) => void, id = 'hostile-new-town') =>
	(fc: any) => {
		const f = newCity(id);
		mutate(f);
		return { ...fc, features: [...fc.features, f] };
	};
/** the current layer with its first feature changed */
const withFirst = (mutate: (f: any) => void) => (fc: any) => {
	const copy = clone(fc);
	mutate(copy.features[0]);
	return copy;
};
const ring = (...pts: [number, number][]) => pts;
const bowTie = ring([76.9, 43.2], [77, 43.3], [77, 43.2], [76.9, 43.3], [76.9, 43.2]);
const square = ring([76.9, 43.2], [76.95, 43.2], [76.95, 43.25], [76.9, 43.25], [76.9, 43.2]);

const cases: Case[] = [
	// the body is not JSON, or not a layer
	{
		name: 'trailing comma',
		status: 400,
		message: /not valid JSON at position \d+ \(line 1, column \d+\): expected a property name/,
		body: '{"type":"FeatureCollection","features":[],}'
	},
	{
		name: 'truncated JSON',
		status: 400,
		message: /not valid JSON at position 40 .*found the end of the text/,
		body: '{"type":"FeatureCollection","features":['
	},
	{ name: 'empty body', status: 400, message: /body is empty/, body: '' },
	{
		name: 'NaN literal',
		status: 400,
		message: /not valid JSON at position \d+.*found "NaN/,
		body: '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[NaN,1]}}]}'
	},
	{ name: 'single-quoted JSON', status: 400, message: /not valid JSON at position 1 .*property name in double quotes/, body: "{'type':'FeatureCollection'}" },
	{ name: 'byte order mark', status: 400, message: /not valid JSON at position 0/, body: '\ufeff{"type":"FeatureCollection","features":[]}' },
	{ name: 'invalid UTF-8', status: 400, message: /not valid UTF-8/, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
	{
		name: 'raw control character in a string',
		status: 400,
		message: /control characters must be escaped/,
		body: '{"type":"FeatureCollection\u0001","features":[]}'
	},
	{ name: 'a JSON array', status: 422, message: /must be a FeatureCollection with a "features" array/, body: '[]' },
	{ name: 'a JSON string', status: 422, message: /must be a FeatureCollection/, body: '"hello"' },
	{ name: 'JSON null', status: 422, message: /must be a FeatureCollection/, body: 'null' },
	{ name: 'a collection without features', status: 422, message: /"features" array/, body: '{"type":"FeatureCollection"}' },
	{ name: 'features not an array', status: 422, message: /"features" array/, body: '{"type":"FeatureCollection","features":{}}' },
	{ name: 'a single Feature', status: 422, message: /must be a FeatureCollection/, body: (_fc, first) => first },
	// prototype pollution
	{
		name: '__proto__ at the top',
		status: 400,
		message: /the key "__proto__" is not allowed/,
		body: '{"type":"FeatureCollection","features":[],"__proto__":{"admin":true}}'
	},
	{
		name: '__proto__ in properties',
		status: 400,
		message: /properties\.__proto__.*"__proto__" is not allowed/,
		body: (fc) => JSON.stringify(fc).replace('"properties":{', '"properties":{"__proto__":{"polluted":1},')
	},
	{
		name: 'constructor in properties',
		status: 400,
		message: /"constructor" is not allowed/,
		body: withFirst((f) => (f.properties.constructor = { prototype: { polluted: 1 } }))
	},
	{
		name: 'prototype in geometry',
		status: 400,
		message: /geometry\.prototype.*"prototype" is not allowed/,
		body: withFirst((f) => (f.geometry.prototype = {}))
	},
	{
		name: 'constructor deep in an array',
		status: 400,
		message: /"constructor" is not allowed/,
		body: withFirst((f) => (f.properties.sources = [{ constructor: 1 }]))
	},
	// geometry against kind
	{
		name: 'a city drawn as a line',
		status: 422,
		message: /"LineString" is not allowed for kind "city"/,
		body: withNew(
			(f) =>
				(f.geometry = {
					type: 'LineString',
					coordinates: [
						[68, 47],
						[69, 47]
					]
				})
		)
	},
	{
		name: 'a city drawn as a polygon',
		status: 422,
		message: /"Polygon" is not allowed for kind "city"/,
		body: withNew((f) => (f.geometry = { type: 'Polygon', coordinates: [square] }))
	},
	{
		name: 'an airlift drawn as a point',
		layer: 'csto-airlift',
		status: 422,
		message: /"Point" is not allowed for kind "airlift"/,
		body: withFirst((f) => (f.geometry = { type: 'Point', coordinates: [60, 50] }))
	},
	{
		name: 'a country drawn as a point',
		layer: 'kazakhstan',
		status: 422,
		message: /"Point" is not allowed for kind "country"/,
		body: withFirst((f) => (f.geometry = { type: 'Point', coordinates: [67, 48] }))
	},
	{ name: 'no geometry', status: 422, message: /geometry: is required/, body: withNew((f) => (f.geometry = null)) },
	{
		name: 'an unknown geometry type',
		status: 422,
		message: /"Circle"/,
		body: withNew((f) => (f.geometry = { type: 'Circle', coordinates: [68, 47], radius: 5 }))
	},
	// rings and crossings (a building may be a polygon)
	{
		name: 'an unclosed ring',
		layer: 'almaty-sites',
		status: 422,
		message: /geometry\.coordinates\.0: the ring is not closed/,
		body: withFirst((f) => ((f.properties.kind = 'building'), (f.geometry = { type: 'Polygon', coordinates: [square.slice(0, 4)] })))
	},
	{
		name: 'a ring of three positions',
		layer: 'almaty-sites',
		status: 422,
		message: /needs at least 4 positions/,
		body: withFirst(
			(f) => (
				(f.properties.kind = 'building'),
				(f.geometry = {
					type: 'Polygon',
					coordinates: [
						[
							[76.9, 43.2],
							[77, 43.3],
							[76.9, 43.2]
						]
					]
				})
			)
		)
	},
	{
		name: 'a polygon without rings',
		layer: 'almaty-sites',
		status: 422,
		message: /polygon needs at least one ring/,
		body: withFirst((f) => ((f.properties.kind = 'building'), (f.geometry = { type: 'Polygon', coordinates: [] })))
	},
	{
		name: 'a bow-tie polygon',
		layer: 'almaty-sites',
		status: 422,
		message: /the polygon crosses itself/,
		body: withFirst((f) => ((f.properties.kind = 'building'), (f.geometry = { type: 'Polygon', coordinates: [bowTie] })))
	},
	{
		name: 'a bow-tie hole',
		layer: 'almaty-sites',
		status: 422,
		message: /crosses itself/,
		body: withFirst(
			(f) => (
				(f.properties.kind = 'building'),
				(f.geometry = { type: 'Polygon', coordinates: [ring([76.8, 43.1], [77.1, 43.1], [77.1, 43.4], [76.8, 43.4], [76.8, 43.1]), bowTie] })
			)
		)
	},
	{
		name: 'a bow-tie in a multipolygon',
		layer: 'kazakhstan',
		status: 422,
		message: /geometry\.coordinates\.1: the polygon crosses itself/,
		body: withFirst((f) => (f.geometry = { type: 'MultiPolygon', coordinates: [[square], [bowTie]] }))
	},
	// coordinates
	{
		name: 'an infinite longitude (1e999)',
		status: 422,
		message: /position 0 is not a pair of finite numbers/,
		body: (fc) => JSON.stringify(withNew((f) => (f.geometry.coordinates = [12345.5, 47.1]))(fc)).replace('12345.5', '1e999')
	},
	{
		name: 'an infinite latitude (-1e999)',
		status: 422,
		message: /not a pair of finite numbers/,
		body: (fc) => JSON.stringify(withNew((f) => (f.geometry.coordinates = [68.5, 12345.5]))(fc)).replace('12345.5', '-1e999')
	},
	{ name: 'longitude 181', status: 422, message: /\[181, 47\.1\] is out of range/, body: withNew((f) => (f.geometry.coordinates = [181, 47.1])) },
	{ name: 'latitude -91', status: 422, message: /\[68, -91\] is out of range/, body: withNew((f) => (f.geometry.coordinates = [68, -91])) },
	{
		name: 'swapped latitude and longitude',
		status: 422,
		message: /\[47\.1, 96\.5\] is out of range .*\[longitude, latitude\]/,
		body: withNew((f) => (f.geometry.coordinates = [47.1, 96.5]))
	},
	{
		name: 'coordinates as strings',
		status: 422,
		message: /not a pair of finite numbers|RFC 7946/,
		body: withNew((f) => (f.geometry.coordinates = ['68.5', '47.1']))
	},
	{ name: 'a one-number position', status: 422, message: /not a pair of finite numbers|RFC 7946/, body: withNew((f) => (f.geometry.coordinates = [68.5])) },
	{ name: 'empty coordinates', status: 422, message: /RFC 7946|not a pair/, body: withNew((f) => (f.geometry.coordinates = [])) },
	{
		name: '"coordinates": 5 on a point',
		status: 422,
		message: /position 0 is not a pair of finite numbers/,
		body: withNew((f) => (f.geometry.coordinates = 5))
	},
	{
		name: '"coordinates": 5 on a polygon',
		layer: 'almaty-sites',
		status: 422,
		message: /geometry\.coordinates: must be an array of arrays of positions for a Polygon/,
		body: withFirst((f) => ((f.properties.kind = 'building'), (f.geometry = { type: 'Polygon', coordinates: 5 })))
	},
	{
		name: 'a number where a multipoint has positions',
		status: 422,
		message: /geometry\.coordinates: must be an array of positions for a MultiPoint/,
		body: withNew((f) => (f.geometry = { type: 'MultiPoint', coordinates: 5 }))
	},
	// sizes that made the check quadratic, or the server crash
	{
		name: 'JSON nested 10,000 deep',
		status: 400,
		message: /nests arrays and objects more than 32 levels deep \(line 1, column \d+\)/,
		body: `{"type":"FeatureCollection","features":[${'['.repeat(10_000)}${']'.repeat(10_000)}]}`
	},
	{
		name: '20,001 features',
		status: 422,
		message: /features: has 20001 features, more than the 20000 a layer may hold/,
		body: (fc) => ({ ...fc, features: Array.from({ length: 20_001 }, () => ({})) })
	},
	{
		name: '20,000 invalid features',
		status: 422,
		message: /The layer has 101 problems|check stopped after 100 problems/,
		body: (fc) => ({ ...fc, features: Array.from({ length: 20_000 }, () => ({ type: 'Feature' })) })
	},
	// properties
	{ name: 'missing sources', status: 422, message: /properties\.sources: is required/, body: withNew((f) => delete f.properties.sources) },
	{ name: 'empty sources', status: 422, message: /properties\.sources: needs at least one source id/, body: withNew((f) => (f.properties.sources = [])) },
	{
		name: 'a bare URL as a source',
		status: 422,
		message: /properties\.sources\.0: must be the id of a source in content\/sources\.yaml/,
		body: withNew((f) => (f.properties.sources = ['https://example.org/x']))
	},
	{
		name: 'a javascript: source',
		status: 422,
		message: /sources\.0: must be the id of a source/,
		body: withNew((f) => (f.properties.sources = ['javascript:alert(1)']))
	},
	{
		name: 'a source id the registry does not have',
		status: 422,
		message: /properties\.sources\.0: "no-such-source" is not in the source registry/,
		body: withNew((f) => (f.properties.sources = ['no-such-source']))
	},
	{ name: 'missing id', status: 422, message: /properties\.id: is required/, body: withNew((f) => delete f.properties.id) },
	{ name: 'an id that is not kebab-case', status: 422, message: /properties\.id: must be kebab-case/, body: withNew(() => {}, 'Bad Id') },
	{ name: 'an id of 81 characters', status: 422, message: /properties\.id: must be at most 80 characters/, body: withNew(() => {}, 'a'.repeat(81)) },
	{
		name: 'a duplicate id in the layer',
		status: 422,
		message: /properties\.id: duplicates the id of feature 0/,
		body: (fc) => withNew(() => {}, fc.features[0].properties.id)(fc)
	},
	{
		name: 'an id used by another layer',
		status: 422,
		message: /properties\.id: is already used in almaty-sites\.geojson/,
		body: withNew(() => {}, 'almaty-akimat')
	},
	{ name: 'an unknown kind', status: 422, message: /properties\.kind/, body: withNew((f) => (f.properties.kind = 'palace')) },
	{ name: 'an unknown field', status: 422, message: /unknown field\(s\) "onclick"/, body: withNew((f) => (f.properties.onclick = 'alert(1)')) },
	{ name: 'missing English name', status: 422, message: /properties\.name_en: is required/, body: withNew((f) => delete f.properties.name_en) },
	{ name: 'an empty French name', status: 422, message: /properties\.name_fr: is required/, body: withNew((f) => (f.properties.name_fr = '   ')) },
	{
		name: 'a control character in a name',
		status: 422,
		message: /properties\.name_en: must not contain control/,
		body: withNew((f) => (f.properties.name_en = 'Town\u0000'))
	},
	{
		name: 'a bidi override in a name',
		status: 422,
		message: /properties\.name_fr: must not contain control, invisible or bidirectional-override characters \(U\+202E at character 7\)/,
		body: withNew((f) => (f.properties.name_fr = 'Ville \u202egnol'))
	},
	{
		name: 'a left-to-right mark in a name',
		status: 422,
		message: /properties\.name_en: must not contain control, invisible .*\(U\+200E at character 5\)/,
		body: withNew((f) => (f.properties.name_en = 'Town\u200e'))
	},
	{ name: 'a right-to-left mark in a name', status: 422, message: /\(U\+200F at character 1\)/, body: withNew((f) => (f.properties.name_en = '\u200fTown')) },
	{
		name: 'a zero-width space in a name',
		status: 422,
		message: /properties\.name_fr: .*\(U\+200B at character 3\)/,
		body: withNew((f) => (f.properties.name_fr = 'Al\u200bmaty'))
	},
	{ name: 'a byte order mark in a name', status: 422, message: /\(U\+FEFF at character 1\)/, body: withNew((f) => (f.properties.name_en = '\ufeffTown')) },
	{ name: 'a line separator in a name', status: 422, message: /\(U\+2028 at character 5\)/, body: withNew((f) => (f.properties.name_en = 'Town\u2028x')) },
	{
		name: 'tag characters in a name',
		status: 422,
		message: /\(U\+E0041 at character 5\)/,
		body: withNew((f) => (f.properties.name_en = 'Town\u{e0041}\u{e007f}'))
	},
	{
		name: 'a name of 201 characters',
		status: 422,
		message: /properties\.name_en: must be at most 200 characters/,
		body: withNew((f) => (f.properties.name_en = 'x'.repeat(201)))
	},
	{
		name: 'a date outside the story period',
		status: 422,
		message: /properties\.start: 2021-12-16 is outside the story period/,
		body: withNew((f) => (f.properties.start = '2021-12-16'))
	},
	{
		name: 'a date that does not exist',
		status: 422,
		message: /properties\.start: is not a real calendar date/,
		body: withNew((f) => (f.properties.start = '2022-02-30'))
	},
	{
		name: 'an end before the start',
		status: 422,
		message: /properties\.end: must not be before start/,
		body: withNew((f) => (f.properties.end = '2022-01-02'))
	},
	{
		name: 'a start without precision',
		status: 422,
		message: /properties\.date_precision: is required when start is given/,
		body: withNew((f) => delete f.properties.date_precision)
	},
	{ name: 'an unknown confidence', status: 422, message: /properties\.confidence/, body: withNew((f) => (f.properties.confidence = 'certain')) },
	{ name: 'an unknown period', status: 422, message: /properties\.period: must be "dispatch"/, body: withNew((f) => (f.properties.period = 'article')) },
	{ name: 'properties null', status: 422, message: /properties/, body: withNew((f) => (f.properties = null)) },
	{
		name: 'a NUL in a description',
		status: 422,
		message: /properties\.description_en: must not contain control or bidirectional-override characters other than line breaks and tabs \(U\+0000/,
		body: withNew((f) => (f.properties.description_en = 'a\u0000b'))
	},
	{
		name: 'a lowercase country code',
		status: 422,
		message: /properties\.country: must be an ISO 3166-1 alpha-3 code/,
		body: withNew((f) => (f.properties.country = 'kaz'))
	},
	{ name: 'negative troops', layer: 'csto-airlift', status: 422, message: /properties\.troops/, body: withFirst((f) => (f.properties.troops = -5)) },
	{
		name: 'an airlift without from',
		layer: 'csto-airlift',
		status: 422,
		message: /properties\.from: is required for kind "airlift"/,
		body: withFirst((f) => delete f.properties.from)
	},
	// session and origin
	{ name: 'no session', session: 'none', status: 401, message: /not signed in/, body: withNew(() => {}) },
	{ name: 'a forged session cookie', session: 'forged', status: 401, message: /not signed in/, body: withNew(() => {}) },
	{ name: 'a signed-out (ended) session', session: 'signed-out', status: 401, message: /not signed in \(or your session expired\)/, body: withNew(() => {}) },
	{
		name: 'a cross-origin Origin',
		headers: { origin: 'https://evil.example' },
		status: 403,
		message: /Cross-origin write refused: Origin https:\/\/evil\.example/,
		body: withNew(() => {})
	},
	{ name: 'no Origin', headers: { origin: null }, status: 403, message: /Origin header is missing/, body: withNew(() => {}) },
	{ name: 'Origin "null"', headers: { origin: 'null' }, status: 403, message: /Cross-origin write refused: Origin null/, body: withNew(() => {}) },
	{ name: 'an Origin on another port', headers: { origin: 'http://localhost:1' }, status: 403, message: /Cross-origin write refused/, body: withNew(() => {}) },
	// content type and size
	{
		name: 'text/plain',
		headers: { 'content-type': 'text/plain' },
		status: 415,
		message: /Content-Type must be application\/json .* not "text\/plain"/,
		body: withNew(() => {})
	},
	{
		name: 'a form content type',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		status: 415,
		message: /Content-Type must be application\/json/,
		body: withNew(() => {})
	},
	{ name: 'a latin-1 charset', headers: { 'content-type': 'application/json; charset=latin1' }, status: 415, message: /\(UTF-8\)/, body: withNew(() => {}) },
	{
		name: 'an octet-stream content type',
		headers: { 'content-type': 'application/octet-stream' },
		status: 415,
		message: /not "application\/octet-stream"/,
		body: withNew(() => {})
	},
	{ name: 'no content type', transport: 'fetch', headers: { 'content-type': null }, status: 415, message: /not "none"/, body: withNew(() => {}) },
	{
		name: 'a body over 5 MB',
		status: 413,
		message: /larger than the limit of 5 MB/,
		body: (fc) => JSON.stringify({ ...fc, padding: 'x'.repeat(5 * 1024 * 1024 + 10) })
	},
	{
		name: 'a body over 6 MB (adapter-node’s own limit)',
		status: 413,
		message: /larger than the limit of 5 MB/,
		body: (fc) => JSON.stringify({ ...fc, padding: 'x'.repeat(7 * 1024 * 1024) })
	},
	// versions
	{ name: 'no If-Match', headers: { 'if-match': null }, status: 428, message: /If-Match is required/, body: withNew(() => {}) },
	{ name: 'If-Match *', headers: { 'if-match': '*' }, status: 428, message: /"\*", weak and multiple ETags are refused/, body: withNew(() => {}) },
	{ name: 'a weak If-Match', headers: { 'if-match': `W/"${'1'.repeat(40)}"` }, status: 428, message: /weak/, body: withNew(() => {}) },
	{
		name: 'a stale If-Match',
		headers: { 'if-match': `"${'1'.repeat(40)}"` },
		status: 409,
		message: /saved by someone else since you loaded it \(your version is not in the history\)/,
		body: withNew(() => {})
	},
	// addresses and methods
	{ name: 'an unknown layer', path: '/api/layers/secrets', status: 404, message: /There is no layer "secrets"/, body: withNew(() => {}) },
	{
		name: 'path traversal (..%2F)',
		path: '/api/layers/..%2F..%2Fpackage.json',
		status: 404,
		message: /There is no layer "\.\.\/\.\.\/package\.json"/,
		body: withNew(() => {})
	},
	{ name: 'path traversal to another layer', path: '/api/layers/..%2Fprotest-cities', status: 404, message: /There is no layer/, body: withNew(() => {}) },
	{ name: 'POST on a layer', method: 'POST', status: 405, message: /POST is not allowed here: use GET or PUT/, body: withNew(() => {}) },
	{ name: 'DELETE on a layer', method: 'DELETE', status: 405, message: /DELETE is not allowed here/ },
	{ name: 'PATCH on a layer', method: 'PATCH', status: 405, message: /PATCH is not allowed here/, body: withNew(() => {}) },
	{
		name: 'PUT on the history',
		method: 'PUT',
		path: '/api/layers/protest-cities/history',
		status: 405,
		message: /PUT is not allowed here: use GET/,
		body: withNew(() => {})
	},
	{ name: 'GET on restore', method: 'GET', path: '/api/layers/protest-cities/restore', status: 405, message: /GET is not allowed here: use POST/ },
	{
		name: 'restore with a ref expression',
		method: 'POST',
		path: '/api/layers/protest-cities/restore',
		status: 400,
		message: /must be \{ "rev": "<revision hash>" \}/,
		body: '{"rev":"HEAD~1"}'
	},
	{
		name: 'restore with an option as rev',
		method: 'POST',
		path: '/api/layers/protest-cities/restore',
		status: 400,
		message: /revision hash/,
		body: '{"rev":"--output=/tmp/x"}'
	},
	{
		name: 'restore of an unknown revision',
		method: 'POST',
		path: '/api/layers/protest-cities/restore',
		status: 404,
		message: /No revision "deadbeef" of protest-cities\.geojson/,
		body: '{"rev":"deadbeef"}'
	}
];

test.describe('hostile and malformed writes', () => {
	let baseURL: string;
	let api: APIRequestContext;
	let cookie: string;
	let ended: string;
	const current: Record<string, { etag: string; collection: any }> = {};

	test.beforeAll(async ({}, info) => {
		baseURL = info.project.use.baseURL!;
		api = await client(baseURL);
		cookie = await signIn(baseURL, 'tester');
		ended = await signIn(baseURL, 'tester');
		const out = await api.post('/edit/logout', { headers: { cookie: ended, origin: baseURL } });
		expect(out.status()).toBe(303);
		for (const layer of LAYERS) current[layer] = await getLayer(api, layer);
	});
	test.afterAll(async () => api?.dispose());

	test('the table has at least 60 cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(60);
	});

	for (const c of cases) {
		test(`${c.name} -> ${c.status}`, async () => {
			const layer = c.layer ?? 'protest-cities';
			const { etag, collection } = current[layer]!;
			const before = LAYERS.map(bytesOnDisk);
			const session: Session = c.session ?? 'valid';
			const cookies: Record<Session, string | null> = {
				valid: cookie,
				none: null,
				forged: `qantar_session=${'A'.repeat(43)}`,
				'signed-out': ended
			};
			const headers: Record<string, string> = {};
			const all: Record<string, string | null> = {
				cookie: cookies[session],
				origin: baseURL,
				'content-type': 'application/json',
				'if-match': etag,
				...c.headers
			};
			for (const [k, v] of Object.entries(all)) if (v !== null) headers[k] = v;
			const b = typeof c.body === 'function' ? c.body(clone(collection), clone(collection.features[0])) : c.body;
			// always bytes: Playwright would JSON-encode a string body
			const data = b === undefined ? undefined : Buffer.isBuffer(b) ? b : Buffer.from(typeof b === 'string' ? b : JSON.stringify(b), 'utf8');
			const path = c.path ?? `/api/layers/${layer}`;
			const method = c.method ?? 'PUT';
			let status: number;
			let text: string;
			if (c.transport === 'fetch') {
				const res = await fetch(new URL(path, baseURL), { method, headers, body: data ? new Uint8Array(data) : undefined });
				[status, text] = [res.status, await res.text()];
			} else {
				const res = await api.fetch(path, { method, headers, data });
				[status, text] = [res.status(), await res.text()];
			}
			expect(status, text.slice(0, 500)).toBe(c.status);
			// a refusal stays small, whatever the body (100,000 bad features once answered 68 MB)
			expect(text.length).toBeLessThan(100_000);
			const answer = JSON.parse(text);
			expect(Array.isArray(answer.problems) && answer.problems.length > 0).toBe(true);
			const said = [answer.error, ...answer.problems.map((p: any) => `${p.field ?? ''}: ${p.message}`)].join('\n');
			expect(said).toMatch(c.message);
			LAYERS.forEach((l, i) => expect(bytesOnDisk(l).equals(before[i]!), `${l}.geojson unchanged`).toBe(true));
		});
	}
});
