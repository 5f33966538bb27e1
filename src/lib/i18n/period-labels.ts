/** The three periods' badges (see PERIODS in the feature schema), apart from the other strings: every reader page shows them. */
import type { Lang } from './lang';
import type { Period } from '$lib/schema/feature';

export const PERIOD_LABELS: Record<Lang, Record<Period, string>> = {
	fr: { dispatch: 'Dépêche AFP du 10\u00a0janvier', reported: 'Autres sources, au 10\u00a0janvier', later: 'Appris depuis' },
	en: { dispatch: 'AFP dispatch, 10 January', reported: 'Other reports by 10 January', later: 'Learned later' }
};
