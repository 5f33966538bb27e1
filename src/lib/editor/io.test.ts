import { describe, expect, it } from 'vitest';
import { collectionBlob, parseCsvRows, parseImport, toCsv } from './io';
import { merge } from './merge';

const pt = (id: string, name = id) => ({
	type: 'Feature' as const,
	geometry: { type: 'Point' as const, coordinates: [70, 45] },
	properties: { id, name_en: name }
});

describe('import', () => {
	it('reads CSV with lon/lat columns and quoted fields', () => {
		const r = parseImport('name_en,lon,lat,sources,outside_period,period\n"Aktau, port",51.2,43.6,tass-a afp-b,true,reported\n');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [51.2, 43.6] });
		expect(r.features[0]!.properties).toMatchObject({ name_en: 'Aktau, port', sources: ['tass-a', 'afp-b'], outside_period: true, period: 'reported' });
	});
	it('refuses CSV without coordinates and bad JSON, with a reason', () => {
		const a = parseImport('name,x1\nA,1');
		expect(a.ok || a.error).toMatch(/lon/);
		const b = parseImport('{"type": "FeatureCollection", "features": [');
		expect(b.ok || b.error).toMatch(/not valid JSON/);
		const c = parseImport('{"__proto__": {}}');
		expect(c.ok || c.error).toMatch(/prototype/);
	});
	it('reads a Feature, a FeatureCollection and an array', () => {
		expect(parseImport(JSON.stringify(pt('a')))).toMatchObject({ ok: true, features: [{ properties: { id: 'a' } }] });
		expect(parseImport(JSON.stringify({ type: 'FeatureCollection', features: [pt('a'), pt('b')] }))).toMatchObject({ ok: true });
		expect(parseImport(JSON.stringify([pt('a')]))).toMatchObject({ ok: true });
	});
	it('parses RFC 4180 rows', () => {
		expect(parseCsvRows('a,"b ""c""",d\r\n1,2,3')).toEqual([
			['a', 'b "c"', 'd'],
			['1', '2', '3']
		]);
	});
	it('reads quoted commas, doubled quotes and line breaks without shifting columns', () => {
		const r = parseImport('\uFEFFname_en,lon,lat,troops\r\n"Aktau ""port"", west",51.2,43.6,40\r\n"Zhanaozen\nold town",52.8,43.3,\r\n');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.features.map((f) => f.properties!.name_en)).toEqual(['Aktau "port", west', 'Zhanaozen\nold town']);
		expect(r.features.map((f) => f.geometry)).toEqual([
			{ type: 'Point', coordinates: [51.2, 43.6] },
			{ type: 'Point', coordinates: [52.8, 43.3] }
		]);
		expect(r.features[0]!.properties!.troops).toBe(40);
		expect(r.features[1]!.properties).not.toHaveProperty('troops');
	});
	it('refuses text after a closing quote, naming the row and column', () => {
		// d3 would end the field at the space and shift lon/lat one column to the right
		const r = parseImport('name_en,lon,lat\n"Aktau, port" ,51.2,43.6');
		expect(r.ok || r.error).toMatch(/row 2, column 1/);
	});
});

describe('export', () => {
	it('writes CSV that reads back, neutralising formulas', () => {
		const csv = toCsv({ type: 'FeatureCollection', features: [pt('a', '=HYPERLINK("x")')] });
		expect(csv.split('\n')[0]).toBe('id,lon,lat,geometry_type,name_en');
		const back = parseImport(csv);
		expect(back.ok && back.features[0]!.properties!.name_en).toBe(`'=HYPERLINK("x")`);
	});
	it('round-trips names with commas, quotes and line breaks, and sources', () => {
		const name = 'Aktau "port", west\nsecond line';
		const f = pt('a', name);
		const csv = toCsv({ type: 'FeatureCollection', features: [{ ...f, properties: { ...f.properties, sources: ['tass-a', 'afp-b'], troops: 40 } }] });
		expect(csv).toContain('"Aktau ""port"", west\nsecond line"');
		const back = parseImport(csv);
		expect(back.ok).toBe(true);
		if (!back.ok) return;
		expect(back.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [70, 45] });
		expect(back.features[0]!.properties).toMatchObject({ id: 'a', name_en: name, sources: ['tass-a', 'afp-b'], troops: 40, geometry_type: 'Point' });
	});
});

describe('merge', () => {
	it('keeps both sides’ changes and lists conflicts', () => {
		const base = [pt('a'), pt('b'), pt('c')];
		const mine = [pt('a', 'A2'), pt('b'), pt('d')];
		const theirs = [pt('a'), pt('b', 'B2'), pt('c'), pt('e')];
		const m = merge(base, mine, theirs);
		expect(m.features.map((f) => f.properties!.id)).toEqual(['a', 'b', 'e', 'd']);
		expect(m.features[1]!.properties!.name_en).toBe('B2');
		expect(m.conflicts).toEqual([]);
		const clash = merge([pt('a')], [pt('a', 'mine')], [pt('a', 'theirs')]);
		expect(clash.conflicts).toEqual(['a']);
		expect(clash.features[0]!.properties!.name_en).toBe('mine');
	});
});

describe('save body', () => {
	it('is the JSON of the collection, whatever the chunk size', async () => {
		const fs = [pt('a'), pt('b', 'B "quoted" \u2028'), pt('c'), pt('d'), pt('e')];
		const want = JSON.stringify({ type: 'FeatureCollection', features: fs });
		for (const chunk of [1, 2, 5, 500]) expect(await (await collectionBlob(fs, { chunk })).text()).toBe(want);
		expect(await (await collectionBlob([])).text()).toBe(JSON.stringify({ type: 'FeatureCollection', features: [] }));
		expect((await collectionBlob(fs)).type).toBe('application/json');
	});
});
