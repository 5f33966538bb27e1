/**
 * Sets the page language on <html lang> and the security headers that the
 * CSP (configured in svelte.config.js) does not cover.
 */
import type { Handle } from '@sveltejs/kit';
import { langFromPath } from '$lib/i18n/lang';

const isEmbedRoute = (path: string) => /^(\/en)?\/embed(\/|$)/.test(path);

export const handle: Handle = async ({ event, resolve }) => {
	const lang = langFromPath(event.url.pathname);
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang)
	});
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	if (!isEmbedRoute(event.url.pathname)) response.headers.set('X-Frame-Options', 'SAMEORIGIN');
	return response;
};
