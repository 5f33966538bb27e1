/** French and English punctuation of interface text, in one place (French: narrow no-break spaces, as the typography check wants). */
import type { Lang } from './lang';

/** the narrow no-break space of French typography */
export const NNBSP = '\u202f';

/** ": " in English, " : " with a narrow no-break space in French */
export const colon = (lang: Lang) => (lang === 'fr' ? `${NNBSP}: ` : ': ');

/** the thousands separator: a narrow no-break space in French, a comma in English */
export const thousands = (lang: Lang) => (lang === 'fr' ? NNBSP : ',');
