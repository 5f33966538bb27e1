import type { PageServerLoad } from './$types';
import { langOf } from '$lib/i18n/lang';
import { loadViewEmbed } from '$lib/server/embed-page';

export const load: PageServerLoad = ({ url, params }) => loadViewEmbed(langOf(params), url);
