// Medians and ranges for the benchmark scripts (bench.js, bench-editor.js): a
// run that measured nothing (NaN) is left out of the figures.

export const median = (xs) => {
	const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	if (!s.length) return NaN;
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** median, min and max over the runs, and the runs themselves */
export const stat = (xs) => {
	const ok = xs.filter((x) => Number.isFinite(x));
	return { median: median(ok), min: ok.length ? Math.min(...ok) : NaN, max: ok.length ? Math.max(...ok) : NaN, runs: xs };
};

/** A small seeded generator of numbers in [0, 1) (mulberry32): the same draws, bench after bench. */
export function seededRandom(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * How far the ratio of two medians (a page's runs over its floor's) could move
 * with other runs of the same pages: a percentile bootstrap over the runs, drawn
 * in pairs (run i of the page with run i of its floor, as they were measured).
 * Returns the `level` interval (e.g. 0.9: 5th to 95th percentile) of
 * median(a) / median(b) over `resamples` draws.
 * @param {number[]} a
 * @param {number[]} b
 */
export function ratioInterval(a, b, { level = 0.9, resamples = 2000, seed = 1 } = {}) {
	const pairs = a.map((x, i) => [x, b[i]]).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
	if (!pairs.length) return { low: NaN, high: NaN };
	const rand = seededRandom(seed);
	const ratios = [];
	for (let r = 0; r < resamples; r++) {
		const draw = Array.from({ length: pairs.length }, () => pairs[Math.floor(rand() * pairs.length)]);
		ratios.push(median(draw.map((p) => p[0])) / median(draw.map((p) => p[1])));
	}
	ratios.sort((x, y) => x - y);
	const at = (q) => ratios[Math.min(ratios.length - 1, Math.max(0, Math.round(q * (ratios.length - 1))))];
	return { low: at((1 - level) / 2), high: at(1 - (1 - level) / 2) };
}
