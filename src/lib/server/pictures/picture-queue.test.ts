import { describe, expect, it } from 'vitest';
import { PictureQueue, type QueueOptions } from './picture-queue';

/** a drawing that waits until the test lets it finish (or fail) */
function controlledRender() {
	const calls: { key: string; finish: () => void; fail: (e: Error) => void }[] = [];
	const render = (key: string) =>
		new Promise<void>((resolve, reject) => {
			calls.push({ key, finish: resolve, fail: reject });
		});
	return { calls, render };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(over: Partial<Omit<QueueOptions, 'wanted'>> & { wanted: Map<string, string> }) {
	const logs: string[] = [];
	const saved: Record<string, string>[] = [];
	const wanted = over.wanted;
	const q = new PictureQueue({
		baseline: (key) => ({ 'fr/a': 'a0', 'fr/b': 'b0', 'fr/c': 'c0' })[key],
		render: () => Promise.resolve(),
		save: async (r) => void saved.push(r),
		log: (m) => logs.push(m),
		retryDelay: () => 0,
		...over,
		wanted: () => wanted
	});
	return { q, logs, saved, wanted };
}

describe('the step pictures queue', () => {
	it('draws only the pictures whose fingerprint differs from the one served (the build’s, or the last drawn)', async () => {
		const drawn: string[] = [];
		const { q, saved } = setup({
			wanted: new Map([
				['fr/a', 'a0'],
				['fr/b', 'b1'],
				['fr/new', 'n1']
			]),
			render: async (key) => void drawn.push(key)
		});
		q.kick();
		await q.whenIdle();
		expect(drawn).toEqual(['fr/b', 'fr/new']);
		expect(saved.at(-1)).toEqual({ 'fr/b': 'b1', 'fr/new': 'n1' });
		expect(q.status()).toEqual({ pending: [], rendering: null, failed: [] });
		q.kick();
		await q.whenIdle();
		expect(drawn).toHaveLength(2); // nothing out of date: nothing drawn again
	});

	it('coalesces publishes that come while it draws: a step changed three times is drawn once more, as last published', async () => {
		const { calls, render } = controlledRender();
		const { q, wanted } = setup({ wanted: new Map([['fr/a', 'a1']]), render });
		q.kick();
		await tick();
		expect(calls.map((c) => c.key)).toEqual(['fr/a']);
		expect(q.status().rendering).toBe('fr/a');
		for (const fp of ['a2', 'a3', 'a4']) {
			wanted.set('fr/a', fp);
			q.kick();
		}
		wanted.set('fr/b', 'b1');
		q.kick();
		expect(q.status().pending).toEqual(['fr/a', 'fr/b']);
		calls[0]!.finish();
		await tick();
		// the drawing that was under way was for a1: a is drawn again, once, for a4
		expect(calls.map((c) => c.key)).toEqual(['fr/a', 'fr/a']);
		calls[1]!.finish();
		await tick();
		calls[2]!.finish();
		await q.whenIdle();
		expect(calls.map((c) => c.key)).toEqual(['fr/a', 'fr/a', 'fr/b']);
		expect(q.status().pending).toEqual([]);
	});

	it('tries a failed drawing again, at most maxAttempts times, then reports it failed until the step changes', async () => {
		let attempts = 0;
		const { q, logs, wanted, saved } = setup({
			wanted: new Map([['fr/a', 'a1']]),
			maxAttempts: 3,
			render: async () => {
				attempts++;
				throw new Error('Target page, context or browser has been closed');
			}
		});
		q.kick();
		for (let i = 0; i < 20 && attempts < 3; i++) await new Promise((r) => setTimeout(r, 5));
		await q.whenIdle();
		expect(attempts).toBe(3);
		expect(logs).toHaveLength(3);
		expect(logs[2]).toMatch(/step "a" \(fr\) could not be drawn \(attempt 3 of 3; the old one is still served\): Target page/);
		expect(q.status()).toEqual({
			pending: [],
			rendering: null,
			failed: [{ key: 'fr/a', error: 'Target page, context or browser has been closed', attempts: 3 }]
		});
		expect(saved).toEqual([]); // the manifest still says the old picture is served
		q.kick();
		await q.whenIdle();
		expect(attempts).toBe(3); // given up on for that version of the step
		wanted.set('fr/a', 'a2'); // the step changes again: tried again
		q.kick();
		await new Promise((r) => setTimeout(r, 5));
		expect(attempts).toBeGreaterThan(3);
	});

	it('waits the retry delay before trying again, and a success clears the failure', async () => {
		let now = 1_000;
		let fail = true;
		const drawn: number[] = [];
		const { q } = setup({
			wanted: new Map([['fr/a', 'a1']]),
			now: () => now,
			retryDelay: (n) => 10_000 * n,
			render: async () => {
				drawn.push(now);
				if (fail) throw new Error('timed out');
			}
		});
		q.kick();
		await q.whenIdle();
		expect(drawn).toEqual([1_000]);
		expect(q.status().pending).toEqual(['fr/a']); // still to draw, later
		now = 5_000;
		q.kick();
		await q.whenIdle();
		expect(drawn).toEqual([1_000]); // too early
		now = 11_000;
		fail = false;
		q.kick();
		await q.whenIdle();
		expect(drawn).toEqual([1_000, 11_000]);
		expect(q.status()).toEqual({ pending: [], rendering: null, failed: [] });
		q.stop();
	});

	it('starts from the manifest of a previous run: what was drawn is not drawn again', async () => {
		const drawn: string[] = [];
		const { q } = setup({
			wanted: new Map([
				['fr/a', 'a1'],
				['fr/b', 'b1']
			]),
			rendered: { 'fr/a': 'a1' },
			render: async (key) => void drawn.push(key)
		});
		q.kick();
		await q.whenIdle();
		expect(drawn).toEqual(['fr/b']);
	});
});
