/**
 * Sets the page language on <html lang> and the security headers that the
 * CSP (configured in svelte.config.js) does not cover.
 */
import type { Handle } from '@sveltejs/kit';
import { langFromPath } from '$lib/i18n/lang';
import { setSecurityHeaders } from '$lib/server/headers';

export const handle: Handle = async ({ event, resolve }) => {
	const lang = langFromPath(event.url.pathname);
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang)
	});
	setSecurityHeaders(event.url.pathname, response.headers);
	return response;
};
