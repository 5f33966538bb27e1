/**
 * Editor sessions: a random 32-byte token in an httpOnly, SameSite=Strict
 * cookie; the server keeps only the token's SHA-256 with the editor's name,
 * the version of the credential it was opened with and an expiry (in memory: a
 * restart signs everybody out). A session ends when it expires, on sign-out,
 * when the same browser signs in again, and for good when its editor's
 * credential changes: a new password, or the editor removed from the editors
 * file (adding the name again later gives a new credential, not the old
 * sessions back).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { loadEditors } from './editors';

export const SESSION_COOKIE = 'qantar_session';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

interface Session {
	name: string;
	/** credentialOf(the editor's hash) when the session was opened */
	credential: string;
	expires: number;
}

/**
 * The version of an editor's credential: a digest of its stored scrypt hash,
 * which changes whenever a password is set (a new salt each time).
 */
export const credentialOf = (hash: string): string => createHash('sha256').update(hash).digest('base64url');

const sessions = new Map<string, Session>();
const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

function prune(now: number) {
	for (const [key, s] of sessions) if (s.expires <= now) sessions.delete(key);
}

export function createSession(name: string, credential: string, now = Date.now()): { token: string; expires: number } {
	prune(now);
	const token = randomBytes(32).toString('base64url');
	const expires = now + SESSION_TTL_MS;
	sessions.set(digest(token), { name, credential, expires });
	return { token, expires };
}

/**
 * The editor's name for a token, or null when it is unknown, expired, or was
 * opened with another credential than `hashes` holds now for its editor (then
 * it is forgotten, so it can never come back).
 */
export function sessionEditor(token: string | undefined, hashes: ReadonlyMap<string, string>, now = Date.now()): string | null {
	if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
	const key = digest(token);
	const s = sessions.get(key);
	if (!s) return null;
	const hash = hashes.get(s.name);
	if (s.expires <= now || hash === undefined || credentialOf(hash) !== s.credential) {
		sessions.delete(key);
		return null;
	}
	return s.name;
}

export function destroySession(token: string | undefined): void {
	if (token) sessions.delete(digest(token));
}

/** The signed-in editor of a request, if the session is valid and the editor still configured. */
export async function currentEditor(cookies: Cookies): Promise<string | null> {
	const token = cookies.get(SESSION_COOKIE);
	if (!token) return null;
	const editors = await loadEditors();
	return sessionEditor(token, editors.ok ? editors.hashes : new Map());
}

export function sessionCookieOptions(url: URL, expires?: number) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'strict' as const,
		secure: url.protocol === 'https:',
		...(expires ? { expires: new Date(expires) } : {})
	};
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expires: number) {
	cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url, expires));
}

export function clearSessionCookie(cookies: Cookies, url: URL) {
	destroySession(cookies.get(SESSION_COOKIE));
	cookies.delete(SESSION_COOKIE, sessionCookieOptions(url));
}
