/**
 * When a deployment swaps in its own basemap (PUBLIC_BASEMAP_STYLE), the map
 * must be allowed to fetch the style, its tiles, sprites and glyphs: their
 * origins are added to the CSP's connect-src and img-src. The origins are the
 * style URL's own plus any listed in PUBLIC_BASEMAP_ORIGINS (comma-separated,
 * for tiles served from elsewhere). Without the setting the CSP stays 'self'.
 */
export function basemapOrigins(env: Record<string, string | undefined>): string[] {
	const out = new Set<string>();
	const add = (u: string) => {
		try {
			out.add(new URL(u.trim()).origin);
		} catch {
			/* not a URL: ignored */
		}
	};
	if (env.PUBLIC_BASEMAP_STYLE) add(env.PUBLIC_BASEMAP_STYLE);
	for (const o of (env.PUBLIC_BASEMAP_ORIGINS ?? '').split(',')) if (o.trim()) add(o);
	return [...out];
}

export function widenCsp(csp: string, origins: string[]): string {
	if (!origins.length) return csp;
	const extra = origins.join(' ');
	return csp.replace(/(^|;\s*)(connect-src|img-src)([^;]*)/g, (_m, sep, name, rest) => `${sep}${name}${rest} ${extra}`);
}
