import type { PageServerLoad } from './$types';
import { readAllLayers } from '$lib/server/layer-store';
import { loadStory } from '$lib/server/story-loader';

/** The journalists' page: every step's embed. */
export const load: PageServerLoad = async ({ url }) => ({ lang: 'en' as const, story: loadStory('en', await readAllLayers()), origin: url.origin });
