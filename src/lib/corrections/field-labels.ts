/**
 * The fields a corrections entry names ("title (fr)", "description_en",
 * "order of steps"), in readers' words in either language. Pure.
 */
import type { Lang } from '$lib/i18n/lang';

const LABELS: Record<string, Record<Lang, string>> = {
	title: { fr: 'titre', en: 'title' },
	kicker: { fr: 'surtitre', en: 'kicker' },
	body: { fr: 'texte', en: 'text' },
	alt: { fr: 'description de la carte', en: 'map description' },
	later: { fr: 'ce qui a été appris depuis', en: 'what was learnt later' },
	dek: { fr: 'chapeau', en: 'standfirst' },
	byline: { fr: 'signature', en: 'byline' },
	sources_intro: { fr: 'présentation des sources', en: 'introduction to the sources' },
	date: { fr: 'date', en: 'date' },
	end: { fr: 'date de fin', en: 'end date' },
	start: { fr: 'date de début', en: 'start date' },
	date_precision: { fr: 'précision de la date', en: 'date precision' },
	period: { fr: 'période', en: 'period' },
	body_periods: { fr: 'périodes des paragraphes', en: 'periods of the paragraphs' },
	camera: { fr: 'cadrage de la carte', en: 'map framing' },
	layers: { fr: 'couches affichées', en: 'layers shown' },
	highlight: { fr: 'lieux mis en avant', en: 'places highlighted' },
	sources: { fr: 'sources', en: 'sources' },
	added: { fr: 'ajout', en: 'added' },
	removed: { fr: 'retrait', en: 'removed' },
	name_fr: { fr: 'nom (français)', en: 'name (French)' },
	name_en: { fr: 'nom (anglais)', en: 'name (English)' },
	description_fr: { fr: 'description (français)', en: 'description (French)' },
	description_en: { fr: 'description (anglais)', en: 'description (English)' },
	'order of steps': { fr: 'ordre des étapes', en: 'order of the steps' },
	'dispatch sources': { fr: 'sources de la dépêche', en: 'sources of the dispatch' },
	'method sources': { fr: 'sources de la méthode', en: 'sources of the method' }
};
const LANG_NAMES: Record<string, Record<Lang, string>> = { fr: { fr: 'français', en: 'French' }, en: { fr: 'anglais', en: 'English' } };

/** "title (fr)" -> "titre (français)" / "title (French)"; an unknown field stays as it is. */
export function fieldLabel(field: string, lang: Lang): string {
	const m = /^(.*) \((fr|en)\)$/.exec(field);
	const [name, text] = m ? [m[1]!, m[2]!] : [field, null];
	const label = LABELS[name]?.[lang] ?? name;
	return text ? `${label} (${LANG_NAMES[text]![lang]})` : label;
}
