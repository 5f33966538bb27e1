/**
 * The corrections log for readers, in one language: every entry, newest
 * first, with steps, features and figures named from the published story and
 * the layers as saved. Used by /corrections and the Atom feed.
 */
import { readAllLayers } from '../layer-store';
import { loadStory } from '../story-loader';
import { loadFigures } from '$lib/explore/load.server';
import { corrections } from './corrections-log';
import { entryView, type EntryView } from '$lib/corrections/view';
import type { Lang } from '$lib/i18n/lang';

export async function correctionViews(lang: Lang): Promise<{ entries: EntryView[]; storyTitle: string }> {
	const layers = await readAllLayers();
	const story = loadStory(lang, layers);
	const steps = new Map(story.steps.map((s) => [s.id, s.title]));
	const features = new Map(layers.flatMap((l) => l.data.features.map((f) => [f.properties.id, f.properties[`name_${lang}`]] as const)));
	const figures = new Map<string, string>();
	for (const g of loadFigures().groups) {
		figures.set(`group ${g.id}`, g.title[lang]);
		for (const f of g.figures) figures.set(f.id, `${g.title[lang]} — ${f.label[lang]}`);
	}
	const names = { stepTitle: (id: string) => steps.get(id), featureName: (id: string) => features.get(id), figureLabel: (id: string) => figures.get(id) };
	return { entries: corrections().map((e) => entryView(e, lang, names)), storyTitle: story.title };
}
