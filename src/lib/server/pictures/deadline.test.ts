import { describe, expect, it, vi } from 'vitest';
import { withDeadline } from './deadline';

describe('withDeadline', () => {
	it('gives the work’s result when it settles in time, and never calls expired', async () => {
		const expired = vi.fn();
		await expect(withDeadline(Promise.resolve(7), 1000, expired)).resolves.toBe(7);
		await expect(withDeadline(Promise.reject(new Error('page closed')), 1000, expired)).rejects.toThrow('page closed');
		expect(expired).not.toHaveBeenCalled();
	});

	it('rejects, saying how long it waited, and calls expired when the work hangs', async () => {
		vi.useFakeTimers();
		try {
			const expired = vi.fn();
			const result = withDeadline(new Promise(() => {}), 60_000, expired);
			const seen = expect(result).rejects.toThrow('did not finish within 60 s');
			await vi.advanceTimersByTimeAsync(59_999);
			expect(expired).not.toHaveBeenCalled();
			await vi.advanceTimersByTimeAsync(1);
			await seen;
			expect(expired).toHaveBeenCalledOnce();
		} finally {
			vi.useRealTimers();
		}
	});
});
