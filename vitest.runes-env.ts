// A Vitest environment for page state in *.svelte.ts: Node's globals, but modules
// compiled and resolved as for the browser, so runes run on Svelte's client
// runtime ($effect, flushSync). What the state touches of the browser (history,
// timers, media queries, storage) the tests hand in as fakes.
import type { Environment } from 'vitest/environments';

export default {
	name: 'runes',
	viteEnvironment: 'client',
	setup: () => ({ teardown: () => {} })
} satisfies Environment;
