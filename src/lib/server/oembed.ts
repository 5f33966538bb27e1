/**
 * oEmbed (oembed.com) for Qantar's pages: a story URL (with a step's hash or a
 * /step/<id> path), a step embed or a composed view of THIS app answers a
 * `rich` response with the iframe code and the step's picture. Anything else
 * is "not found", never a guess.
 */
import { embedCode, EMBED_DEFAULT_HEIGHT } from '$lib/embed/embed-code';
import type { Story } from '$lib/schema/story';
import { langFromPath, prefix, type Lang } from '$lib/i18n/lang';

export interface OEmbedTarget {
	lang: Lang;
	stepId: string | null;
	/** path + query of the embed page */
	embedPath: string;
}

/** Which embed a URL of this app stands for, or null. */
export function resolveTarget(raw: string, appOrigin: string, stories: Record<Lang, Story>): OEmbedTarget | null {
	let u: URL;
	try {
		u = new URL(raw);
	} catch {
		return null;
	}
	if (u.origin !== appOrigin) return null;
	const lang = langFromPath(u.pathname);
	const p = prefix(lang);
	const rest = u.pathname.slice(p.length).replace(/\/$/, '') || '/';
	const m = rest.match(/^(?:\/|\/step\/([a-z0-9-]+)|\/embed\/step\/([a-z0-9-]+)|(\/embed\/view))$/);
	if (!m) return null;
	if (m[3]) return { lang, stepId: null, embedPath: `${p}/embed/view${u.search}` };
	const story = stories[lang];
	const id = m[1] ?? m[2] ?? (u.hash ? u.hash.slice(1) : story.steps[0]!.id);
	if (!story.steps.some((s) => s.id === id)) return null;
	return { lang, stepId: id, embedPath: `${p}/embed/step/${id}` };
}

export function oembedResponse(t: OEmbedTarget, origin: string, story: Story, maxwidth?: number, maxheight?: number) {
	const step = t.stepId ? story.steps.find((s) => s.id === t.stepId) : undefined;
	const title = step ? `${step.title} — ${story.title}` : story.title;
	let width = 700;
	let height = EMBED_DEFAULT_HEIGHT;
	if (maxwidth && maxwidth < width) width = maxwidth;
	if (maxheight && maxheight < height) height = maxheight;
	const thumb = step ? { thumbnail_url: `${origin}/snapshots/${t.lang}/${step.id}-small.png`, thumbnail_width: 600, thumbnail_height: 315 } : {};
	if (step && maxwidth && maxwidth < 600) Object.assign(thumb, { thumbnail_width: maxwidth, thumbnail_height: Math.round((maxwidth * 315) / 600) });
	return {
		version: '1.0',
		type: 'rich',
		provider_name: 'Qantar',
		provider_url: `${origin}/`,
		author_name: 'Qantar',
		author_url: `${origin}${t.lang === 'en' ? '/en' : '/'}`,
		title,
		width,
		height,
		html: embedCode({ src: `${origin}${t.embedPath}`, title, height, width: maxwidth ? width : undefined, origin }),
		cache_age: 3600,
		...thumb
	};
}
