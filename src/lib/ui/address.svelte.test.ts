import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { followInAddress, type AddressWindow } from './address.svelte';

/** A window whose address replaceState changes, as the browser's does; every call recorded. */
function fakeWindow(path = '/', search = '', hash = '') {
	const calls: string[] = [];
	const win: AddressWindow & { calls: string[] } = {
		calls,
		location: { pathname: path, search, hash },
		history: {
			state: { 'sveltekit:index': 3 },
			replaceState(state: unknown, _: string, url?: string | URL | null) {
				expect(state).toEqual({ 'sveltekit:index': 3 }); // SvelteKit's own state kept
				calls.push(String(url));
				const u = new URL(String(url), `http://x${win.location.pathname}${win.location.search}`);
				Object.assign(win.location, { pathname: u.pathname, search: u.search, hash: u.hash });
			}
		}
	};
	return win;
}

describe('followInAddress', () => {
	it('rewrites the address when the state changes, and only then', () => {
		const win = fakeWindow('/', '?test', '#overview');
		let step = $state('overview');
		const stop = $effect.root(() => followInAddress((loc) => (loc.hash !== `#${step}` ? `#${step}` : null), win));
		flushSync();
		expect(win.calls).toEqual([]);
		step = 'akimat';
		flushSync();
		expect(win.calls).toEqual(['#akimat']);
		expect(`${win.location.pathname}${win.location.search}${win.location.hash}`).toBe('/?test#akimat');
		step = 'akimat';
		flushSync();
		expect(win.calls).toEqual(['#akimat']);
		stop();
		step = 'toll';
		flushSync();
		expect(win.calls).toEqual(['#akimat']);
	});
});
