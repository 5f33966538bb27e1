// The two devices `npm run bench` measures every page and floor on, and the
// Lighthouse-style figures read from a load's long tasks.
//   desktop: 1280×800 (embed 700×640), the machine's own CPU and loopback network.
//   phone:   375×740 (embed 375×460, a full-width frame in an article), device pixel
//            ratio 2, touch; CPU slowed 4× and Lighthouse's "slow 4G" (150 ms round
//            trip, 1.6 Mbps down, 750 Kbps up), both through the DevTools protocol.

const KBPS = 1024 / 8; // bytes per second in one Kbps, as DevTools and Lighthouse count

/** @typedef {{ width: number, height: number }} Size */
/**
 * @typedef {{
 *   name: 'desktop' | 'phone',
 *   story: Size, embed: Size,
 *   context: { deviceScaleFactor?: number, isMobile?: boolean, hasTouch?: boolean },
 *   cpuSlowdown: number,
 *   network: null | { latency: number, downloadThroughput: number, uploadThroughput: number }
 * }} Profile
 */

/** @type {Record<'desktop' | 'phone', Profile>} */
export const PROFILES = {
	desktop: {
		name: 'desktop',
		story: { width: 1280, height: 800 },
		embed: { width: 700, height: 640 },
		context: {},
		cpuSlowdown: 1,
		network: null
	},
	phone: {
		name: 'phone',
		story: { width: 375, height: 740 },
		embed: { width: 375, height: 460 },
		context: { deviceScaleFactor: 2, isMobile: true, hasTouch: true },
		cpuSlowdown: 4,
		network: { latency: 150, downloadThroughput: 1.6 * 1024 * KBPS, uploadThroughput: 750 * KBPS }
	}
};

/**
 * Slows the page's CPU and network as the profile says (no-op on the desktop profile).
 * Call before the navigation measured: DevTools keeps both across navigations of the page.
 * @param {import('@playwright/test').CDPSession} cdp @param {Profile} profile
 */
export async function applyProfile(cdp, profile) {
	if (profile.cpuSlowdown !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
	if (profile.network) {
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
	}
}

/**
 * Lighthouse's Total Blocking Time over [from, to]: for every long task, the part of it inside
 * the window beyond 50 ms. Tasks are [startTime, duration] in ms.
 * @param {[number, number][]} tasks @param {number} from @param {number} to
 */
export function blockingTime(tasks, from, to) {
	let sum = 0;
	for (const [start, duration] of tasks) {
		const inside = Math.min(start + duration, to) - Math.max(start, from);
		if (inside > 50) sum += inside - 50;
	}
	return sum;
}

/**
 * Long tasks that start in [from, to]: how many, and their summed duration.
 * @param {[number, number][]} tasks @param {number} from @param {number} to
 */
export function longTasksIn(tasks, from, to) {
	const l = tasks.filter(([s]) => s >= from && s <= to);
	return { count: l.length, ms: l.reduce((x, [, d]) => x + d, 0) };
}
