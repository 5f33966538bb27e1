/**
 * What a layer may hold, so that checking it stays linear and bounded: how many
 * features, how deeply its JSON nests, how many problems are listed before the
 * check stops. A save over a limit is refused with the limit and where it was
 * crossed; nothing is saved. Pure, browser-safe.
 */
import type { LayerProblem } from './validate-layer';

/** ten times the largest layer of the story; a legitimate save of 10–12k points fits */
export const MAX_FEATURES = 20_000;
/** GeoJSON needs at most 9 levels (a MultiPolygon's position); a GeometryCollection a few more */
export const MAX_DEPTH = 32;
/** beyond this the check stops: an editor fixes the first ones and saves again */
export const MAX_PROBLEMS = 100;

export interface TextPosition {
	offset: number;
	line: number;
	column: number;
}

/** Where the JSON text first nests deeper than `max` arrays and objects (strings skipped), or null. One pass. */
export function tooDeepAt(text: string, max = MAX_DEPTH): TextPosition | null {
	let depth = 0;
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 34) {
			// a string: skip to its closing quote, past escapes
			for (i++; i < text.length; i++) {
				const s = text.charCodeAt(i);
				if (s === 92) i++;
				else if (s === 34) break;
			}
		} else if (c === 91 || c === 123) {
			if (++depth > max) return { offset: i, line, column: i - lineStart + 1 };
		} else if (c === 93 || c === 125) depth--;
		else if (c === 10) {
			line++;
			lineStart = i + 1;
		}
	}
	return null;
}

/** The problem of a text nested too deeply, or null. */
export function depthProblem(text: string, file: string): LayerProblem | null {
	const at = tooDeepAt(text);
	if (!at) return null;
	return {
		file,
		message: `nests arrays and objects more than ${MAX_DEPTH} levels deep (line ${at.line}, column ${at.column}): a GeoJSON layer needs far fewer`
	};
}

/** Problems, listed up to MAX_PROBLEMS; then `full` tells the check to stop, and the list says it stopped. */
export class ProblemList {
	readonly items: LayerProblem[] = [];
	private stopped = false;

	constructor(
		private readonly file: string,
		private readonly max = MAX_PROBLEMS
	) {}

	get full(): boolean {
		return this.stopped;
	}

	add(...problems: LayerProblem[]): void {
		for (const p of problems) {
			if (this.stopped) return;
			if (this.items.length === this.max) {
				this.stopped = true;
				this.items.push({ file: this.file, message: `the check stopped after ${this.max} problems: fix these and save again to see any others` });
				return;
			}
			this.items.push(p);
		}
	}
}
