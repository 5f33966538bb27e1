/**
 * A StorySession made readable by Svelte: reading `.session` in a template,
 * a $derived or an $effect makes it run again when the session changes. The
 * session stays a plain class; this is the only Svelte in it.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { StorySession } from './story-session';

export class LiveStory {
	readonly #session: StorySession;
	readonly #track: () => void;

	constructor(session: StorySession) {
		this.#session = session;
		this.#track = createSubscriber((update) => session.subscribe(update));
	}

	get session(): StorySession {
		this.#track();
		return this.#session;
	}
}
