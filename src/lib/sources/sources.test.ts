import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseSources, SourcesError, type Source } from '$lib/schema/sources';
import { loadDeniedHosts, loadSources } from '$lib/server/sources-loader';
import { storyCitations } from '$lib/server/story-loader';
import { buildStory } from '$lib/schema/story';
import { parseFigures } from '$lib/schema/figures';
import { STORY_LAYERS } from '$lib/geo/layers';
import { citationProblems, deniedHostOf, figureCitations, layerCitations, type Citation } from './check';
import { citationText, sourceDate } from './format';

const read = (f: string) => parse(readFileSync(f, 'utf8'));

/** Every citation of the content, gathered as the app gathers them: the story (dispatch, method, steps), each feature of each layer, each figure. */
function allCitations(): Citation[] {
	const layers = STORY_LAYERS.map((l) => ({ file: l.file, features: JSON.parse(readFileSync(`static/geo/${l.file}`, 'utf8')).features }));
	return [
		...storyCitations(buildStory('fr', read('content/steps.yaml'), read('content/story.fr.yaml'))),
		...layerCitations(layers),
		...figureCitations(parseFigures(read('content/figures.yaml')).groups)
	];
}

const source = (over: Partial<Source> = {}): Source => ({
	id: 'ap-2022-01-09-detained',
	url: 'https://www.fairfieldcitizenonline.com/news/article/x.php',
	title: 'Kazakhstan says 5,800 detained in week of protests',
	headline: true,
	publisher: 'AP',
	via: 'Fairfield Citizen',
	date: '2022-01-09',
	lang: 'en',
	...over
});

describe('the content’s citations', () => {
	it('resolve, are all used, and none is on a denied host', () => {
		expect(citationProblems(allCitations(), loadSources(), loadDeniedHosts())).toEqual([]);
	});
	it('cite the AFP dispatch by its title, with its copies', () => {
		const story = buildStory('en', read('content/steps.yaml'), read('content/story.en.yaml'));
		const first = loadSources().get(story.dispatchSources[0]!)!;
		expect(first.title).toMatch(/^Kazakhstan : le président dit avoir vaincu un/);
		expect(story.dispatchSources.length).toBeGreaterThanOrEqual(3);
		for (const id of story.dispatchSources) expect(loadSources().get(id)!.publisher).toBe('AFP');
	});
});

describe('the checks', () => {
	const reg = new Map([
		['a', source({ id: 'a' })],
		['farm', source({ id: 'farm', url: 'https://www.playcrazygame.com/x' })]
	]);
	const deny = [{ host: 'playcrazygame.com', why: 'scraper' }];
	it('name an unresolved citation where it is cited, a source nobody cites, and a denied host', () => {
		const problems = citationProblems([{ where: 'content/steps.yaml › step "akimat" › sources', ids: ['a', 'nope'] }], reg, deny);
		expect(problems).toEqual([
			'content/steps.yaml › step "akimat" › sources.1: cites "nope", which content/sources.yaml does not have: add it there or cite an existing id',
			'content/sources.yaml › source "farm": nobody cites it: cite it from a step, feature or figure, or remove it',
			'content/sources.yaml › source "farm" › url: playcrazygame.com is on the deny-list (content/denied-hosts.yaml: scraper): cite the original outlet or a named agency copy'
		]);
	});
	it('deny a host and its subdomains, not a host that merely ends with the same letters', () => {
		expect(deniedHostOf('https://m.playcrazygame.com/a', deny)?.host).toBe('playcrazygame.com');
		expect(deniedHostOf('https://notplaycrazygame.com/a', deny)).toBeUndefined();
	});
	it('refuse a registry with a bad field, naming the source and field', () => {
		const bad = { sources: [{ ...source(), date: '9 Jan 2022' }] };
		expect(() => parseSources(bad)).toThrow(SourcesError);
		try {
			parseSources(bad);
		} catch (e) {
			expect((e as SourcesError).problems).toEqual([
				'content/sources.yaml › source 1 ("ap-2022-01-09-detained") › date: must be written YYYY-MM-DD, YYYY-MM or YYYY'
			]);
		}
	});
	it('refuse the same page registered twice', () => {
		expect(() => parseSources({ sources: [source({ id: 'a' }), source({ id: 'b' })] })).toThrow(/source "b" › url: the same page is already source "a"/);
	});
});

describe('a citation as readers see it', () => {
	it('gives publisher and host, the headline in the language’s quotes, the date in words', () => {
		expect(citationText(source(), 'en')).toEqual({
			by: 'AP, via Fairfield Citizen',
			title: '“Kazakhstan says 5,800 detained in week of protests”',
			date: '9 January 2022'
		});
		expect(citationText(source(), 'fr')).toEqual({
			by: 'AP, via Fairfield Citizen',
			title: '«\u202fKazakhstan says 5,800 detained in week of protests\u202f»',
			date: '9\u00a0janvier 2022'
		});
	});
	it('puts a title we supplied in brackets, and says when a page is undated', () => {
		expect(citationText(source({ headline: false, title: 'Almaty', date: null, via: undefined }), 'en')).toEqual({
			by: 'AP',
			title: '[Almaty]',
			date: 'undated'
		});
		expect(sourceDate('2023-10', 'fr')).toBe('octobre 2023');
		expect(sourceDate('2022-01-01', 'fr')).toBe('1er\u00a0janvier 2022');
	});
});
