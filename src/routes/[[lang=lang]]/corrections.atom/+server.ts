/** The corrections log as an Atom 1.0 feed (RFC 4287), newest first, in the page language. */
import type { RequestHandler } from './$types';
import { Feed } from 'feed';
import { langOf, prefix } from '$lib/i18n/lang';
import { correctionViews } from '$lib/server/story/corrections-page';
import { changeSummary, CORRECTIONS_STRINGS } from '$lib/corrections/view';
import { published } from '$lib/server/story/published';

/**
 * The feed library marks titles and contents as HTML (type="html", in CDATA): a
 * note is text, so it is escaped (which also keeps "]]>" out of the CDATA).
 */
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const GET: RequestHandler = async ({ params, url }) => {
	const lang = langOf(params);
	const t = CORRECTIONS_STRINGS[lang];
	const { entries, storyTitle } = await correctionViews(lang);
	const page = `${url.origin}${prefix(lang)}/corrections`;
	const updated = entries[0]?.date ?? published().publishedAt ?? '2022-01-10T00:00:00Z';
	const feed = new Feed({
		id: page,
		title: `${storyTitle} — ${t.title}`,
		link: page,
		language: lang,
		updated: new Date(updated),
		feedLinks: { atom: `${url.origin}${prefix(lang)}/corrections.atom` },
		author: { name: 'Qantar', link: `${url.origin}${prefix(lang) || '/'}` },
		generator: false
	});
	for (const e of entries) {
		const summary = changeSummary(e, lang);
		feed.addItem({
			id: `${page}#${e.id}`,
			title: html(e.note || t.minor),
			link: e.steps.find((s) => s.href) ? `${url.origin}${e.steps.find((s) => s.href)!.href}` : `${page}#${e.id}`,
			date: new Date(e.date),
			published: new Date(e.date),
			content: [e.note, e.minor ? t.minor : '', summary]
				.filter(Boolean)
				.map((p) => `<p>${html(p)}</p>`)
				.join('')
		});
	}
	return new Response(feed.atom1(), {
		headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=60' }
	});
};
