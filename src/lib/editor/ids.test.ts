import { describe, expect, it } from 'vitest';
import { slugify, uniqueId } from './ids';

describe('ids', () => {
	it('makes kebab-case ids', () => {
		expect(slugify('Almaty Akimat (City Hall)')).toBe('almaty-akimat-city-hall');
		expect(slugify('Zhanaözen')).toBe('zhanaozen');
		expect(slugify('<img src=x onerror=alert(1)>')).toBe('img-src-x-onerror-alert-1');
		expect(slugify('Алматы')).toBe('feature');
	});
	it('never reuses a taken id', () => {
		expect(uniqueId('Aktau', new Set(['aktau', 'aktau-2']))).toBe('aktau-3');
		expect(uniqueId('Zhanaozen', new Set())).toBe('zhanaozen');
	});
});
