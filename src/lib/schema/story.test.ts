import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildStory, StoryError } from './story';
import { checkStoryAgainstLayers } from '$lib/story/check-story';
import { LAYER_IDS, STORY_LAYERS } from '$lib/geo/layers';
import type { Lang } from '$lib/i18n/lang';

const steps = () => parse(readFileSync('content/steps.yaml', 'utf8'));
const text = (lang: Lang) => parse(readFileSync(`content/story.${lang}.yaml`, 'utf8'));
const index = new Map<string, string>();
for (const l of STORY_LAYERS) for (const f of JSON.parse(readFileSync(`static/geo/${l.file}`, 'utf8')).features) index.set(f.properties.id, l.id);

function problems(fn: () => unknown): string[] {
	try {
		fn();
		return [];
	} catch (e) {
		if (e instanceof StoryError) return e.problems;
		throw e;
	}
}

describe('the real story', () => {
	it.each(['fr', 'en'] as const)('(%s) validates and matches the layers', (lang) => {
		const story = buildStory(lang, steps(), text(lang));
		expect(story.steps.length).toBeGreaterThanOrEqual(11);
		expect(checkStoryAgainstLayers(story, LAYER_IDS, index)).toEqual([]);
	});
	it('has the same steps in the same order in both languages', () => {
		const fr = buildStory('fr', steps(), text('fr')).steps.map((s) => s.id);
		const en = buildStory('en', steps(), text('en')).steps.map((s) => s.id);
		expect(en).toEqual(fr);
	});
	it('marks what came after the 10 January dispatch', () => {
		const story = buildStory('en', steps(), text('en'));
		const last = story.steps.at(-1)!;
		expect(last.period).toBe('later');
		expect(story.steps.filter((s) => s.period !== 'later').every((s) => (s.end ?? s.date) <= '2022-01-10')).toBe(true);
		// what readers are told rests on the dispatch is dated no later than the dispatch
		expect(story.steps.flatMap((s) => s.bodyPeriods).filter((p) => p === 'dispatch').length).toBeGreaterThan(5);
	});
});

describe('broken content is rejected, naming the step and the field', () => {
	it.each([
		['a step without sources', (s: any) => delete s.steps[2].sources, /steps\.yaml › step 3 \("spread"\) › sources: /],
		[
			'a URL where a source id belongs',
			(s: any) => (s.steps[2].sources = ['https://tass.com/world/1384975']),
			/step 3 \("spread"\) › sources\.0: must be the id of a source in content\/sources\.yaml/
		],
		['an unknown period', (s: any) => (s.steps[0].period = 'article'), /step 1 \("overview"\) › period: must be "dispatch"/],
		['a bad date', (s: any) => (s.steps[0].date = '10/01/2022'), /step 1 \("overview"\) › date: must be a date written YYYY-MM-DD/],
		['a camera with both fit and center', (s: any) => (s.steps[1].camera.center = [50, 43]), /step 2 \("fuel-price"\) › camera: give either "fit"/],
		['a zoom out of range', (s: any) => (s.steps[3].camera = { center: [76.9, 43.2], zoom: 40 }), /step 4 \("akimat"\) › camera\.zoom: /],
		['an unknown field', (s: any) => (s.steps[0].colour = 'red'), /step 1 \("overview"\): Unrecognized key/i],
		[
			'emphasis on a hidden layer',
			(s: any) => (s.steps[0].layers.emphasise = ['csto-airlift']),
			/step 1 \("overview"\) › layers\.emphasise: "csto-airlift" is emphasised but not in layers\.show/
		]
	])('%s', (_n, mutate, expected) => {
		const s = steps();
		mutate(s);
		expect(problems(() => buildStory('fr', s, text('fr'))).join('\n')).toMatch(expected);
	});

	it('a step without text in one language', () => {
		const t = text('en');
		delete t.steps.toll;
		expect(problems(() => buildStory('en', steps(), t))).toContain(
			'content/story.en.yaml › step "toll": no text for this step (every step of steps.yaml needs one)'
		);
	});
	it('paragraph periods that do not match the paragraphs', () => {
		const s = steps();
		s.steps[0].body_periods = ['dispatch'];
		expect(problems(() => buildStory('fr', s, text('fr')))).toContain(
			'content/steps.yaml › step "overview" › body_periods: gives 1 period(s), but content/story.fr.yaml has 2 paragraph(s): give one per paragraph, in order'
		);
	});
	it('a text without its alt text', () => {
		const t = text('fr');
		delete t.steps.akimat.alt;
		expect(problems(() => buildStory('fr', steps(), t)).join('\n')).toMatch(/story\.fr\.yaml › step "akimat" › alt: /);
	});
	it('unknown layers and features, and highlights outside the shown layers', () => {
		const s = steps();
		s.steps[0].layers.show.push('roads');
		s.steps[1].highlight.push('atlantis');
		s.steps[2].highlight = ['moscow'];
		const story = buildStory('fr', s, text('fr'));
		const p = checkStoryAgainstLayers(story, LAYER_IDS, index);
		expect(p).toContain('step "overview" › layers: unknown layer "roads" (known: ' + LAYER_IDS.join(', ') + ')');
		expect(p).toContain('step "fuel-price" › highlight: unknown feature "atlantis"');
		expect(p).toContain('step "spread" › highlight: "moscow" is in layer "csto-capitals", which the step does not show');
	});
});
