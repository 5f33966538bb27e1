import type { PageServerLoad } from './$types';
import { langOf } from '$lib/i18n/lang';
import { loadExplore } from '$lib/explore/load.server';

export const load: PageServerLoad = ({ url, params }) => loadExplore(langOf(params), url);
