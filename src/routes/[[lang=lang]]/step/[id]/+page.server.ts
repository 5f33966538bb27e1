import type { PageServerLoad } from './$types';
import { langOf } from '$lib/i18n/lang';
import { loadStoryPage } from '$lib/server/story-page';

/** /step/<id>: the story opened at one step, with that step's title and picture for link previews. */
export const load: PageServerLoad = ({ url, params }) => loadStoryPage(langOf(params), url, params.id);
