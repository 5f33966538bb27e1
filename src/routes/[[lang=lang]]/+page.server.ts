import type { PageServerLoad } from './$types';
import { langOf } from '$lib/i18n/lang';
import { loadStoryPage } from '$lib/server/story-page';

export const load: PageServerLoad = ({ url, params }) => loadStoryPage(langOf(params), url);
