/**
 * Data of the embed pages: one step of the story, or a composed view from URL
 * parameters. Bad parameters become a 400 whose message names each one.
 */
import { error } from '@sveltejs/kit';
import { readLayers } from './layer-store';
import type { EmbedData } from '$lib/embed/embed-data';
import { loadStory } from './story-loader';
import { parseComposedView, parseStepEmbed, type ParamProblem } from '$lib/schema/embed';
import type { StepView } from '$lib/schema/story';
import { STRINGS } from '$lib/i18n/strings';
import { prefix } from '$lib/i18n/lang';
import { isShown } from '$lib/explore/dates';
import type { Lang } from '$lib/i18n/lang';
import { latestUpdates } from '$lib/corrections/entry';
import { corrections } from './story/corrections-log';

function fail(problems: ParamProblem[], lang: Lang): never {
	const head = lang === 'fr' ? 'Paramètres d’intégration incorrects' : 'Invalid embed parameters';
	error(400, `${head}:\n${problems.map((p) => `• ${p.param}: ${p.message}`).join('\n')}`);
}

/** First sentence of a step's text, as a one-line caption. */
function firstSentence(text: string): string {
	const m = text.match(/^.{20,220}?[.!?](?=\s|$)/);
	return (m ? m[0] : text.slice(0, 200)).trim();
}

export async function loadStepEmbed(lang: Lang, id: string, url: URL): Promise<EmbedData> {
	const { all, page: layers } = await readLayers();
	const story = loadStory(lang, all);
	const step = story.steps.find((s) => s.id === id);
	if (!step) error(404, lang === 'fr' ? `Ce récit n’a pas d’étape « ${id} ».` : `This story has no step "${id}".`);
	const { options, problems } = parseStepEmbed(url.searchParams);
	if (problems.length) fail(problems, lang);
	return {
		lang,
		t: STRINGS[lang],
		layers,
		step,
		title: step.title,
		caption: `${step.kicker} — ${firstSentence(step.body[0]!)}`,
		period: step.bodyPeriods[0] ?? step.period,
		alt: step.alt,
		storyHref: `${prefix(lang)}/step/${step.id}`,
		snapshot: `/snapshots/${lang}/${step.id}.png`,
		options,
		embedPath: `${prefix(lang)}/embed/step/${step.id}`,
		pageUrl: `${url.origin}${prefix(lang)}/embed/step/${step.id}`,
		update: latestUpdates(corrections(), lang).steps[step.id]
	};
}

export async function loadViewEmbed(lang: Lang, url: URL): Promise<EmbedData> {
	const { all, page } = await readLayers();
	const ids = new Set(all.flatMap((l) => l.data.features.map((f) => f.properties.id)));
	const { view, problems } = parseComposedView(url.searchParams, ids);
	if (!view) fail(problems, lang);
	// the date filter, the same as the dashboard's timeline: not begun yet, or over, is not drawn
	// (the filtered layers go whole in the page; without a date, as the story sends them: readLayers)
	const layers = view.date ? all.map((l) => ({ ...l, data: { ...l.data, features: l.data.features.filter((f) => isShown(f.properties, view.date!)) } })) : page;
	const t = STRINGS[lang];
	const step: StepView = {
		id: 'view',
		camera: { center: view.center, zoom: view.zoom, bearing: view.bearing, pitch: view.pitch },
		layers: { show: view.layers },
		highlight: view.highlight.filter((id) => layers.some((l) => view.layers.includes(l.layer.id) && l.data.features.some((f) => f.properties.id === id)))
	};
	const layerNames = view.layers.map((id) => all.find((l) => l.layer.id === id)!.layer.name[lang]).join(', ');
	return {
		lang,
		t,
		layers,
		step,
		title: view.title ?? t.embedViewTitle,
		caption: `${t.embedViewLayers}: ${layerNames}${view.date ? ` — ${t.embedViewDate} ${view.date}` : ''}`,
		alt: `${t.embedViewAlt} ${layerNames}.`,
		storyHref: `${prefix(lang)}/`,
		snapshot: null,
		options: view,
		embedPath: `${prefix(lang)}/embed/view?${url.searchParams.toString()}`,
		pageUrl: `${url.origin}${prefix(lang)}/embed/view?${url.searchParams.toString()}`
	};
}
