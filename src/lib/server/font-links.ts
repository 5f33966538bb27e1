/**
 * A page's font preloads (TextFonts puts them in its <head>) as HTTP Link header
 * entries, to name before the scripts and styles SvelteKit lists there: the browser
 * then asks for the fonts first, and has them when it first lays out the text.
 */
const PRELOAD = /<link\b[^>]*\brel="preload"[^>]*>/g;

export function fontLinksIn(html: string): string[] {
	// only the chunk that holds the head (a streamed page's later chunks are body)
	const end = html.indexOf('</head>');
	if (end === -1) return [];
	const links: string[] = [];
	for (const [tag] of html.slice(0, end).matchAll(PRELOAD)) {
		if (!/\bas="font"/.test(tag)) continue;
		const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
		const type = /\btype="([^"]+)"/.exec(tag)?.[1];
		if (href) links.push(`<${href}>; rel="preload"; as="font"${type ? `; type="${type}"` : ''}; crossorigin`);
	}
	return links;
}
