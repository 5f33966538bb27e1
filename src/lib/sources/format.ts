/** How readers see a citation: publisher (and who hosts the copy), title, date. Pure. */
import type { Lang } from '$lib/i18n/lang';
import type { CitedSource } from '$lib/schema/sources';

const MONTHS: Record<Lang, string[]> = {
	fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
};

/** "2022-01-09" -> "9 janvier 2022" / "9 January 2022"; "2023-10" -> "octobre 2023"; null -> "sans date" / "undated". */
export function sourceDate(date: string | null, lang: Lang): string {
	if (!date) return lang === 'fr' ? 'sans date' : 'undated';
	const [y, m, d] = date.split('-');
	const month = m ? MONTHS[lang][Number(m) - 1] : undefined;
	if (!month) return y!;
	if (!d) return `${month} ${y}`;
	const day = Number(d);
	return lang === 'fr' ? `${day === 1 ? '1er' : day}\u00a0${month} ${y}` : `${day} ${month} ${y}`;
}

export interface CitationText {
	/** "AP, via Fairfield Citizen" */
	by: string;
	/** the headline in quotes, or our description in brackets */
	title: string;
	date: string;
}

/** The three parts readers see, in the page's language and typography. */
export function citationText(s: CitedSource, lang: Lang): CitationText {
	const by = s.via ? `${s.publisher}, via ${s.via}` : s.publisher;
	const title = !s.headline ? `[${s.title}]` : lang === 'fr' ? `«\u202f${s.title}\u202f»` : `“${s.title}”`;
	return { by, title, date: sourceDate(s.date, lang) };
}
