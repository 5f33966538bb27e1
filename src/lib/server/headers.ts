/**
 * Security headers per route. Embed routes may be framed by any site; every
 * other page only by the app itself. The CSP itself (scripts, workers, no
 * inline script, no eval) comes from svelte.config.js; framing is added here
 * because it differs per route.
 */
export const isEmbedPath = (path: string) => /^(\/en)?\/embed(\/|$)/.test(path) && !/^(\/en)?\/embed\/?$/.test(path);

export function setSecurityHeaders(path: string, headers: Headers): void {
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	const csp = headers.get('Content-Security-Policy');
	const embed = isEmbedPath(path);
	const frame = embed ? 'frame-ancestors *' : "frame-ancestors 'self'";
	if (csp !== null) headers.set('Content-Security-Policy', `${csp}; ${frame}`);
	else if ((headers.get('Content-Type') ?? '').startsWith('text/html')) headers.set('Content-Security-Policy', frame);
	if (embed) headers.set('X-Robots-Tag', 'noindex');
	else headers.set('X-Frame-Options', 'SAMEORIGIN');
}
