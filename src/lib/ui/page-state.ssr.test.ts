// The pages are rendered on the server too, where there is no window, storage or media query:
// the page state must be created there without touching them (they are read once in the browser).
// This file runs in the server runtime, as SvelteKit's SSR does.
import { describe, expect, it } from 'vitest';
import { StorySteps } from '$lib/story/story-steps.svelte';
import { MotionSetting } from './motion-setting.svelte';
import { TimelinePlayer } from '$lib/explore/timeline-player.svelte';

describe('page state on the server', () => {
	it('is created without a window', () => {
		expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
		const steps = new StorySteps({ ids: () => ['a', 'b'], initialStep: () => 'b', scrollTo: () => {}, smooth: () => true });
		expect(steps.index).toBe(0);
		const motion = new MotionSetting({ current: false });
		expect(motion.reduced).toBe(false);
		const player = new TimelinePlayer({ day: { get: () => '2022-01-10', set: () => {} }, reduced: () => false });
		expect(player.playing).toBe(false);
	});
});
