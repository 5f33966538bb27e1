/**
 * Sign-in for editors (a form action, so it works without JavaScript). Refuses
 * to show a form when no editor is configured, and says how to add one.
 */
import type { Actions, PageServerLoad } from './$types';
import { error, fail, redirect } from '@sveltejs/kit';
import { loadEditors } from '$lib/server/editor/editors';
import { createSession, currentEditor, destroySession, SESSION_COOKIE, setSessionCookie } from '$lib/server/editor/sessions';
import { signIn } from '$lib/server/editor/sign-in';

export const load: PageServerLoad = async ({ cookies, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const editors = await loadEditors();
	if (!editors.ok) error(503, editors.message);
	if (await currentEditor(cookies)) redirect(303, '/edit');
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			// not a form body (text/plain, JSON, garbage): a client error, never a 500
			return fail(415, { name: '', message: 'Send the sign-in form: a body of type application/x-www-form-urlencoded or multipart/form-data.' });
		}
		const name = String(form.get('name') ?? '').slice(0, 100);
		const password = String(form.get('password') ?? '');
		const result = await signIn(name, password, getClientAddress());
		if (!result.ok) {
			if (result.retryAfter) setHeaders({ 'retry-after': String(result.retryAfter) });
			return fail(result.status, { name, message: result.message });
		}
		// signing in again ends the session this browser had: one browser, one session
		destroySession(cookies.get(SESSION_COOKIE));
		const session = createSession(result.name, result.credential);
		setSessionCookie(cookies, url, session.token, session.expires);
		redirect(303, '/edit');
	}
};
