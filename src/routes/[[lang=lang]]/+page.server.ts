import type { PageServerLoad } from './$types';
import { loadStoryPage } from '$lib/server/story-page';

export const load: PageServerLoad = ({ url }) => loadStoryPage('fr', url);
