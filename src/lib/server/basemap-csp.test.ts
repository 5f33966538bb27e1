import { describe, expect, it } from 'vitest';
import { basemapOrigins, widenCsp } from './basemap-csp';

describe('CSP for a deployment basemap', () => {
	it('adds the style origin and listed tile origins to connect-src and img-src only', () => {
		const origins = basemapOrigins({ PUBLIC_BASEMAP_STYLE: 'https://maps.example.org/style.json', PUBLIC_BASEMAP_ORIGINS: 'https://tiles.example.org, nonsense' });
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
