import { describe, expect, it } from 'vitest';
import { staticHeadersFile } from './static-headers.js';

const PAGES = ['/', '/en', '/step/akimat', '/en/step/toll', '/embed', '/en/embed', '/embed/step/akimat', '/en/embed/step/toll', '/explore', '/en/explore'];

/** What a host that reads `_headers` sends for a path: the headers of every rule it matches, a header named twice joined with a comma. */
function headersFor(file: string, path: string): Record<string, string> {
	const out: Record<string, string> = {};
	let applies = false;
	for (const line of file.split('\n')) {
		if (!line.trim() || line.startsWith('#')) continue;
		if (!line.startsWith(' ')) {
			applies = line.endsWith('*') ? path.startsWith(line.slice(0, -1)) : path === line;
			continue;
		}
		if (!applies) continue;
		const [name, ...value] = line.trim().split(': ');
		const key = name!.toLowerCase();
		out[key] = out[key] === undefined ? value.join(': ') : `${out[key]}, ${value.join(': ')}`;
	}
	return out;
}

describe('the static build’s _headers', () => {
	const file = staticHeadersFile({ pages: PAGES, origin: 'https://maps.example.org' });
	it.each(PAGES.map((p) => [p, /^(\/en)?\/embed\/./.test(p)] as const))('%s: framed by other sites only if an embed (%s)', (path, embed) => {
		const h = headersFor(file, path);
		expect(h['content-security-policy']).toBe(embed ? 'frame-ancestors *' : "frame-ancestors 'self'");
		expect(h['x-frame-options']).toBe(embed ? undefined : 'SAMEORIGIN');
		expect(h['x-robots-tag']).toBe(embed ? 'noindex' : undefined);
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['strict-transport-security']).toBe('max-age=31536000');
		expect(h['permissions-policy']).toMatch(/^camera=\(\)/);
	});
	it('lets the composed views’ forwarding page be framed, like the server’s /embed/view', () => {
		expect(headersFor(file, '/embed/view')['content-security-policy']).toBe('frame-ancestors *');
		expect(headersFor(file, '/en/embed/view')['x-frame-options']).toBeUndefined();
	});
	it('sends HSTS and the Permissions-Policy only for an https origin', () => {
		const plain = staticHeadersFile({ pages: PAGES, origin: 'http://localhost:4180' });
		expect(headersFor(plain, '/')['strict-transport-security']).toBeUndefined();
		expect(headersFor(plain, '/')['permissions-policy']).toBeUndefined();
	});
	it('keeps the caching rules and stays under the hosts’ rule limit with many steps', () => {
		expect(headersFor(file, '/_app/immutable/x.js')['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(headersFor(file, '/oembed/step/akimat.json')['access-control-allow-origin']).toBe('*');
		const many = staticHeadersFile({ pages: Array.from({ length: 300 }, (_, i) => `/step/s${i}`), origin: 'https://x.org' });
		expect(many.split('\n').filter((l) => l.startsWith('/')).length).toBeLessThan(20);
	});
});
