// Every reader, journalist and editor address answers as it did before the
// route tree became one for both languages (src/routes/[[lang=lang]]): the
// right page, in the right language; a language we do not have is a 404.
import { expect, test } from '@playwright/test';
import { STEPS, TEXT } from './story-data';

const step = STEPS[3]!.id;
const view = 'center=76.95,43.24&zoom=13&layers=almaty-sites&highlight=almaty-akimat';
const PAGES: [path: string, lang: 'fr' | 'en', expected: string][] = [
	['/', 'fr', TEXT.fr.title],
	['/en', 'en', TEXT.en.title],
	[`/step/${step}`, 'fr', TEXT.fr.steps[step].title],
	[`/en/step/${step}`, 'en', TEXT.en.steps[step].title],
	['/explore', 'fr', 'Explorer'],
	['/en/explore', 'en', 'Explore'],
	['/embed', 'fr', TEXT.fr.steps[step].title],
	['/en/embed', 'en', TEXT.en.steps[step].title],
	[`/embed/step/${step}`, 'fr', TEXT.fr.steps[step].title],
	[`/en/embed/step/${step}`, 'en', TEXT.en.steps[step].title],
	[`/embed/view?${view}`, 'fr', 'Kazakhstan, janvier 2022'],
	[`/en/embed/view?${view}`, 'en', 'Kazakhstan, January 2022']
];

for (const [path, lang, expected] of PAGES)
	test(`${path} answers in ${lang}`, async ({ request }) => {
		const res = await request.get(path);
		expect(res.status()).toBe(200);
		const html = await res.text();
		expect(html).toMatch(new RegExp(`<html lang="${lang}"`));
		expect(html).toContain(expected.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`));
	});

test('the other addresses still answer: oEmbed, the editor, the layer files', async ({ request, baseURL }) => {
	expect((await request.get(`/oembed?url=${encodeURIComponent(`${baseURL}/en/step/${step}`)}`)).status()).toBe(200);
	expect((await request.get('/edit/login')).status()).toBe(200);
	expect((await request.get('/geo/almaty-sites.geojson')).status()).toBe(200);
});

for (const path of ['/fr', '/de', '/en/en', '/fr/explore', '/de/embed/step/akimat', `/en/step/no-such-step`, '/embed/step/no-such-step'])
	test(`${path} is not a page`, async ({ request }) => {
		expect((await request.get(path)).status()).toBe(404);
	});
