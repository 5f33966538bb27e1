/**
 * What an embed page gets: one step of the story, or a composed view. Made by
 * the server (src/lib/server/embed-page.ts), shown by EmbedPage.svelte: a type
 * shared by both, so that no client code imports from src/lib/server.
 */
import type { LoadedLayer } from '$lib/geo/loaded-layer';
import type { Lang } from '$lib/i18n/lang';
import type { EmbedOptions } from '$lib/schema/embed';
import type { Period } from '$lib/schema/feature';
import type { StepView } from '$lib/schema/story';
import type { Update } from '$lib/corrections/entry';
import type { Strings } from '$lib/i18n/strings';

export interface EmbedData {
	lang: Lang;
	/** the page's strings, in its language only (no strings in the embed's JavaScript) */
	t: Strings;
	layers: LoadedLayer[];
	step: StepView;
	title: string;
	caption: string;
	/** what the caption rests on (a step's first paragraph); none for a composed view */
	period?: Period;
	alt: string;
	/** the full story at this step (or at the start for a composed view) */
	storyHref: string;
	/** picture of the step, for no-JS / no-WebGL and og:image; null for composed views */
	snapshot: string | null;
	options: EmbedOptions;
	embedPath: string;
	/** absolute address of this embed page, for oEmbed discovery */
	pageUrl: string;
	/** the step's latest correction (corrections log), if any */
	update?: Update;
}
