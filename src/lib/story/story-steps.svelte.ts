/**
 * Which step of the story the reader is on, and the ways to move: keys, the
 * progress marks, the address (a hash opens its step; Back and Forward bring
 * theirs; the hash follows the step read). The scroller reports the step
 * scrolled to by setting `index` (bind:index); moves made here ask the page to
 * scroll (`scrollTo`). Knows no map.
 */
import { followInAddress, type AddressWindow } from '$lib/ui/address.svelte';
import { stepForKey, FIELD_SELECTOR } from './step-keys';

export interface StepsWindow extends AddressWindow {
	history: Pick<History, 'state' | 'replaceState' | 'pushState'>;
	addEventListener: Window['addEventListener'];
	removeEventListener: Window['removeEventListener'];
	requestAnimationFrame: (run: () => void) => number;
	document: { fonts?: { ready: Promise<unknown> } };
}

export interface StoryStepsOptions {
	/** the steps' ids, in order */
	ids: () => readonly string[];
	/** the step a /step/<id> address opens at */
	initialStep: () => string | null;
	/** brings step i into place, smoothly or at once */
	scrollTo: (i: number, smooth: boolean) => void;
	/** whether the reader's moves are animated (the motion setting) */
	smooth: () => boolean;
	win?: StepsWindow;
}

/** what a reader does that means they have taken over from the opening */
const READER_INPUT = ['wheel', 'touchstart', 'keydown', 'pointerdown'];

export class StorySteps {
	/** the active step (bound to the scroller) */
	index = $state(0);
	#mounted = $state(false);
	readonly #o: StoryStepsOptions;

	/** Create while the page component is set up: the hash then follows the step scrolled to (replaced, not pushed). */
	constructor(o: StoryStepsOptions) {
		this.#o = o;
		followInAddress((loc) => {
			const hash = `#${this.#o.ids()[this.index]}`;
			return this.#mounted && loc.hash !== hash ? hash : null;
		}, o.win);
	}

	/** read when used, in the browser: the page is also rendered on the server, which has no window */
	get #win(): StepsWindow {
		return this.#o.win ?? window;
	}

	/** Moves to step i (the reader's move: a history entry, unless `push` is false). */
	go(i: number, push = true): void {
		const ids = this.#o.ids();
		const n = Math.max(0, Math.min(ids.length - 1, i));
		this.#o.scrollTo(n, this.#o.smooth());
		this.index = n;
		const hash = `#${ids[n]}`;
		const { location, history } = this.#win;
		if (location.hash !== hash) history[push ? 'pushState' : 'replaceState'](history.state, '', hash);
	}

	/** Keydown on the page: the story's keys move step by step (see step-keys). */
	onkey(e: KeyboardEvent): void {
		const target = e.target as Partial<Element> | null;
		const inField = !!target?.closest?.(FIELD_SELECTOR);
		const next = stepForKey(
			{ key: e.key, altKey: e.altKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, defaultPrevented: e.defaultPrevented, inField },
			this.index,
			this.#o.ids().length - 1
		);
		if (next === undefined) return;
		e.preventDefault();
		this.go(next);
	}

	/** Opens the step with this id at once (no animation, no history entry); an unknown id changes nothing. */
	openAt(wanted: string | null): void {
		const i = this.#o.ids().findIndex((id) => id === wanted);
		if (i < 0) return;
		this.#o.scrollTo(i, false);
		this.index = i;
	}

	/** Once the page is mounted: opens the step the address asks for, and follows Back, Forward and hash links. Returns the cleanup. */
	start(): () => void {
		const win = this.#win;
		const fromHash = () => this.openAt(win.location.hash ? win.location.hash.slice(1) : this.#o.initialStep());
		// the step the address asks for, read once before anything rewrites the hash
		const wanted = win.location.hash ? win.location.hash.slice(1) : this.#o.initialStep();
		this.openAt(wanted);
		// again once layout and the browser's own anchor jump have settled
		win.requestAnimationFrame(() => win.requestAnimationFrame(() => this.openAt(wanted)));
		// and once the web fonts are in (text reflows and moves the steps), unless the reader moved on
		let readerMoved = false;
		const moved = () => (readerMoved = true);
		for (const ev of READER_INPUT) win.addEventListener(ev, moved, { once: true, passive: true });
		if (wanted) win.document.fonts?.ready.then(() => !readerMoved && this.openAt(wanted));
		win.addEventListener('popstate', fromHash);
		win.addEventListener('hashchange', fromHash);
		this.#mounted = true;
		return () => {
			for (const ev of READER_INPUT) win.removeEventListener(ev, moved);
			win.removeEventListener('popstate', fromHash);
			win.removeEventListener('hashchange', fromHash);
		};
	}
}
