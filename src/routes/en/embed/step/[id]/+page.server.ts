import type { PageServerLoad } from './$types';
import { loadStepEmbed } from '$lib/server/embed-page';

export const load: PageServerLoad = ({ params, url }) => loadStepEmbed('en', params.id, url);
