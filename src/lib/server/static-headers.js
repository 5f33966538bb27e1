// The `_headers` file of the static build (Netlify, Cloudflare Pages and the
// hosts that copy them), made from the web policy the Node server applies
// (web-policy.js), so both say the same: only embeds may be framed by other
// sites, HSTS and the Permissions-Policy with an https origin, the same
// caching. Hosts give a request the headers of every rule it matches, joining
// two values of one header with a comma (two CSPs: the stricter wins), so no
// framing header is set by a rule that an embed also matches: `/*` carries
// only what every answer shares, and framing goes by page, one rule per
// concrete page or family of pages (hosts allow about 100 rules).
import { securityHeaders } from './web-policy.js';

/** @param {string} name */
const title = (name) => name.replace(/(^|-)([a-z])/g, (_m, sep, c) => sep + c.toUpperCase());

/** the rule that covers a page: its family (`/step/*`, `/embed/step/*`…) or the page itself */
/** @param {string} path */
export function ruleOf(path) {
	const m = /^((?:\/en)?(?:\/embed)?\/step)\/[^/]+$/.exec(path);
	return m ? `${m[1]}/*` : path;
}

/** the framing headers of an HTML page at `path` (the rest of its CSP is in its <meta> tag) */
/** @param {string} path @param {string} origin */
function framing(path, origin) {
	const h = securityHeaders({ path, contentType: 'text/html', csp: '', origin, env: {} });
	/** @type {[string, string][]} */
	const out = [['content-security-policy', (/frame-ancestors [^;]*/.exec(h['content-security-policy'] ?? '') ?? [''])[0]]];
	if (h['x-frame-options']) out.push(['x-frame-options', h['x-frame-options']]);
	if (h['x-robots-tag']) out.push(['x-robots-tag', h['x-robots-tag']]);
	return out;
}

/**
 * @param {object} site
 * @param {string[]} site.pages the paths of the pages the build wrote (`/`, `/step/akimat`, `/embed/step/akimat`…)
 * @param {string} site.origin the public origin (https adds HSTS and the Permissions-Policy)
 * @returns {string}
 */
export function staticHeadersFile({ pages, origin }) {
	const all = securityHeaders({ path: '/', contentType: 'application/json', csp: '', origin, env: {} });
	const shared = ['x-content-type-options', 'referrer-policy', 'strict-transport-security', 'permissions-policy'].filter((n) => all[n]);
	/** @type {Map<string, [string, string][]>} */
	const rules = new Map([['/*', shared.map((n) => [n, /** @type {string} */ (all[n])])]]);
	// the composed views' page exists in the static copy too (it forwards to the server)
	for (const path of [...pages, '/embed/view', '/en/embed/view']) {
		const rule = ruleOf(path);
		if (!rules.has(rule)) rules.set(rule, framing(path, origin));
	}
	rules.set('/_app/immutable/*', [['cache-control', 'public, max-age=31536000, immutable']]);
	for (const dir of ['/geo/*', '/snapshots/*']) rules.set(dir, [['cache-control', 'public, max-age=60, must-revalidate']]);
	rules.set('/oembed/*', [
		['access-control-allow-origin', '*'],
		['cache-control', 'public, max-age=300']
	]);
	const blocks = [...rules].map(([rule, headers]) => `${rule}\n${headers.map(([n, v]) => `  ${title(n)}: ${v}`).join('\n')}`);
	return `# Response headers for hosts that read this file (Netlify, Cloudflare Pages); set the same on other CDNs.\n# Made by scripts/build-static.js from src/lib/server/web-policy.js.\n${blocks.join('\n')}\n`;
}
