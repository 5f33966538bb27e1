/**
 * An EditSession made readable by Svelte: reading `.session` in a template,
 * a $derived or an $effect makes it run again when the session changes (it
 * subscribes while something reads it, and stops when nothing does). The
 * session stays a plain class; this is the only Svelte in it.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { EditSession } from './edit-session';

export class LiveSession {
	readonly #session: EditSession;
	readonly #track: () => void;

	constructor(session: EditSession) {
		this.#session = session;
		this.#track = createSubscriber((update) => session.subscribe(update));
	}

	get session(): EditSession {
		this.#track();
		return this.#session;
	}
}
