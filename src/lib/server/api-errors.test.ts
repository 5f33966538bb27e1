import { describe, expect, it } from 'vitest';
import { apiErrorAsJson, isApiPath } from './api-errors';

const html = (status: number, headers: Record<string, string> = {}) =>
	new Response('<!doctype html><h1>Internal Error</h1>', { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });

describe('API errors are JSON', () => {
	it('turns SvelteKit’s HTML error page into the API’s { error, problems }, status kept, not cached', async () => {
		for (const [status, says] of [
			[500, 'The server failed to answer PUT /api/layers/x (500): the cause is in its log'],
			[404, 'No API endpoint at /api/layers/x: the API serves /api/layers/<layer>'],
			[413, 'PUT /api/layers/x was refused (413)']
		] as const) {
			const res = await apiErrorAsJson('PUT', '/api/layers/x', html(status));
			expect(res.status).toBe(status);
			expect(res.headers.get('content-type')).toBe('application/json');
			expect(res.headers.get('cache-control')).toBe('no-store');
			const body = await res.json();
			expect(body.error).toContain(says);
			expect(body.problems).toEqual([{ message: body.error }]);
		}
	});

	it('turns SvelteKit’s { message } answer (an exception, for a non-browser client) into the API’s shape', async () => {
		const res = await apiErrorAsJson('GET', '/api/layers/x/history', Response.json({ message: 'Internal Error' }, { status: 500 }));
		expect((await res.json()).error).toBe('The server failed to answer GET /api/layers/x/history (500): the cause is in its log');
	});

	it('keeps a 405’s Allow header', async () => {
		const res = await apiErrorAsJson('DELETE', '/api/layers/x', new Response('DELETE method not allowed', { status: 405, headers: { allow: 'GET, PUT' } }));
		expect(res.headers.get('allow')).toBe('GET, PUT');
		expect((await res.json()).error).toBe('DELETE is not allowed at /api/layers/x');
	});

	it('leaves the API’s own answers alone: successes and its refusals', async () => {
		const ok = Response.json({ type: 'FeatureCollection', features: [] });
		expect(await apiErrorAsJson('GET', '/api/layers/x', ok)).toBe(ok);
		const refusal = Response.json({ error: 'Sign in first', problems: [{ message: 'Sign in first' }] }, { status: 401 });
		expect(await apiErrorAsJson('PUT', '/api/layers/x', refusal)).toBe(refusal);
	});

	it('knows the API’s addresses', () => {
		expect(['/api', '/api/', '/api/layers/x'].every(isApiPath)).toBe(true);
		expect(['/apix', '/', '/edit/login', '/embed/api'].some(isApiPath)).toBe(false);
	});
});
