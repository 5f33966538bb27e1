/**
 * Checks a sign-in attempt: editors configured, not rate-limited (failures per
 * IP and per name in a 10-minute window), name and password right (scrypt,
 * compared in constant time). Says why it failed, never whether a name exists.
 */
import { loadEditors } from './editors';
import { FailureLimiter } from './rate-limit';
import { verifyPassword } from './password.js';
import { credentialOf } from './sessions';
import { MAX_PASSWORD } from './credential-rules.js';

const WINDOW_MS = 10 * 60 * 1000;
/** per name: a guessed password; per IP: wider, several editors may share an office address */
export const NAME_LIMIT = 5;
export const IP_LIMIT = 20;
const byName = new FailureLimiter(NAME_LIMIT, WINDOW_MS);
const byIp = new FailureLimiter(IP_LIMIT, WINDOW_MS);

export type SignInResult = { ok: true; name: string; credential: string } | { ok: false; status: 400 | 429 | 503; message: string; retryAfter?: number };

export async function signIn(name: string, password: string, ip: string): Promise<SignInResult> {
	const editors = await loadEditors();
	if (!editors.ok) return { ok: false, status: 503, message: editors.message };
	const nameKey = name.trim().toLowerCase().slice(0, 100);
	const wait = Math.max(byIp.retryAfter(ip), byName.retryAfter(nameKey));
	if (wait > 0)
		return {
			ok: false,
			status: 429,
			retryAfter: wait,
			message: `Too many failed sign-ins: try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}.`
		};
	const hash = editors.hashes.get(nameKey) ?? null;
	const ok = password.length > 0 && password.length <= MAX_PASSWORD && (await verifyPassword(password, hash));
	if (!ok) {
		byIp.fail(ip);
		byName.fail(nameKey);
		return { ok: false, status: 400, message: 'Wrong name or password.' };
	}
	byName.reset(nameKey);
	return { ok: true, name: nameKey, credential: credentialOf(hash!) };
}
