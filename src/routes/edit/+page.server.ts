/** The editor (placeholder until the map editor lands): signed-in editors only. */
import type { PageServerLoad } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { STORY_LAYERS } from '$lib/geo/layers';
import { loadEditors } from '$lib/server/editor/editors';
import { currentEditor } from '$lib/server/editor/sessions';

export const load: PageServerLoad = async ({ cookies, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const editors = await loadEditors();
	if (!editors.ok) error(503, editors.message);
	const editor = await currentEditor(cookies);
	if (!editor) redirect(303, '/edit/login');
	return { editor, layers: STORY_LAYERS.map((l) => ({ id: l.id, file: l.file, name: l.name.en })) };
};
