/** Interface strings of the reader's pages, per language. Story text lives in content/. */
import type { Lang } from './lang';

const fr = {
	skip: 'Aller au texte',
	mapLabel: 'Carte de l’étape en cours',
	progress: 'Étapes du récit',
	step: 'Étape',
	of: 'sur',
	onMap: 'Sur la carte',
	sources: 'Sources',
	later: 'Appris après le 10 janvier',
	afterArticle: 'Après la dépêche',
	motion: 'Animations de la carte',
	motionOn: 'activées',
	motionOff: 'réduites',
	otherLang: 'English',
	otherLangLabel: 'Read this story in English',
	sourcesTitle: 'Sources et méthode',
	creditsTitle: 'Données et crédits',
	credits:
		'Fond de carte : Natural Earth (domaine public) ; villes : GeoNames (CC BY 4.0) ; police : Noto Sans (SIL OFL). Lieux de l’histoire : coordonnées tirées des fiches Wikipédia citées pour chaque lieu.',
	allSources: 'Toutes les sources citées',
	confidence: { high: 'fiable', medium: 'moyenne', low: 'faible' } as Record<string, string>,
	confidenceLabel: 'fiabilité',
	keyboardHint: 'Flèches, Page préc./suiv., Début et Fin pour passer d’une étape à l’autre.',
	noscriptMap: 'La carte interactive demande JavaScript ; le texte de chaque étape et ses sources restent lisibles ci-dessous.',
	embed: 'Intégrer'
};
type Strings = typeof fr;
const en: Strings = {
	skip: 'Skip to the text',
	mapLabel: 'Map of the current step',
	progress: 'Story steps',
	step: 'Step',
	of: 'of',
	onMap: 'On the map',
	sources: 'Sources',
	later: 'Learned after 10 January',
	afterArticle: 'After the dispatch',
	motion: 'Map animations',
	motionOn: 'on',
	motionOff: 'reduced',
	otherLang: 'Français',
	otherLangLabel: 'Lire ce récit en français',
	sourcesTitle: 'Sources and method',
	creditsTitle: 'Data and credits',
	credits:
		'Basemap: Natural Earth (public domain); towns: GeoNames (CC BY 4.0); font: Noto Sans (SIL OFL). Story places: coordinates from the Wikipedia entries cited for each place.',
	allSources: 'Every source cited',
	confidence: { high: 'high', medium: 'medium', low: 'low' },
	confidenceLabel: 'confidence',
	keyboardHint: 'Arrow keys, Page Up/Down, Home and End move between steps.',
	noscriptMap: 'The interactive map needs JavaScript; each step’s text and sources remain readable below.',
	embed: 'Embed'
};

export const STRINGS: Record<Lang, Strings> = { fr, en };
export type { Strings };
