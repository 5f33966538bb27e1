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
