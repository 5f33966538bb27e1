/**
 * The address follows the page's state, for the story (the step in the hash)
 * and explore (the view in the query): an effect that rewrites it in place
 * with the plain history API (replaceState, so no history entry per change,
 * keeping SvelteKit's history.state). SvelteKit's shallow routing is for page
 * state, not for an address the reader copies.
 */

export interface AddressWindow {
	location: Pick<Location, 'pathname' | 'search' | 'hash'>;
	history: Pick<History, 'state' | 'replaceState'>;
}

/**
 * Call while a component (or an $effect.root) is being set up. `wanted` reads the
 * state and the current address and returns the URL to put in its place, or null
 * when the address is already right.
 */
export function followInAddress(wanted: (location: AddressWindow['location']) => string | null, win?: AddressWindow): void {
	$effect(() => {
		// effects run in the browser only: the window is read there, never on the server
		const { location, history } = win ?? window;
		const url = wanted(location);
		if (url !== null) history.replaceState(history.state, '', url);
	});
}
