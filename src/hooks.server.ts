/**
 * Sets the page language on <html lang>, the security headers that the CSP
 * (configured in svelte.config.js) does not cover, and names the page's fonts
 * first in its Link header.
 */
import type { Handle } from '@sveltejs/kit';
import { langFromPath } from '$lib/i18n/lang';
import { setSecurityHeaders } from '$lib/server/headers';
import { env } from '$env/dynamic/public';
import { basemapOrigins, widenCsp } from '$lib/server/basemap-csp';
import { fontLinksIn } from '$lib/server/font-links';

export const handle: Handle = async ({ event, resolve }) => {
	const lang = langFromPath(event.url.pathname);
	const fonts: string[] = [];
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => {
			fonts.push(...fontLinksIn(html));
			return html.replace('%lang%', lang);
		}
	});
	setSecurityHeaders(event.url.pathname, response.headers);
	if (fonts.length) {
		const link = response.headers.get('link');
		response.headers.set('link', [...fonts, ...(link ? [link] : [])].join(', '));
	}
	const csp = response.headers.get('Content-Security-Policy');
	const origins = basemapOrigins(env);
	if (csp && origins.length) response.headers.set('Content-Security-Policy', widenCsp(csp, origins));
	return response;
};
