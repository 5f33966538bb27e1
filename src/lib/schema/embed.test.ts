import { describe, expect, it } from 'vitest';
import { composedViewQuery, parseComposedView, parseStepEmbed } from './embed';

const ids = new Set(['almaty-akimat', 'zhanaozen']);
const parse = (qs: string) => parseComposedView(new URLSearchParams(qs), ids);

describe('composed view parameters', () => {
	it('accepts a full view and round-trips through composedViewQuery', () => {
		const { view, problems } = parse(
			'center=76.94,43.236&zoom=14&layers=almaty-sites,kazakhstan&highlight=almaty-akimat&date=2022-01-05&theme=dark&interactive=1'
		);
		expect(problems).toEqual([]);
		expect(view).toMatchObject({
			center: [76.94, 43.236],
			zoom: 14,
			layers: ['almaty-sites', 'kazakhstan'],
			highlight: ['almaty-akimat'],
			theme: 'dark',
			interactive: true,
			caption: true
		});
		expect(parse(composedViewQuery(view!)).view).toEqual(view);
	});
	it('ignores the parameters pym.js adds', () => {
		expect(parse('center=76,43&zoom=5&layers=kazakhstan&initialWidth=600&childId=qantar-1&parentTitle=x&parentUrl=y').problems).toEqual([]);
	});
	it.each([
		['center=76&zoom=5&layers=kazakhstan', 'center', /longitude,latitude/],
		['center=200,43&zoom=5&layers=kazakhstan', 'center', /longitude -180\.\.180/],
		['center=76,43&layers=kazakhstan', 'zoom', /is required/],
		['center=76,43&zoom=99&layers=kazakhstan', 'zoom', /from 0 to 20 \(got "99"\)/],
		['center=76,43&zoom=abc&layers=kazakhstan', 'zoom', /got "abc"/],
		['center=76,43&zoom=5', 'layers', /is required/],
		['center=76,43&zoom=5&layers=roads', 'layers', /unknown layer "roads"/],
		['center=76,43&zoom=5&layers=kazakhstan&highlight=atlantis', 'highlight', /unknown feature "atlantis"/],
		['center=76,43&zoom=5&layers=kazakhstan&date=2023-01-01', 'date', /from 2022-01-01 to 2022-01-31/],
		['center=76,43&zoom=5&layers=kazakhstan&theme=pink', 'theme', /light, dark or auto/],
		['center=76,43&zoom=5&layers=kazakhstan&interactive=yes', 'interactive', /0 or 1/],
		['center=76,43&zoom=5&layers=kazakhstan&zoon=3', 'zoon', /is not a parameter of this embed/],
		[
			'center=76,43&zoom=5&layers=kazakhstan&title=Almaty%E2%80%AEgpj.exe',
			'title',
			/without control, invisible or bidirectional characters \(U\+202E at character 7\)/
		],
		['center=76,43&zoom=5&layers=kazakhstan&title=Al%E2%80%8Bmaty', 'title', /\(U\+200B at character 3\)/],
		['center=76,43&zoom=5&layers=kazakhstan&title=A%0AB', 'title', /\(U\+000A at character 2\)/]
	])('%s -> a problem with %s', (qs, param, message) => {
		const { view, problems } = parse(qs);
		expect(view).toBeUndefined();
		expect(problems.find((p) => p.param === param)?.message).toMatch(message);
	});
});

describe('step embed parameters', () => {
	it('defaults: auto theme, static map, caption on', () => {
		expect(parseStepEmbed(new URLSearchParams(''))).toEqual({ options: { theme: 'auto', interactive: false, caption: true, card: false }, problems: [] });
	});
	it('names a bad option', () => {
		expect(parseStepEmbed(new URLSearchParams('caption=maybe')).problems).toEqual([{ param: 'caption', message: 'must be 0 or 1 (got "maybe")' }]);
	});
});
