/** Data of a story page (either language): the story, validated, the layers it draws on, and the step it opens at. */
import { error } from '@sveltejs/kit';
import { readLayers } from './layer-store';
import { loadStory, storySourceIds } from './story-loader';
import { sourcesFor } from './sources-loader';
import type { Lang } from '$lib/i18n/lang';
import { latestUpdates } from '$lib/corrections/entry';
import { corrections } from './story/corrections-log';
import { EXPLORE_STRINGS, STRINGS, type StoryStrings } from '$lib/i18n/strings';
import { CORRECTIONS_STRINGS } from '$lib/corrections/view';

/** The story page's strings, in its language only (StoryStrings). */
export function storyStrings(lang: Lang): StoryStrings {
	const { inviteTitle, invite, inviteLink } = EXPLORE_STRINGS[lang];
	return { ...STRINGS[lang], inviteTitle, invite, inviteLink, correctionsTitle: CORRECTIONS_STRINGS[lang].title };
}

export async function loadStoryPage(lang: Lang, url: URL, stepId?: string) {
	// the page sends `page`: polygons as bounding boxes, the map loads them whole (readLayers)
	const { all, page: layers } = await readLayers();
	const story = loadStory(lang, all);
	if (stepId !== undefined && !story.steps.some((s) => s.id === stepId))
		error(404, lang === 'fr' ? `Ce récit n’a pas d’étape « ${stepId} ».` : `This story has no step "${stepId}".`);
	return {
		lang,
		t: storyStrings(lang),
		story,
		layers,
		sources: sourcesFor(storySourceIds(story)),
		updates: latestUpdates(corrections(), lang).steps,
		initialStep: stepId ?? null,
		origin: url.origin,
		pageUrl: url.origin + url.pathname
	};
}
