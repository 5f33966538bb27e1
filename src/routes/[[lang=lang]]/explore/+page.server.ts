import type { PageServerLoad } from './$types';
import { loadExplore } from '$lib/explore/load.server';

export const load: PageServerLoad = ({ url }) => loadExplore('fr', url);
