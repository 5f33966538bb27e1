/** Sign-out: ends the session on the server, clears the cookie, back to the sign-in page. */
import type { RequestHandler } from './$types';
import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/editor/sessions';
import { errorResponse, ApiError, methodNotAllowed } from '$lib/server/editor/api-response';

export const POST: RequestHandler = ({ cookies, url, request }) => {
	if (request.headers.get('origin') !== url.origin) return errorResponse(new ApiError(403, 'Cross-origin sign-out refused'));
	clearSessionCookie(cookies, url);
	redirect(303, '/edit/login');
};

export const fallback: RequestHandler = ({ request }) => methodNotAllowed(request.method, ['POST']);
