import { describe, expect, it } from 'vitest';
import { citedRemovals, featureCitations } from './feature-citations';
import { contentDocument } from '$lib/server/story/published';

describe('featureCitations', () => {
	it('finds the seed story’s highlights, fits and distance ends, with the step that names them', () => {
		const cited = featureCitations(contentDocument());
		expect(cited.get('almaty-presidential-residence')).toEqual(expect.arrayContaining(['step "residence" › highlight', 'step "residence" › distances']));
		// every step names at least one feature somewhere
		expect(cited.size).toBeGreaterThan(5);
	});

	it('reads a broken document without throwing', () => {
		expect(featureCitations({ steps: null }).size).toBe(0);
		expect(featureCitations({ steps: { steps: [null, { id: 'x', highlight: [3, 'a'], camera: { fit: 'no' }, distances: [{ from: 'a', to: 7 }] }] } })).toEqual(
			new Map([['a', ['step "x" › highlight', 'step "x" › distances']]])
		);
	});
});

describe('citedRemovals', () => {
	const doc = (highlight: string[]) => ({ steps: { steps: [{ id: 'akimat', highlight, camera: { center: [0, 0], zoom: 3 } }] } });
	it('names the story and the step for each removed id still named, and only those', () => {
		const out = citedRemovals(
			['a', 'b'],
			[
				{ label: 'the published story', doc: doc(['a']) },
				{ label: 'the draft', doc: doc(['a']) }
			]
		);
		expect(out).toHaveLength(1);
		expect(out[0]!.id).toBe('a');
		expect(out[0]!.message).toBe(
			'"a" cannot be deleted: the published story (step "akimat" › highlight) and the draft (step "akimat" › highlight) still name it. Take it out of those steps in the story editor (/edit/story) and publish first, then delete it'
		);
	});
	it('asks only for the draft to change when only the draft names it', () => {
		expect(
			citedRemovals(
				['b'],
				[
					{ label: 'the published story', doc: doc(['a']) },
					{ label: 'the draft', doc: doc(['b']) }
				]
			)[0]!.message
		).not.toMatch(/publish/);
	});
});
