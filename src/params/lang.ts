/** The language segment of an address: only "en" is written (French, the default, has no prefix). */
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string): param is 'en' => param === 'en') satisfies ParamMatcher;
