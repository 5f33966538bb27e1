import { describe, expect, it } from 'vitest';
import { contentDocument } from '../story/published';
import { pictureFingerprints } from './picture-fingerprint';
import type { CorrectionEntry } from '$lib/corrections/entry';
import type { StoryDocument } from '$lib/schema/story-document';

type Doc = StoryDocument & {
	steps: { steps: { id: string; camera: Record<string, unknown>; layers: { show: string[] }; highlight?: string[] }[] };
	text: Record<'fr' | 'en', { steps: Record<string, { title: string }> }>;
};
const seed = () => contentDocument('content') as Doc;
const entry = (id: string, features: CorrectionEntry['features']): CorrectionEntry => ({
	id,
	date: '2026-12-06T00:00:00Z',
	rev: 'r',
	note: 'n',
	minor: false,
	story: [],
	steps: [],
	figures: [],
	sources: [],
	features
});
/** the pictures whose fingerprint differs between two states */
function changed(a: Map<string, string>, b: Map<string, string>) {
	return [...b].filter(([k, v]) => a.get(k) !== v).map(([k]) => k);
}

describe('which step pictures a publish makes out of date', () => {
	const before = pictureFingerprints(seed(), []);

	it('a title changed in French: that step’s French picture only', () => {
		const doc = seed();
		doc.text.fr.steps.akimat!.title = 'Un autre titre';
		expect(changed(before, pictureFingerprints(doc, []))).toEqual(['fr/akimat']);
	});

	it('a camera or the layers shown: both languages of that step', () => {
		const doc = seed();
		doc.steps.steps.find((s) => s.id === 'akimat')!.camera.zoom = 9;
		expect(changed(before, pictureFingerprints(doc, []))).toEqual(['fr/akimat', 'en/akimat']);
	});

	it('a new step: its pictures (none existed)', () => {
		const doc = seed();
		const from = doc.steps.steps[1]!;
		doc.steps.steps.push({ ...structuredClone(from), id: 'masimov-arrest' });
		doc.text.fr.steps['masimov-arrest'] = { ...doc.text.fr.steps[from.id]!, title: 'Karim Massimov arrêté' };
		doc.text.en.steps['masimov-arrest'] = { ...doc.text.en.steps[from.id]!, title: 'Karim Masimov arrested' };
		const after = pictureFingerprints(doc, []);
		expect(changed(before, after)).toEqual(['fr/masimov-arrest', 'en/masimov-arrest']);
	});

	it('a feature’s facts changed: the steps showing its layer, or highlighting it, and no other', () => {
		const doc = seed();
		const layer = doc.steps.steps[0]!.layers.show[0]!;
		const showing = doc.steps.steps.filter((s) => s.layers.show.includes(layer)).map((s) => s.id);
		const after = pictureFingerprints(doc, [entry('e1', [{ id: 'some-feature', layer, fields: ['name_fr'] }])]);
		const out = changed(before, after);
		expect(out.length).toBe(showing.length * 2);
		expect(new Set(out.map((k) => k.split('/')[1]))).toEqual(new Set(showing));
		expect(showing.length).toBeLessThan(doc.steps.steps.length);
	});
});
