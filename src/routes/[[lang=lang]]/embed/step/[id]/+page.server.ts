import type { PageServerLoad } from './$types';
import { loadStepEmbed } from '$lib/server/embed-page';

export const load: PageServerLoad = ({ params, url }) => loadStepEmbed('fr', params.id, url);
