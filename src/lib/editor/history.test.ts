import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, push, redo, undo } from './history';

describe('history', () => {
	it('undoes and redoes', () => {
		let h = createHistory(1);
		h = push(h, 2, 'a', 0);
		h = push(h, 3, 'b', 10);
		expect(h.present).toBe(3);
		h = undo(h);
		expect(h.present).toBe(2);
		h = undo(h);
		expect(h.present).toBe(1);
		expect(canUndo(h)).toBe(false);
		h = redo(h);
		expect(h.present).toBe(2);
		expect(canRedo(h)).toBe(true);
		h = push(h, 9, 'c', 20);
		expect(canRedo(h)).toBe(false);
	});
	it('coalesces typing in one field', () => {
		let h = createHistory('');
		h = push(h, 'a', 'f:name', 0);
		h = push(h, 'ab', 'f:name', 100);
		h = push(h, 'abc', 'f:name', 200);
		expect(h.past).toEqual(['']);
		h = push(h, 'abcd', 'f:name', 5000);
		expect(h.past).toEqual(['', 'abc']);
	});
});
