/**
 * The story editor's line about the step pictures after a publish: how many
 * steps' pictures are being redrawn, the ones that could not be (the old
 * picture still shown), or that they are up to date. Nothing when this server
 * does not redraw them. Pure.
 */
import type { PicturesStatus } from '$lib/api/story-api';

const stepsWord = (n: number) => `${n} ${n === 1 ? 'step' : 'steps'}`;

export function picturesNote(p: PicturesStatus | null): string {
	if (!p?.enabled) return '';
	const pending = new Set(p.pending.map((x) => x.id)).size;
	if (pending) return `Pictures of ${stepsWord(pending)} being redrawn…`;
	const failed = [...new Set(p.failed.map((f) => f.id))];
	if (failed.length)
		return `${failed.length === 1 ? `The picture of step “${failed[0]}”` : `The pictures of ${stepsWord(failed.length)} (${failed.join(', ')})`} could not be redrawn: the old ${failed.length === 1 ? 'one is' : 'ones are'} still shown (${p.failed[0]!.error})`;
	return 'Pictures up to date';
}

/** whether to ask again soon */
export const picturesPending = (p: PicturesStatus | null) => !!p?.enabled && p.pending.length > 0;
