import type { PageServerLoad } from './$types';
import { langOf } from '$lib/i18n/lang';
import { correctionViews } from '$lib/server/story/corrections-page';

export const load: PageServerLoad = async ({ params, url }) => {
	const lang = langOf(params);
	return { lang, origin: url.origin, ...(await correctionViews(lang)) };
};
