import { describe, expect, it } from 'vitest';
import { MotionSetting } from './motion-setting.svelte';

function memoryStorage(saved?: string) {
	const items = new Map<string, string>(saved ? [['qantar-motion', saved]] : []);
	return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}
/** the system setting, changeable like the media query */
function system(reduce: boolean) {
	let current = $state(reduce);
	return {
		get current() {
			return current;
		},
		set: (v: boolean) => (current = v)
	};
}

describe('MotionSetting', () => {
	it("follows the system's reduce-motion setting until the reader chooses, live", () => {
		const sys = system(false);
		const m = new MotionSetting(sys, memoryStorage());
		expect(m.reduced).toBe(false);
		sys.set(true);
		expect(m.reduced).toBe(true);
	});

	it('the switch turns animations back on under a reduce-motion system, and that choice holds and is remembered', () => {
		const sys = system(true);
		const storage = memoryStorage();
		const m = new MotionSetting(sys, storage);
		m.toggle();
		expect(m.reduced).toBe(false);
		sys.set(false);
		sys.set(true);
		expect(m.reduced).toBe(false);
		expect(storage.items.get('qantar-motion')).toBe('full');
		m.toggle();
		expect(m.reduced).toBe(true);
		expect(storage.items.get('qantar-motion')).toBe('reduced');
	});

	it('restores a choice from an earlier visit, and ignores anything else stored', () => {
		const a = new MotionSetting(system(false), memoryStorage('reduced'));
		a.restore();
		expect(a.reduced).toBe(true);
		const b = new MotionSetting(system(true), memoryStorage('sideways'));
		b.restore();
		expect(b.choice).toBe('auto');
		expect(b.reduced).toBe(true);
	});
});
