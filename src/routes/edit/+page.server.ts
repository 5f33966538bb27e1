/** The editor: signed-in editors only. Hands the page the layers, the ids that must never be reused and the source registry's ids. */
import type { PageServerLoad } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { STORY_LAYERS } from '$lib/geo/layers';
import { dataDir } from '$lib/server/layer-store';
import { loadEditors } from '$lib/server/editor/editors';
import { ensureRepository, removedIds } from '$lib/server/editor/git-history';
import { currentEditor } from '$lib/server/editor/sessions';
import { loadSources } from '$lib/server/sources-loader';

export const load: PageServerLoad = async ({ cookies, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const editors = await loadEditors();
	if (!editors.ok) error(503, editors.message);
	const editor = await currentEditor(cookies);
	if (!editor) redirect(303, '/edit/login');
	let retiredIds: string[] = [];
	try {
		await ensureRepository(dataDir());
		retiredIds = [...(await removedIds(dataDir()))];
	} catch {
		/* no history yet (or git unavailable): the server still refuses reused ids on save */
	}
	return {
		editor,
		retiredIds,
		/** the registry a feature cites from: id and how readers see it */
		sources: [...loadSources().values()].map((s) => ({ id: s.id, label: `${s.publisher}${s.date ? `, ${s.date}` : ''}: ${s.title}` })),
		layers: STORY_LAYERS.map((l) => ({ id: l.id, file: l.file, name: l.name.en, shape: l.shape, color: l.color }))
	};
};
