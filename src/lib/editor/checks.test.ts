import { describe, expect, it } from 'vitest';
import { LayerChecker } from './checks';
import { checkFeature, ownCheck, setField, type EditFeature } from './feature-model';

const feature = (i: number, over: Record<string, unknown> = {}): EditFeature => ({
	key: `f${i}`,
	geometry: { type: 'Point', coordinates: [70 + i / 1000, 45] },
	properties: {
		id: `place-${i}`,
		name_fr: `Lieu ${i}`,
		name_en: `Place ${i}`,
		kind: 'city',
		description_fr: '',
		description_en: '',
		sources: ['a-source'],
		confidence: 'medium',
		period: 'reported',
		...over
	}
});

/** a scheduler run by hand */
function manual() {
	const jobs: (() => void)[] = [];
	return {
		schedule: (run: () => void) => jobs.push(run),
		runAll: () => {
			while (jobs.length) jobs.shift()!();
		},
		get count() {
			return jobs.length;
		}
	};
}

describe('LayerChecker', () => {
	it('checks a few features at once and caches them per object', () => {
		const c = new LayerChecker('x.geojson');
		const list = [feature(1), feature(2, { sources: [] })];
		expect(c.ensure(list)).toBe(0);
		expect(c.known(list[0]!)!.problems).toEqual([]);
		expect(c.known(list[1]!)!.problems.map((p) => p.field)).toEqual(['properties.sources']);
		// an edit makes a new object: only it is checked again
		const edited = { ...list[1]!, properties: setField(list[1]!.properties, 'sources', ['another-source']) };
		expect(c.known(edited)).toBeUndefined();
		expect(c.ensure([list[0]!, edited])).toBe(0);
		expect(c.known(edited)!.problems).toEqual([]);
		expect(c.known(list[0]!)).toBe(c.known(list[0]!));
	});

	it('checks a big batch in background slices and reports progress', () => {
		const m = manual();
		let progress = 0;
		let clock = 0;
		// the clock moves 1 ms per reading (every 16 features): a slice of 2 ms holds 32 features
		const c = new LayerChecker('x.geojson', () => progress++, { syncLimit: 10, sliceMs: 2, notifyMs: 0, schedule: m.schedule, now: () => clock++ });
		const list = Array.from({ length: 100 }, (_, i) => feature(i, i === 42 ? { name_en: '' } : {}));
		expect(c.ensure(list)).toBe(100);
		expect(c.known(list[0]!)).toBeUndefined();
		expect(m.count).toBe(1);
		// the one being edited meanwhile is checked at once
		const edited = { ...list[5]!, properties: setField(list[5]!.properties, 'name_fr', 'Autre') };
		const next = list.map((f, i) => (i === 5 ? edited : f));
		expect(c.ensure(next)).toBe(99);
		expect(c.known(edited)).toBeDefined();
		m.runAll();
		expect(progress).toBe(4);
		expect(c.ensure(next)).toBe(0);
		expect(c.known(list[42]!)!.problems.map((p) => p.field)).toEqual(['properties.name_en']);
	});

	it('tells its progress at most every notifyMs, and at the end', () => {
		const m = manual();
		let progress = 0;
		let clock = 0;
		const c = new LayerChecker('x.geojson', () => progress++, { syncLimit: 0, sliceMs: 1, notifyMs: 1000, schedule: m.schedule, now: () => clock++ });
		c.ensure(Array.from({ length: 64 }, (_, i) => feature(i)));
		m.runAll();
		expect(progress).toBe(2); // the first slice, then the last
	});

	it('stops when the layer is left', () => {
		const m = manual();
		const c = new LayerChecker('x.geojson', () => {}, { syncLimit: 1, schedule: m.schedule });
		const list = [feature(1), feature(2), feature(3)];
		c.ensure(list);
		c.stop();
		m.runAll();
		expect(c.known(list[0]!)).toBeUndefined();
	});

	it('gives the same problems as checkFeature', () => {
		const f = feature(1, { id: 'taken', start: '2021-05-01', date_precision: 'day' });
		const ctx = {
			otherLayerIds: new Map([['taken', 'other.geojson']]),
			retiredIds: new Set<string>(),
			knownIds: new Set<string>(),
			sourceIds: new Set(['a-source'])
		};
		const full = checkFeature(f, 'x.geojson', ctx, new Map([['taken', 1]]));
		const split = checkFeature(f, 'x.geojson', ctx, new Map([['taken', 1]]), ownCheck(f, 'x.geojson'));
		expect(split).toEqual(full);
		expect(full.problems.map((p) => p.field)).toEqual(['properties.start', 'properties.id']);
	});

	it('names a cited source the registry does not have, by field', () => {
		const f = feature(2, { sources: ['a-source', 'nowhere'] });
		const ctx = { otherLayerIds: new Map(), retiredIds: new Set<string>(), knownIds: new Set<string>(), sourceIds: new Set(['a-source']) };
		const check = checkFeature(f, 'x.geojson', ctx, new Map());
		expect(check.byField.get('sources.1')).toEqual([
			'"nowhere" is not in the source registry (content/sources.yaml): cite one of its ids, or add the source there first'
		]);
	});
});
