/**
 * The story's keys: which step a key press asks for. Pure; the page calls it
 * from its keydown handler and moves there.
 */

const NEXT = ['ArrowDown', 'ArrowRight', 'PageDown'];
const PREVIOUS = ['ArrowUp', 'ArrowLeft', 'PageUp'];

export interface StepKey {
	key: string;
	altKey: boolean;
	ctrlKey: boolean;
	metaKey: boolean;
	defaultPrevented: boolean;
	/** the press is in a form field, an editable area or a focused summary, where arrows have their own job */
	inField: boolean;
}

/** The step index to go to from `index` (of steps 0..last), or undefined when the key is not the story's. */
export function stepForKey(e: StepKey, index: number, last: number): number | undefined {
	if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return undefined;
	if (e.inField && e.key.startsWith('Arrow')) return undefined;
	if (NEXT.includes(e.key)) return index < last ? index + 1 : undefined;
	if (PREVIOUS.includes(e.key)) return index > 0 ? index - 1 : undefined;
	if (e.key === 'Home') return 0;
	if (e.key === 'End') return last;
	return undefined;
}

/** Where arrows belong to the element, not the story. */
export const FIELD_SELECTOR = 'input, textarea, select, [contenteditable], details > summary:focus';
