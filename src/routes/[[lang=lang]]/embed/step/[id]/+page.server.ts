import type { PageServerLoad } from './$types';
import { langOf } from '$lib/i18n/lang';
import { loadStepEmbed } from '$lib/server/embed-page';

export const load: PageServerLoad = ({ params, url }) => loadStepEmbed(langOf(params), params.id, url);
