import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { StorySteps, type StepsWindow } from './story-steps.svelte';

const IDS = ['overview', 'fuel-price', 'spread', 'akimat', 'toll'];

/** A window with an address and a history that behave like the browser's, listeners, frames run by hand, fonts loaded on demand. */
function fakeWindow(hash = '') {
	const entries = [`/${hash}`];
	let at = 0;
	const listeners = new Map<string, Set<() => void>>();
	const frames: (() => void)[] = [];
	let fontsLoaded!: () => void;
	const location = { pathname: '/', search: '', hash };
	const setHash = (url: string) => (location.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '');
	const win = {
		location,
		history: {
			state: null,
			pushState: (_: unknown, __: string, url?: string | URL | null) => {
				entries.splice(++at, entries.length, String(url));
				setHash(String(url));
			},
			replaceState: (_: unknown, __: string, url?: string | URL | null) => {
				entries[at] = String(url);
				setHash(String(url));
			}
		},
		addEventListener: (type: string, fn: () => void) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(fn),
		removeEventListener: (type: string, fn: () => void) => void listeners.get(type)?.delete(fn),
		requestAnimationFrame: (run: () => void) => frames.push(run),
		document: { fonts: { ready: new Promise<void>((r) => (fontsLoaded = r)) } },
		// test controls
		entries: () => [...entries],
		fire: (type: string) => [...(listeners.get(type) ?? [])].forEach((fn) => fn()),
		listening: (type: string) => listeners.get(type)?.size ?? 0,
		runFrames: () => frames.splice(0).forEach((f) => f()),
		loadFonts: () => fontsLoaded(),
		/** Back (-1) or Forward (1): that entry's address, then popstate and hashchange, as the browser does */
		go: (delta: number) => {
			at += delta;
			setHash(entries[at]!);
			win.fire('popstate');
			win.fire('hashchange');
		}
	};
	return win;
}

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

/** The story's steps on a fake page: `scrolls` records each scroll asked for (step, smooth). */
function setup(hash = '', o: { initialStep?: string | null; smooth?: boolean } = {}) {
	const win = fakeWindow(hash);
	const scrolls: [string, boolean][] = [];
	let steps!: StorySteps;
	cleanup.push(
		$effect.root(() => {
			steps = new StorySteps({
				ids: () => IDS,
				initialStep: () => o.initialStep ?? null,
				scrollTo: (i, smooth) => scrolls.push([IDS[i]!, smooth]),
				smooth: () => o.smooth ?? true,
				win: win as unknown as StepsWindow
			});
		})
	);
	return { win, steps, scrolls };
}
const key = (k: string, target: unknown = { closest: () => null }) => {
	const e = { key: k, altKey: false, ctrlKey: false, metaKey: false, defaultPrevented: false, target, preventDefault: () => (e.defaultPrevented = true) };
	return e;
};

describe('StorySteps', () => {
	it('opens on the step the hash names, at once, and again after layout and after the fonts', async () => {
		const { win, steps, scrolls } = setup('#akimat');
		cleanup.push(steps.start());
		expect(steps.index).toBe(3);
		expect(scrolls).toEqual([['akimat', false]]);
		win.runFrames();
		win.runFrames();
		expect(scrolls).toEqual([
			['akimat', false],
			['akimat', false]
		]);
		win.loadFonts();
		await Promise.resolve();
		expect(scrolls.length).toBe(3);
	});

	it('a /step/<id> address opens its step; once the reader has moved, the fonts arriving do not pull them back', async () => {
		const { win, steps, scrolls } = setup('', { initialStep: 'spread' });
		cleanup.push(steps.start());
		expect(steps.index).toBe(2);
		win.fire('wheel');
		win.loadFonts();
		await Promise.resolve();
		expect(scrolls).toEqual([['spread', false]]);
	});

	it('an unknown step in the address leaves the story at its start', () => {
		const { steps, scrolls } = setup('#nowhere');
		cleanup.push(steps.start());
		expect(steps.index).toBe(0);
		expect(scrolls).toEqual([]);
	});

	it('keys move step by step, each move a history entry with its hash; Back and Forward bring the step back at once', () => {
		const { win, steps, scrolls } = setup('', { smooth: true });
		cleanup.push(steps.start());
		flushSync();
		const down = key('ArrowDown');
		steps.onkey(down as never);
		expect(down.defaultPrevented).toBe(true);
		steps.onkey(key('End') as never);
		expect(steps.index).toBe(4);
		expect(scrolls).toEqual([
			['fuel-price', true],
			['toll', true]
		]);
		expect(win.entries()).toEqual(['#overview', '#fuel-price', '#toll']);
		win.go(-1);
		expect(steps.index).toBe(1);
		expect(scrolls.at(-1)).toEqual(['fuel-price', false]);
		win.go(1);
		expect(steps.index).toBe(4);
		expect(scrolls.at(-1)).toEqual(['toll', false]);
		expect(win.entries()).toEqual(['#overview', '#fuel-price', '#toll']);
	});

	it('with reduced motion, moves are not animated', () => {
		const { steps, scrolls } = setup('', { smooth: false });
		steps.go(2);
		expect(scrolls).toEqual([['spread', false]]);
	});

	it('leaves arrow keys in a form field, and keys it does not know, to the page', () => {
		const { steps, scrolls } = setup();
		const inField = key('ArrowDown', { closest: (sel: string) => (sel.includes('input') ? {} : null) });
		steps.onkey(inField as never);
		steps.onkey(key('x') as never);
		expect(inField.defaultPrevented).toBe(false);
		expect(scrolls).toEqual([]);
	});

	it('the hash follows the step scrolled to without adding history entries, once the page is mounted', () => {
		const { win, steps } = setup();
		steps.index = 2;
		flushSync();
		expect(win.entries()).toEqual(['/']); // not before mount: the opening must read the address first
		cleanup.push(steps.start());
		steps.index = 3;
		flushSync();
		expect(win.entries()).toEqual(['#akimat']);
	});

	it('stops following the address when the page goes', () => {
		const { win, steps } = setup();
		const stop = steps.start();
		expect(win.listening('popstate')).toBe(1);
		stop();
		expect(win.listening('popstate') + win.listening('hashchange') + win.listening('wheel')).toBe(0);
	});
});
