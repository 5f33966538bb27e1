import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readAllLayers } from '$lib/server/layer-store';
import { loadStory } from '$lib/server/story-loader';
import { oembedResponse, resolveTarget } from '$lib/server/oembed';

function dimension(v: string | null, name: string): number | undefined {
	if (v === null) return undefined;
	const n = Number(v);
	if (!Number.isInteger(n) || n < 50 || n > 5000) error(400, `${name} must be a whole number of pixels from 50 to 5000`);
	return n;
}

export const GET: RequestHandler = async ({ url }) => {
	const target = url.searchParams.get('url');
	if (!target) error(400, 'the "url" parameter is required (the address of a Qantar story step or embed)');
	const format = url.searchParams.get('format') ?? 'json';
	if (format !== 'json') error(501, 'only format=json is implemented');
	const maxwidth = dimension(url.searchParams.get('maxwidth'), 'maxwidth');
	const maxheight = dimension(url.searchParams.get('maxheight'), 'maxheight');
	const layers = await readAllLayers();
	const stories = { fr: loadStory('fr', layers), en: loadStory('en', layers) };
	const t = resolveTarget(target, url.origin, stories);
	if (!t) error(404, 'not a Qantar page of this site');
	return json(oembedResponse(t, url.origin, stories[t.lang], maxwidth, maxheight), {
		headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=3600' }
	});
};
