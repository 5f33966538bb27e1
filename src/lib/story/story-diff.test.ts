import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { changedPaths, fieldsById, storyChanges } from './story-diff';
import type { StoryDocument } from '$lib/schema/story-document';

const read = (f: string) => parse(readFileSync(`content/${f}`, 'utf8'));
const doc = (): any => ({
	steps: read('steps.yaml'),
	text: { fr: read('story.fr.yaml'), en: read('story.en.yaml') },
	figures: read('figures.yaml'),
	sources: read('sources.yaml')
});
const at = (d: any, id: string) => d.steps.steps.find((s: { id: string }) => s.id === id);

describe('storyChanges', () => {
	const cases: { name: string; edit: (d: any) => void; paths: string[]; visible: boolean }[] = [
		{ name: 'nothing', edit: () => {}, paths: [], visible: false },
		{ name: 'a French title', edit: (d) => (d.text.fr.steps.akimat.title = 'Autre titre'), paths: ['steps › akimat › title (fr)'], visible: true },
		{ name: 'a paragraph in English', edit: (d) => d.text.en.steps.akimat.body.push('More.'), paths: ['steps › akimat › body (en)'], visible: true },
		{ name: 'the camera', edit: (d) => (at(d, 'akimat').camera = { center: [76.9, 43.2], zoom: 12 }), paths: ['steps › akimat › camera'], visible: false },
		{ name: 'a highlight', edit: (d) => at(d, 'akimat').highlight.pop(), paths: ['steps › akimat › highlight'], visible: false },
		{ name: 'a date', edit: (d) => (at(d, 'akimat').date = '2022-01-06'), paths: ['steps › akimat › date'], visible: true },
		{ name: 'the dek', edit: (d) => (d.text.en.dek = 'New dek'), paths: ['story › dek (en)'], visible: true },
		{
			name: 'a figure value',
			edit: (d) => (d.figures.groups[0].figures[0].value = 1),
			paths: [`figures › ${doc().figures.groups[0].figures[0].id} › value`],
			visible: true
		},
		{
			name: 'a source’s research note',
			edit: (d) => (d.sources.sources[0].note = 'checked'),
			paths: [`sources › ${doc().sources.sources[0].id} › note`],
			visible: false
		},
		{
			name: 'a step added with its texts',
			edit: (d) => {
				d.steps.steps.push({ ...at(d, 'akimat'), id: 'masimov' });
				d.text.fr.steps.masimov = d.text.fr.steps.akimat;
				d.text.en.steps.masimov = d.text.en.steps.akimat;
			},
			paths: ['steps › masimov › added'],
			visible: true
		},
		{
			name: 'the order of two steps',
			edit: (d) => {
				const [a, b] = d.steps.steps.splice(1, 2);
				d.steps.steps.splice(1, 0, b, a);
			},
			paths: ['story › order of steps'],
			visible: false
		}
	];
	it.each(cases)('names $name', ({ edit, paths, visible }) => {
		const before = doc() as StoryDocument;
		const after = doc();
		edit(after);
		expect(changedPaths(before, after)).toEqual(paths);
		expect(storyChanges(before, after).some((c) => c.visible)).toBe(visible);
	});

	it('groups the fields per step for the corrections entry', () => {
		const after = doc();
		after.text.fr.steps.akimat.title = 'x';
		after.text.en.steps.akimat.title = 'y';
		at(after, 'akimat').highlight.pop();
		expect(fieldsById(storyChanges(doc(), after), 'step')).toEqual([{ id: 'akimat', fields: ['highlight', 'title (fr)', 'title (en)'] }]);
	});
});
