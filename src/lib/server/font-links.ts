/**
 * A page's font preloads (TextFonts puts them in its <head>) as HTTP Link header
 * entries, to name before the scripts and styles SvelteKit lists there: the browser
 * then asks for the fonts first, and has them when it first lays out the text.
 */
const PRELOAD = /<link\b[^>]*\brel="preload"[^>]*>/g;

export function fontLinksIn(html: string): string[] {
	const end = html.indexOf('</head>');
	const head = end === -1 ? html : html.slice(0, end);
	const links: string[] = [];
	for (const [tag] of head.matchAll(PRELOAD)) {
		if (!/\bas="font"/.test(tag)) continue;
		const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
		const type = /\btype="([^"]+)"/.exec(tag)?.[1];
		if (href) links.push(`<${href}>; rel="preload"; as="font"${type ? `; type="${type}"` : ''}; crossorigin`);
	}
	return links;
}
