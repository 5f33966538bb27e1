import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateStoryDocument, type StoryDocument } from './story-document';
import { STORY_LAYERS } from '$lib/geo/layers';

const read = (f: string) => parse(readFileSync(`content/${f}`, 'utf8'));
const content = (): StoryDocument & { steps: any; text: { fr: any; en: any }; figures: any; sources: any } => ({
	steps: read('steps.yaml'),
	text: { fr: read('story.fr.yaml'), en: read('story.en.yaml') },
	figures: read('figures.yaml'),
	sources: read('sources.yaml')
});
const layerOf = new Map<string, string>();
for (const l of STORY_LAYERS) for (const f of JSON.parse(readFileSync(`static/geo/${l.file}`, 'utf8')).features) layerOf.set(f.properties.id, l.id);

const problemsOf = (doc: unknown) => {
	const r = validateStoryDocument(doc, { layerOf });
	return r.ok ? [] : r.problems;
};
const indexOf = (doc: ReturnType<typeof content>, id: string) => doc.steps.steps.findIndex((s: { id: string }) => s.id === id);

describe('validateStoryDocument', () => {
	it('accepts the story of content/ and builds both languages', () => {
		const r = validateStoryDocument(content(), { layerOf });
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.stories.en.steps.map((s) => s.id)).toEqual(r.stories.fr.steps.map((s) => s.id));
	});

	const cases: {
		name: string;
		edit: (d: ReturnType<typeof content>) => void;
		path: (d: ReturnType<typeof content>) => (string | number)[];
		message: RegExp;
	}[] = [
		{
			name: 'an empty French title',
			edit: (d) => (d.text.fr.steps.akimat.title = '  '),
			path: () => ['text', 'fr', 'steps', 'akimat', 'title'],
			message: /required/
		},
		{
			name: 'an unknown highlighted feature',
			edit: (d) => d.steps.steps[indexOf(d, 'akimat')].highlight.push('no-such-place'),
			path: (d) => ['steps', 'steps', indexOf(d, 'akimat'), 'highlight', d.steps.steps[indexOf(d, 'akimat')].highlight.length - 1],
			message: /unknown feature "no-such-place"/
		},
		{
			name: 'a zoom out of range',
			edit: (d) => {
				d.steps.steps[0].camera = { center: [76.9, 43.2], zoom: 40 };
			},
			path: () => ['steps', 'steps', 0, 'camera', 'zoom'],
			message: /20/
		},
		{
			name: 'a citation the registry lacks',
			edit: (d) => (d.steps.steps[1].sources = ['not-in-the-registry']),
			path: () => ['steps', 'steps', 1, 'sources', 0],
			message: /registry does not have/
		},
		{
			name: 'a step without English text',
			edit: (d) => delete d.text.en.steps.akimat,
			path: () => ['text', 'en', 'steps', 'akimat'],
			message: /no en text/
		},
		{
			name: 'a figure citing an unknown source',
			edit: (d) => (d.figures.groups[0].figures[0].sources = ['nope']),
			path: () => ['figures', 'groups', 0, 'figures', 0, 'sources', 0],
			message: /registry does not have/
		},
		{
			name: 'a duplicate source id',
			edit: (d) => d.sources.sources.push({ ...d.sources.sources[0], url: 'https://example.org/other' }),
			path: (d) => ['sources', 'sources', d.sources.sources.length - 1, 'id'],
			message: /used twice/
		},
		{
			name: 'a highlighted feature in a layer the step does not show',
			edit: (d) => {
				const s = d.steps.steps[indexOf(d, 'akimat')];
				const other = [...layerOf].find(([, layer]) => !s.layers.show.includes(layer))!;
				s.highlight.push(other[0]);
			},
			path: (d) => ['steps', 'steps', indexOf(d, 'akimat'), 'highlight', d.steps.steps[indexOf(d, 'akimat')].highlight.length - 1],
			message: /which the step does not show/
		},
		{
			name: 'a measured distance to a feature that is not a point (the map would fail to measure it)',
			edit: (d) => {
				const s = d.steps.steps[indexOf(d, 'residence')];
				s.layers.show.push('kazakhstan');
				s.distances = [{ from: 'almaty-akimat', to: 'country-kazakhstan' }];
			},
			path: (d) => ['steps', 'steps', indexOf(d, 'residence'), 'distances', 0, 'to'],
			message: /is not a point/
		}
	];
	it.each(cases)('names the field of $name', ({ edit, path, message }) => {
		const doc = content();
		edit(doc);
		const problems = problemsOf(doc);
		const hit = problems.find((p) => JSON.stringify(p.path) === JSON.stringify(path(doc)));
		expect(hit, JSON.stringify(problems)).toBeDefined();
		expect(hit!.message).toMatch(message);
	});

	it('refuses a document without its parts, naming each', () => {
		expect(problemsOf({ steps: {}, text: { fr: {} } }).map((p) => p.path)).toEqual([['figures'], ['sources'], ['text', 'en']]);
		expect(problemsOf(null)[0]!.path).toEqual([]);
	});
});
