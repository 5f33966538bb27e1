import type { PageServerLoad } from './$types';
import { loadViewEmbed } from '$lib/server/embed-page';

export const load: PageServerLoad = ({ url }) => loadViewEmbed('fr', url);
