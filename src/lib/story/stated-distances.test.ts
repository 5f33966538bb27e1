// The distances the story's text gives agree with the map: every distance a step's text states
// (body, alt text, in French and English) is one of the step's `distances`, measured with turf
// between its two features within 10 %, and every declared distance is stated in both languages.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildStory, type Step } from '$lib/schema/story';
import { STORY_LAYERS } from '$lib/geo/layers';
import { indexLayers } from '$lib/map/layer-index';
import { statedDistances } from './stated-distances';
import { distanceLabel, measureDistances, roundedMetres } from './measure';

const read = (f: string) => parse(readFileSync(f, 'utf8'));
const features = indexLayers(STORY_LAYERS.map((layer) => ({ layer, data: JSON.parse(readFileSync(`static/geo/${layer.file}`, 'utf8')) }))).feature;
const TOLERANCE = 0.1;

describe('statedDistances', () => {
	it.each([
		['The residence stands about 260 metres south-east of city hall.', [260]],
		['à environ 260 mètres au sud-est de la mairie', [260]],
		['à une cinquantaine de kilomètres, 50 km au nord', [50_000]],
		['1,5 km puis 1.2 kilometres', [1500, 1200]],
		['une foule d’environ 3\u202f000 personnes, le 5 mars, 250 matériels, 16 h 37', []],
		['a tower 371 m high', [371]]
	])('%s', (text, metres) => {
		expect(statedDistances(text).map((d) => d.metres)).toEqual(metres);
	});
});

describe('distance labels', () => {
	it.each([
		[258.5, 'fr', 'environ 260\u202fm'],
		[258.5, 'en', 'about 260\u00a0m'],
		[1234, 'fr', 'environ 1,2\u202fkm'],
		[1234, 'en', 'about 1.2\u00a0km']
	] as const)('%d m in %s: %s', (m, lang, label) => {
		expect(distanceLabel(m, lang)).toBe(label);
	});
	it('rounds like the text: to 10 m under 1 km, 100 m above', () => {
		expect([roundedMetres(258.5), roundedMetres(412.6), roundedMetres(1249)]).toEqual([260, 410, 1200]);
	});
});

describe('the distances the story states', () => {
	const stories = (['fr', 'en'] as const).map((lang) => buildStory(lang, read('content/steps.yaml'), read(`content/story.${lang}.yaml`)));
	const textsOf = (s: Step) => [...s.body, s.alt, s.later ?? ''];

	it('each agrees, within 10 %, with a distance the step draws between its features', () => {
		const problems: string[] = [];
		let checked = 0;
		for (const story of stories)
			for (const step of story.steps) {
				const measured = measureDistances(step, features);
				for (const text of textsOf(step))
					for (const stated of statedDistances(text)) {
						checked++;
						const near = measured.find((m) => Math.abs(m.metres - stated.metres) <= TOLERANCE * m.metres);
						if (!near)
							problems.push(
								`content/story.${story.lang}.yaml › step "${step.id}": the text says "${stated.text}", but ` +
									(measured.length
										? `the step measures ${measured.map((m) => `${m.from} → ${m.to}: ${Math.round(m.metres)} m`).join(', ')} (more than 10 % off)`
										: 'content/steps.yaml gives it no `distances` entry: add { from, to } with the two features')
							);
					}
			}
		expect(problems).toEqual([]);
		expect(checked).toBeGreaterThanOrEqual(4); // the residence step: body and alt, in both languages
	});

	it('each distance a step draws is stated in its text, in both languages', () => {
		const problems: string[] = [];
		for (const story of stories)
			for (const step of story.steps)
				for (const m of measureDistances(step, features)) {
					const stated = textsOf(step).flatMap(statedDistances);
					if (!stated.some((d) => Math.abs(m.metres - d.metres) <= TOLERANCE * m.metres))
						problems.push(
							`content/story.${story.lang}.yaml › step "${step.id}": draws ${m.from} → ${m.to} (${Math.round(m.metres)} m), which the text never gives`
						);
				}
		expect(problems).toEqual([]);
	});

	it('the residence is about 260 m from the akimat, and 413 m from the square (audit D22: not "260 m from the square")', () => {
		const residence = stories[1]!.steps.find((s) => s.id === 'residence')!;
		const [m] = measureDistances(residence, features);
		expect(Math.round(m!.metres)).toBe(259);
		const square = measureDistances({ ...residence, distances: [{ from: 'almaty-republic-square', to: 'almaty-presidential-residence' }] }, features)[0]!;
		expect(Math.round(square.metres)).toBe(413);
		// the alt text measures from the akimat, not from the square
		expect(residence.alt).toMatch(/260 metres south-east of the akimat/);
	});
});
