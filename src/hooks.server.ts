/**
 * Sets the page language on <html lang>, the security headers of the web
 * policy (src/lib/server/web-policy.js, shared with svelte.config.js and the
 * production server), the API's JSON errors, and names the page's fonts first
 * in its Link header. At start, follows the data remote when there is one.
 */
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { startRemoteSync } from '$lib/server/editor/data-remote';
import { startStepPictures, stepPicturesChanged } from '$lib/server/pictures/step-pictures';
import { langFromPath } from '$lib/i18n/lang';
import { dataDir, securityHeaders } from '$lib/server/web-policy.js';
import { apiErrorAsJson, isApiPath } from '$lib/server/api-errors';
import { env } from '$env/dynamic/public';
import { fontLinksIn } from '$lib/server/font-links';

/**
 * With QANTAR_DATA_REMOTE, readers see what other instances saved: the data directory follows the remote between writes.
 * The production server draws again the step pictures a publish (here or arriving from the remote) made out of date.
 */
export const init: ServerInit = () => {
	if (building) return;
	if (!dev) startStepPictures();
	startRemoteSync(dataDir(), undefined, undefined, stepPicturesChanged);
};

export const handle: Handle = async ({ event, resolve }) => {
	const path = event.url.pathname;
	const lang = langFromPath(path);
	const fonts: string[] = [];
	let response = await resolve(event, {
		transformPageChunk: ({ html }) => {
			fonts.push(...fontLinksIn(html));
			return html.replace('%lang%', lang);
		}
	});
	if (isApiPath(path)) response = await apiErrorAsJson(event.request.method, path, response);
	const policy = securityHeaders({
		path,
		contentType: response.headers.get('content-type') ?? '',
		csp: response.headers.get('content-security-policy'),
		origin: event.url.origin,
		env
	});
	for (const [name, value] of Object.entries(policy)) response.headers.set(name, value);
	if (fonts.length) {
		const link = response.headers.get('link');
		response.headers.set('link', [...fonts, ...(link ? [link] : [])].join(', '));
	}
	return response;
};

/** An exception in a load, action or endpoint: logged with where it happened; the visitor gets no details. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status !== 404) console.error(`[${status}] ${event.request.method} ${event.url.pathname}:`, error);
	return { message };
};
