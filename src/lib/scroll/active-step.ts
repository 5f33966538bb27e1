/**
 * Which step is active, from the steps' positions alone: the last step whose
 * top has crossed the trigger line. Computed from scratch on every scroll
 * frame, so fast scrolls in either direction never skip or reorder steps
 * (no enter/exit events to lose). Pure, unit-tested.
 */
export function activeStep(tops: readonly number[], bottoms: readonly number[], triggerY: number): { index: number; progress: number } {
	let index = 0;
	for (let i = 0; i < tops.length; i++) if (tops[i]! <= triggerY) index = i;
	const top = tops[index] ?? 0;
	const height = Math.max(1, (bottoms[index] ?? top + 1) - top);
	const progress = Math.min(1, Math.max(0, (triggerY - top) / height));
	return { index, progress };
}
