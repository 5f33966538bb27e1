// The three periods and the story's dates, without zod: reader pages list them (the badges' legend), and a value
// imported from a schema module would bring zod (25 KB gzip) to every reader.
/**
 * What a fact rests on, for readers: `dispatch`, the AFP dispatch of
 * 10 January 2022 said it; `reported`, other reporting said it by 10 January;
 * `later`, it was learned afterwards.
 */
export const PERIODS = ['dispatch', 'reported', 'later'] as const;
export type Period = (typeof PERIODS)[number];

/** The story period: dates outside it are flagged unless marked otherwise. */
export const STORY_PERIOD = { start: '2022-01-01', end: '2022-01-31' } as const;
