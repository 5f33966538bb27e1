import { describe, expect, it } from 'vitest';
import { pageCacheKey } from './page-cache-key.js';

describe('pageCacheKey', () => {
	it.each([
		// the story reads no query parameter on the server
		['/', '/'],
		['/?test', '/'],
		['/en?utm_source=x&a=b', '/en'],
		['/step/akimat?anything=1', '/step/akimat'],
		['/en/step/toll', '/en/step/toll'],
		// step embeds: the options they read, first value, in one order; the host's parameters ignored
		['/embed/step/akimat', '/embed/step/akimat'],
		['/embed/step/akimat?childId=x&initialWidth=600&parentTitle=t&parentUrl=u', '/embed/step/akimat'],
		['/en/embed/step/toll?card=1&caption=0', '/en/embed/step/toll?caption=0&card=1'],
		['/embed/step/toll?theme=dark&theme=light', '/embed/step/toll?theme=dark'],
		['/embed/step/toll?theme=a%26b', '/embed/step/toll?theme=a%26b'],
		// a parameter the embed refuses (400): not kept
		['/embed/step/toll?zoom=3', null],
		// not reader pages
		['/explore', null],
		['/embed', null],
		['/embed/view?center=1,2&zoom=3&layers=kazakhstan', null],
		['/edit/login', null],
		['/api/layers/protest-cities', null],
		['/geo/kazakhstan.geojson', null],
		['/step/akimat/extra', null]
	])('%s → %s', (url, key) => {
		expect(pageCacheKey(url)).toBe(key);
	});
});
