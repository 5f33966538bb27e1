import type { PageServerLoad } from './$types';
import { readAllLayers } from '$lib/server/layer-store';

export const load: PageServerLoad = async () => {
	const layers = await readAllLayers();
	return { layers };
};
