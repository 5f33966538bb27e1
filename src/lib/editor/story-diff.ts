/**
 * What changed between two versions of the story document, in words an editor
 * reads before publishing: steps added, removed or moved, each changed field
 * of a step (its text per language), the story's own texts, figures and
 * sources. Pure.
 */
import type { StoryDoc } from './story-api-client';
import type { Lang } from '$lib/i18n/lang';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const LANGS: Lang[] = ['fr', 'en'];

function changedKeys(a: Record<string, unknown> = {}, b: Record<string, unknown> = {}): string[] {
	return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !same(a[k], b[k]));
}

export function storyChanges(before: StoryDoc, after: StoryDoc): string[] {
	const out: string[] = [];
	const ids = (d: StoryDoc) => d.steps.steps.map((s) => s.id);
	const was = ids(before);
	const now = ids(after);
	for (const id of now) if (!was.includes(id)) out.push(`step "${id}" added (position ${now.indexOf(id) + 1})`);
	for (const id of was) if (!now.includes(id)) out.push(`step "${id}" removed`);
	const kept = now.filter((id) => was.includes(id));
	if (
		!same(
			kept,
			was.filter((id) => now.includes(id))
		)
	)
		out.push(`steps reordered: ${kept.join(', ')}`);

	for (const id of kept) {
		const a = before.steps.steps.find((s) => s.id === id) as unknown as Record<string, unknown>;
		const b = after.steps.steps.find((s) => s.id === id) as unknown as Record<string, unknown>;
		for (const k of changedKeys(a, b)) out.push(`step "${id}" › ${k}`);
		for (const lang of LANGS) {
			const ta = before.text[lang].steps[id] as unknown as Record<string, unknown> | undefined;
			const tb = after.text[lang].steps[id] as unknown as Record<string, unknown> | undefined;
			for (const k of changedKeys(ta, tb)) out.push(`step "${id}" › ${k} (${lang})`);
		}
	}
	for (const lang of LANGS) {
		const { steps: _a, ...ra } = before.text[lang] as unknown as Record<string, unknown>;
		const { steps: _b, ...rb } = after.text[lang] as unknown as Record<string, unknown>;
		for (const k of changedKeys(ra, rb)) out.push(`story › ${k} (${lang})`);
	}
	for (const k of ['dispatch', 'method'] as const) if (!same(before.steps[k], after.steps[k])) out.push(`story › ${k} sources`);
	if (!same(before.figures, after.figures)) out.push('figures');
	const srcA = new Map(before.sources.sources.map((s) => [s.id, s]));
	const srcB = new Map(after.sources.sources.map((s) => [s.id, s]));
	for (const [id, s] of srcB) {
		if (!srcA.has(id)) out.push(`source "${id}" added`);
		else if (!same(srcA.get(id), s)) out.push(`source "${id}" changed`);
	}
	for (const id of srcA.keys()) if (!srcB.has(id)) out.push(`source "${id}" removed`);
	return out;
}
