import { describe, expect, it } from 'vitest';
import { basemapOrigins, cspText, isEmbedPath, PAGE_CSP_DIRECTIVES, securityHeaders, STATIC_CSP, widenCsp } from './web-policy.js';

const answer = (over: Partial<Parameters<typeof securityHeaders>[0]> = {}) =>
	securityHeaders({ path: '/', contentType: 'text/html', csp: null, origin: 'http://localhost:4173', env: {}, ...over });

describe('framing: only embeds may be framed by other sites', () => {
	it.each([
		['/embed/step/akimat', true],
		['/en/embed/step/toll', true],
		['/embed/view', true],
		['/embed', false],
		['/embed/', false],
		['/en/embed', false],
		['/embedded', false],
		['/', false],
		['/step/akimat', false],
		['/edit/login', false],
		['/geo/kazakhstan.geojson', false]
	])('%s: %s', (path, embed) => {
		expect(isEmbedPath(path)).toBe(embed);
		const h = answer({ path });
		expect(h['content-security-policy']).toMatch(embed ? /; frame-ancestors \*$/ : /; frame-ancestors 'self'$/);
		expect(h['x-frame-options']).toBe(embed ? undefined : 'SAMEORIGIN');
		expect(h['x-robots-tag']).toBe(embed ? 'noindex' : undefined);
	});
});

describe('the CSP of an answer', () => {
	it('keeps the one SvelteKit made (with its nonce) and adds the framing rule', () => {
		const csp = "default-src 'self'; script-src 'self' 'nonce-abc'";
		expect(answer({ csp })['content-security-policy']).toBe(`${csp}; frame-ancestors 'self'`);
	});
	it('gives static HTML and scripts the pages’ policy (a worker may fetch data), anything else nothing that runs', () => {
		expect(answer({ contentType: 'text/javascript' })['content-security-policy']).toBe(`${STATIC_CSP}; frame-ancestors 'self'`);
		expect(STATIC_CSP).toContain("connect-src 'self'");
		expect(STATIC_CSP).toContain("script-src 'self';");
		for (const contentType of ['application/geo+json', 'image/png', 'application/json', ''])
			expect(answer({ contentType })['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'self'");
	});
	it('is the same text as svelte.config.js gives SvelteKit (keywords quoted, the rest as is)', () => {
		expect(cspText({ 'img-src': ['self', 'data:'], 'object-src': ['none'], 'style-src': ['self', 'unsafe-inline'] })).toBe(
			"img-src 'self' data:; object-src 'none'; style-src 'self' 'unsafe-inline'"
		);
		expect(STATIC_CSP.split('; ').map((d) => d.split(' ')[0])).toEqual(Object.keys(PAGE_CSP_DIRECTIVES));
	});
	it('lets a deployment basemap’s origins in, pages and scripts alike (the worker fetches the tiles)', () => {
		const env = { PUBLIC_BASEMAP_STYLE: 'https://maps.example.org/style.json' };
		expect(answer({ env, csp: "connect-src 'self' 'nonce-x'" })['content-security-policy']).toContain("connect-src 'self' 'nonce-x' https://maps.example.org");
		expect(answer({ env, contentType: 'text/javascript' })['content-security-policy']).toContain("connect-src 'self' https://maps.example.org");
	});
});

describe('https only: HSTS and the Permissions-Policy', () => {
	it('are sent with an https ORIGIN, on every kind of answer', () => {
		for (const contentType of ['text/html', 'application/json', 'image/png']) {
			const h = answer({ origin: 'https://maps.example.org', contentType });
			expect(h['strict-transport-security']).toBe('max-age=31536000');
			for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(h['permissions-policy']).toContain(`${feature}=()`);
		}
	});
	it('are not sent on plain http', () => {
		const h = answer({ origin: 'http://localhost:4173' });
		expect(h['strict-transport-security']).toBeUndefined();
		expect(h['permissions-policy']).toBeUndefined();
	});
});

describe('CSP for a deployment basemap', () => {
	it('adds the style origin and listed tile origins to connect-src and img-src only', () => {
		const origins = basemapOrigins({
			PUBLIC_BASEMAP_STYLE: 'https://maps.example.org/style.json',
			PUBLIC_BASEMAP_ORIGINS: 'https://tiles.example.org, nonsense'
		});
		expect(origins).toEqual(['https://maps.example.org', 'https://tiles.example.org']);
		expect(widenCsp("default-src 'self'; connect-src 'self'; img-src 'self' data:; script-src 'self'", origins)).toBe(
			"default-src 'self'; connect-src 'self' https://maps.example.org https://tiles.example.org; img-src 'self' data: https://maps.example.org https://tiles.example.org; script-src 'self'"
		);
	});
	it('leaves the CSP alone without the setting', () => {
		expect(basemapOrigins({})).toEqual([]);
		expect(widenCsp("connect-src 'self'", [])).toBe("connect-src 'self'");
	});
});

describe('svelte.config.js', () => {
	it('gives SvelteKit the pages’ CSP from this module', async () => {
		const { default: config } = await import('../../../svelte.config.js');
		expect(config.kit?.csp?.directives).toBe(PAGE_CSP_DIRECTIVES);
	});
});
