import { describe, expect, it } from 'vitest';
import { fontLinksIn } from './font-links';

const page = (head: string, body = '') =>
	`<!doctype html><html><head><meta charset="utf-8" />${head}<link href="./_app/a.css" rel="stylesheet"></head><body>${body}</body></html>`;

describe('fontLinksIn', () => {
	it('turns the font preloads of the head into Link header entries, in order', () => {
		const html = page(
			'<link rel="preload" href="/geo/fonts/a-400.woff2" as="font" type="font/woff2" crossorigin="anonymous"/><link rel="preload" href="/geo/fonts/a-600.woff2" as="font" type="font/woff2" crossorigin="anonymous"/>'
		);
		expect(fontLinksIn(html)).toEqual([
			'</geo/fonts/a-400.woff2>; rel="preload"; as="font"; type="font/woff2"; crossorigin',
			'</geo/fonts/a-600.woff2>; rel="preload"; as="font"; type="font/woff2"; crossorigin'
		]);
	});

	it('leaves out other preloads, stylesheets and anything in the body', () => {
		const html = page(
			'<link rel="preload" href="/_app/worker.mjs" as="fetch" crossorigin="anonymous"/><link rel="stylesheet" href="/x.css">',
			'<p>&lt;link rel="preload" href="/evil.woff2" as="font"&gt;</p><link rel="preload" href="/late.woff2" as="font">'
		);
		expect(fontLinksIn(html)).toEqual([]);
	});
});
