/** The story editor: signed-in editors only. Hands the page the layers (as reader pages get them, for its maps); the story itself comes from /api/story. */
import type { PageServerLoad } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { loadEditors } from '$lib/server/editor/editors';
import { currentEditor } from '$lib/server/editor/sessions';
import { readLayers } from '$lib/server/layer-store';

export const load: PageServerLoad = async ({ cookies, setHeaders, url }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const editors = await loadEditors();
	if (!editors.ok) error(503, editors.message);
	const editor = await currentEditor(cookies);
	if (!editor) redirect(303, '/edit/login');
	const { page: layers } = await readLayers();
	return { editor, layers, origin: url.origin };
};
