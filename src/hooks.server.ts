/**
 * Sets the page language on <html lang> and the security headers that the
 * CSP (configured in svelte.config.js) does not cover.
 */
import type { Handle } from '@sveltejs/kit';
import { langFromPath } from '$lib/i18n/lang';
import { setSecurityHeaders } from '$lib/server/headers';
import { env } from '$env/dynamic/public';
import { basemapOrigins, widenCsp } from '$lib/server/basemap-csp';

export const handle: Handle = async ({ event, resolve }) => {
	const lang = langFromPath(event.url.pathname);
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang)
	});
	setSecurityHeaders(event.url.pathname, response.headers);
	const csp = response.headers.get('Content-Security-Policy');
	const origins = basemapOrigins(env);
	if (csp && origins.length) response.headers.set('Content-Security-Policy', widenCsp(csp, origins));
	return response;
};
