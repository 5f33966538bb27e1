/**
 * Editor sessions, valid on every instance of the server: the cookie holds the
 * editor's name, the version of the credential the session was opened with,
 * an expiry and a random id, signed with HMAC-SHA-256 under the session secret
 * (QANTAR_SESSION_SECRET, shared by the instances; without it each process
 * makes its own, and a restart signs everybody out). The cookie is httpOnly
 * and SameSite=Strict. A session ends when it expires; for good when its
 * editor's credential changes (a new password, or the editor removed from the
 * editors file: adding the name again later gives a new credential, not the
 * old sessions back), on every instance, since each checks the credential
 * against the editors file on every request; and, on the instance that sees
 * it, on sign-out or when the same browser signs in again (that instance
 * keeps the ids of ended sessions until they would have expired).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { loadEditors } from './editors';
import { sessionSecretProblem } from './credential-rules.js';

export const SESSION_COOKIE = 'qantar_session';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

interface Claims {
	/** the editor's name */
	n: string;
	/** credentialOf(the editor's hash) when the session was opened */
	c: string;
	/** expiry, ms since the epoch */
	e: number;
	/** a random id, to end this session alone */
	j: string;
}

/**
 * The version of an editor's credential: a digest of its stored scrypt hash,
 * which changes whenever a password is set (a new salt each time).
 */
export const credentialOf = (hash: string): string => createHash('sha256').update(hash).digest('base64url');

let processSecret: Buffer | undefined;

/** The signing key: QANTAR_SESSION_SECRET, or one made for this process (server/index.js refuses to start with a secret too short to be safe). */
export function sessionSecret(env: Record<string, string | undefined> = process.env): Buffer {
	const configured = env.QANTAR_SESSION_SECRET;
	if (configured) {
		const problem = sessionSecretProblem(configured);
		if (problem) throw new Error(problem);
		return Buffer.from(configured, 'utf8');
	}
	if (!processSecret) {
		if (env.QANTAR_DATA_REMOTE)
			console.warn('qantar: QANTAR_DATA_REMOTE is set but QANTAR_SESSION_SECRET is not: a sign-in on this instance will not be valid on the others');
		processSecret = randomBytes(32);
	}
	return processSecret;
}

const sign = (payload: string, secret: Buffer) => createHmac('sha256', secret).update(payload).digest();

/** ids of the sessions this process ended before their expiry (sign-out, a new sign-in), with that expiry */
const ended = new Map<string, number>();

function forgetExpired(now: number) {
	for (const [id, expires] of ended) if (expires <= now) ended.delete(id);
}

function readToken(token: string | undefined, secret: Buffer): Claims | null {
	if (!token || token.length > 1024) return null;
	const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
	if (!m) return null;
	const expected = sign(m[1]!, secret);
	const given = Buffer.from(m[2]!, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	try {
		const c = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) as Claims;
		return typeof c.n === 'string' && typeof c.c === 'string' && typeof c.e === 'number' && typeof c.j === 'string' ? c : null;
	} catch {
		return null;
	}
}

export function createSession(name: string, credential: string, now = Date.now(), secret = sessionSecret()): { token: string; expires: number } {
	const expires = now + SESSION_TTL_MS;
	const claims: Claims = { n: name, c: credential, e: expires, j: randomBytes(16).toString('base64url') };
	const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
	return { token: `${payload}.${sign(payload, secret).toString('base64url')}`, expires };
}

/**
 * The editor's name for a token, or null when it is forged, expired, ended
 * here, or was opened with another credential than `hashes` holds now for its
 * editor.
 */
export function sessionEditor(token: string | undefined, hashes: ReadonlyMap<string, string>, now = Date.now(), secret = sessionSecret()): string | null {
	const c = readToken(token, secret);
	if (!c || c.e <= now || ended.has(c.j)) return null;
	const hash = hashes.get(c.n);
	if (hash === undefined || credentialOf(hash) !== c.c) return null;
	return c.n;
}

/** Ends a session on this instance (sign-out, a new sign-in in the same browser). */
export function destroySession(token: string | undefined, now = Date.now(), secret = sessionSecret()): void {
	const c = readToken(token, secret);
	if (!c || c.e <= now) return;
	forgetExpired(now);
	ended.set(c.j, c.e);
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
