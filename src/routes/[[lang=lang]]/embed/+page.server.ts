import type { PageServerLoad } from './$types';
import { readAllLayers } from '$lib/server/layer-store';
import { loadStory } from '$lib/server/story-loader';

/** The journalists' page: every step's embed. */
export const load: PageServerLoad = async ({ url }) => ({ lang: 'fr' as const, story: loadStory('fr', await readAllLayers()), origin: url.origin });
