/**
 * The web policy, written once: the Content-Security-Policy, which addresses
 * may be framed (only embeds), the other security headers, and where the story
 * layers live (the data directory). Plain JavaScript so that Node loads it as
 * it is: svelte.config.js (the pages' CSP), src/hooks.server.ts (every answer
 * SvelteKit makes) and the production server in server/ (static files too)
 * all import it.
 */
import { resolve } from 'node:path';

/**
 * The pages' CSP, in SvelteKit's form (kit.csp.directives): SvelteKit adds a nonce to script-src.
 * @type {Record<string, string[]>}
 */
export const PAGE_CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self'],
	'worker-src': ['self'],
	'img-src': ['self', 'data:', 'blob:'],
	'style-src': ['self', 'unsafe-inline'],
	'font-src': ['self'],
	'connect-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self']
};

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic']);

/**
 * A CSP header value from directives in SvelteKit's form (keywords quoted).
 * @param {Record<string, string[]>} directives
 */
export function cspText(directives) {
	return Object.entries(directives)
		.map(([name, values]) => [name, ...values.map((v) => (KEYWORDS.has(v) ? `'${v}'` : v))].join(' '))
		.join('; ');
}

/** CSP of HTML and scripts the app did not render (static files): the pages' policy, without a nonce. A worker's policy is the one its script was served with, so MapLibre's worker may fetch the data. */
export const STATIC_CSP = cspText(PAGE_CSP_DIRECTIVES);
/** CSP of everything else (data, images, JSON): nothing may run in it. */
export const NON_HTML_CSP = "default-src 'none'";

/** Sent with an https ORIGIN only: browsers keep to https for a year (no subdomains: they may not be ours). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';
/** Sent with an https ORIGIN only: no page, embed or frame of ours may ask for these. */
export const PERMISSIONS_POLICY = [
	'camera',
	'microphone',
	'geolocation',
	'payment',
	'usb',
	'serial',
	'bluetooth',
	'hid',
	'midi',
	'magnetometer',
	'gyroscope',
	'accelerometer',
	'display-capture',
	'browsing-topics'
]
	.map((feature) => `${feature}=()`)
	.join(', ');

/**
 * Embed pages (/embed/step/<id>, /embed/view, and their /en twins) may be framed by any site;
 * every other address, the embeds' previews page (/embed) included, only by the app itself.
 * @param {string} path
 */
export const isEmbedPath = (path) => /^(\/en)?\/embed\/./.test(path);

/**
 * Origins a deployment's own basemap (PUBLIC_BASEMAP_STYLE) loads its style, tiles, sprites and
 * glyphs from: the style URL's origin plus PUBLIC_BASEMAP_ORIGINS (comma-separated). Not URLs: ignored.
 * @param {Record<string, string | undefined>} env
 */
export function basemapOrigins(env) {
	const out = new Set();
	/** @param {string} u */
	const add = (u) => {
		try {
			out.add(new URL(u.trim()).origin);
		} catch {
			/* not a URL: ignored */
		}
	};
	if (env.PUBLIC_BASEMAP_STYLE) add(env.PUBLIC_BASEMAP_STYLE);
	for (const o of (env.PUBLIC_BASEMAP_ORIGINS ?? '').split(',')) if (o.trim()) add(o);
	return /** @type {string[]} */ ([...out]);
}

/**
 * The CSP with `origins` added to connect-src and img-src (a basemap's tiles and sprites).
 * @param {string} csp
 * @param {string[]} origins
 */
export function widenCsp(csp, origins) {
	if (!origins.length) return csp;
	const extra = origins.join(' ');
	return csp.replace(/(^|;\s*)(connect-src|img-src)([^;]*)/g, (_m, sep, name, rest) => `${sep}${name}${rest} ${extra}`);
}

/**
 * @typedef {object} Answer
 * @property {string} path the request's path (decoded)
 * @property {string} contentType the answer's Content-Type ('' when none)
 * @property {string | null} csp the CSP the answer already has (SvelteKit's, with its nonce), or null
 * @property {string} origin the public origin (ORIGIN): https adds HSTS and the Permissions-Policy
 * @property {Record<string, string | undefined>} env for the basemap's origins (PUBLIC_BASEMAP_*)
 */

/**
 * Every security header an answer carries, by name (lower case).
 * @param {Answer} answer
 * @returns {Record<string, string>}
 */
export function securityHeaders({ path, contentType, csp, origin, env }) {
	const embed = isEmbedPath(path);
	const runs = contentType.startsWith('text/html') || /javascript/.test(contentType);
	const base = csp ?? (runs ? STATIC_CSP : NON_HTML_CSP);
	/** @type {Record<string, string>} */
	const headers = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'content-security-policy': `${widenCsp(base, basemapOrigins(env))}; frame-ancestors ${embed ? '*' : "'self'"}`
	};
	if (embed) headers['x-robots-tag'] = 'noindex';
	else headers['x-frame-options'] = 'SAMEORIGIN';
	if (origin.startsWith('https:')) {
		headers['strict-transport-security'] = STRICT_TRANSPORT_SECURITY;
		headers['permissions-policy'] = PERMISSIONS_POLICY;
	}
	return headers;
}

/** Where the story layers are read and saved: QANTAR_DATA_DIR, default static/geo. */
export function dataDir() {
	return resolve(process.env.QANTAR_DATA_DIR ?? 'static/geo');
}

/** The largest body the write API reads (a layer of 20,000 features fits); the server refuses a larger declared one before reading it. */
export const API_MAX_BODY_BYTES = 5 * 1024 * 1024;
