/**
 * The timeline's play button: the day advances by one at a steady pace until
 * the last day of the timeline, where it stops; playing from the last day
 * starts again at the first. Slower with reduced motion, so each day can be read.
 */
import { TIMELINE, timelineDays } from './dates';

export const PLAY_STEP_MS = { full: 1000, reduced: 1400 } as const;

export interface PlayerOptions {
	/** the day shown, read and set by the player */
	day: { get(): string; set(day: string): void };
	/** whether the reader prefers reduced motion (read when play starts) */
	reduced: () => boolean;
	days?: readonly string[];
}

export class TimelinePlayer {
	playing = $state(false);
	readonly #o: PlayerOptions;
	readonly #days: readonly string[];
	#timer: ReturnType<typeof setInterval> | undefined;

	constructor(o: PlayerOptions) {
		this.#o = o;
		this.#days = o.days ?? timelineDays();
	}

	stop(): void {
		this.playing = false;
		clearInterval(this.#timer);
	}

	/** play, or pause when playing */
	toggle(): void {
		if (this.playing) return this.stop();
		const { day } = this.#o;
		const last = this.#days.at(-1) ?? TIMELINE.end;
		if (day.get() >= last) day.set(this.#days[0] ?? TIMELINE.start);
		this.playing = true;
		this.#timer = setInterval(
			() => {
				const i = this.#days.indexOf(day.get());
				if (i < 0 || i >= this.#days.length - 1) return this.stop();
				day.set(this.#days[i + 1]!);
				if (i + 1 === this.#days.length - 1) this.stop();
			},
			this.#o.reduced() ? PLAY_STEP_MS.reduced : PLAY_STEP_MS.full
		);
	}
}
