import type { PageServerLoad } from './$types';
import { langOf } from '$lib/i18n/lang';
import { readAllLayers } from '$lib/server/layer-store';
import { loadStory } from '$lib/server/story-loader';

/** The journalists' page: every step's embed. */
export const load: PageServerLoad = async ({ url, params }) => {
	const lang = langOf(params);
	return { lang, story: loadStory(lang, await readAllLayers()), origin: url.origin };
};
