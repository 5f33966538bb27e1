/**
 * The reader's "Map animations" switch: by default it follows the system's
 * reduce-motion setting; once the reader flips it, their choice holds and is
 * remembered in the browser (localStorage) for their next visit.
 */

export type MotionChoice = 'auto' | 'full' | 'reduced';

const KEY = 'qantar-motion';

export class MotionSetting {
	choice: MotionChoice = $state('auto');
	readonly #prefers: { readonly current: boolean };
	readonly #storage: Pick<Storage, 'getItem' | 'setItem'>;

	/**
	 * `prefers`: the system's setting (svelte/motion's prefersReducedMotion on the page);
	 * `storage`: where the choice is kept (the browser's localStorage, reached only when used, so never on the server).
	 */
	constructor(
		prefers: { readonly current: boolean },
		storage: Pick<Storage, 'getItem' | 'setItem'> = { getItem: (k) => localStorage.getItem(k), setItem: (k, v) => localStorage.setItem(k, v) }
	) {
		this.#prefers = prefers;
		this.#storage = storage;
	}

	/** whether the map cuts and cross-fades instead of flying */
	get reduced(): boolean {
		return this.choice === 'auto' ? this.#prefers.current : this.choice === 'reduced';
	}

	/** takes the choice the reader made on an earlier visit (in the browser only: call it once mounted) */
	restore(): void {
		const saved = this.#storage.getItem(KEY);
		if (saved === 'full' || saved === 'reduced') this.choice = saved;
	}

	/** the switch: the other of what the map does now, remembered */
	toggle(): void {
		this.choice = this.reduced ? 'full' : 'reduced';
		this.#storage.setItem(KEY, this.choice);
	}
}
