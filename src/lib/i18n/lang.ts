/** Languages of the story and the URL prefix of each. French is the default. */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function langFromPath(pathname: string): Lang {
	return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'fr';
}

export function prefix(lang: Lang): string {
	return lang === 'en' ? '/en' : '';
}

/** The page language of a route under [[lang=lang]]: its segment, or French when there is none. */
export function langOf(params: { lang?: string }): Lang {
	return params.lang === 'en' ? 'en' : 'fr';
}
