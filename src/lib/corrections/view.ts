/**
 * A corrections entry as readers see it, in one language: when (Almaty time),
 * the note, and what changed named as readers know it (step titles linking to
 * the step, place and event names, figure labels). Made on the server from
 * the log and the published story; shared by the /corrections page and the
 * Atom feed. Pure.
 */
import type { CorrectionEntry } from './entry';
import { almatyTime } from './almaty-time';
import { fieldLabel } from './field-labels';
import { prefix, type Lang } from '$lib/i18n/lang';
import { colon, NNBSP } from '$lib/i18n/punctuation';

export interface EntryView {
	id: string;
	date: string;
	when: string;
	note: string;
	minor: boolean;
	/** the story's own fields (title, introduction, order of steps) */
	story: string[];
	steps: { id: string; title: string; href: string | null; fields: string[] }[];
	features: { id: string; name: string; fields: string[] }[];
	figures: { id: string; label: string }[];
	sources: number;
}

export const CORRECTIONS_STRINGS = {
	fr: {
		title: 'Corrections et mises à jour',
		intro:
			'Chaque publication d’une modification du récit, des lieux et événements de la carte ou des chiffres est consignée ici, datée à l’heure d’Almaty. Une entrée n’est jamais modifiée\u202f: une correction ultérieure fait l’objet d’une nouvelle entrée.',
		none: 'Aucune correction n’a encore été publiée.',
		minor: 'Correction mineure (coquille, mise en forme).',
		story: 'Le récit',
		steps: 'Étapes',
		features: 'Lieux et événements',
		figures: 'Chiffres',
		sources: (n: number) => `Registre des sources (${n} ${n > 1 ? 'entrées' : 'entrée'})`,
		feed: 'Flux Atom des corrections',
		back: 'Retour au récit',
		published: 'Publié le'
	},
	en: {
		title: 'Corrections and updates',
		intro:
			'Every published change to the story, to the places and events on the map or to the figures is recorded here, dated in Almaty time. An entry is never edited: a later correction is a new entry.',
		none: 'No correction has been published yet.',
		minor: 'Minor correction (typo, formatting).',
		story: 'The story',
		steps: 'Steps',
		features: 'Places and events',
		figures: 'Figures',
		sources: (n: number) => `Source registry (${n} ${n > 1 ? 'entries' : 'entry'})`,
		feed: 'Atom feed of corrections',
		back: 'Back to the story',
		published: 'Published'
	}
} as const;

export interface Names {
	stepTitle: (id: string) => string | undefined;
	featureName: (id: string) => string | undefined;
	figureLabel: (id: string) => string | undefined;
}

export function entryView(e: CorrectionEntry, lang: Lang, names: Names): EntryView {
	return {
		id: e.id,
		date: e.date,
		when: almatyTime(e.date, lang),
		note: e.note,
		minor: e.minor,
		story: e.story.map((f) => fieldLabel(f, lang)),
		steps: e.steps.map((s) => {
			const title = names.stepTitle(s.id);
			return { id: s.id, title: title ?? s.id, href: title ? `${prefix(lang)}/step/${s.id}` : null, fields: s.fields.map((f) => fieldLabel(f, lang)) };
		}),
		features: e.features.map((f) => ({ id: f.id, name: names.featureName(f.id) ?? f.id, fields: f.fields.map((x) => fieldLabel(x, lang)) })),
		figures: e.figures.map((f) => ({ id: f.id, label: names.figureLabel(f.id) ?? f.id })),
		sources: e.sources.length
	};
}

/** One line saying what changed: "Steps: The akimat burns; Places and events: Almaty airport". */
export function changeSummary(v: EntryView, lang: Lang): string {
	const t = CORRECTIONS_STRINGS[lang];
	const sep = colon(lang);
	const semi = lang === 'fr' ? `${NNBSP}; ` : '; ';
	return [
		v.story.length ? `${t.story}${sep}${v.story.join(', ')}` : '',
		v.steps.length ? `${t.steps}${sep}${v.steps.map((s) => s.title).join(semi)}` : '',
		v.features.length ? `${t.features}${sep}${v.features.map((f) => f.name).join(semi)}` : '',
		v.figures.length ? `${t.figures}${sep}${v.figures.map((f) => f.label).join(semi)}` : '',
		v.sources ? t.sources(v.sources) : ''
	]
		.filter(Boolean)
		.join('. ');
}
