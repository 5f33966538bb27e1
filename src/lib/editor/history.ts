/**
 * Undo/redo of an editing session: a stack of immutable states. Edits to the
 * same target in quick succession (typing in one field) coalesce into one step.
 */
export interface History<T> {
	past: T[];
	present: T;
	future: T[];
	/** what the last step edited and when, for coalescing */
	lastTag?: string;
	lastAt?: number;
}

export const createHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

/** Records a new state. With the same `tag` as the previous step within `windowMs`, replaces that step. */
export function push<T>(h: History<T>, next: T, tag?: string, now = Date.now(), windowMs = 1000, limit = 500): History<T> {
	if (tag !== undefined && tag === h.lastTag && h.lastAt !== undefined && now - h.lastAt < windowMs && h.past.length)
		return { past: h.past, present: next, future: [], lastTag: tag, lastAt: now };
	const past = [...h.past, h.present];
	if (past.length > limit) past.shift();
	return { past, present: next, future: [], lastTag: tag, lastAt: now };
}

export function undo<T>(h: History<T>): History<T> {
	if (!h.past.length) return h;
	return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1]!, future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
	if (!h.future.length) return h;
	return { past: [...h.past, h.present], present: h.future[0]!, future: h.future.slice(1) };
}

export const canUndo = <T>(h: History<T>) => h.past.length > 0;
export const canRedo = <T>(h: History<T>) => h.future.length > 0;
