import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate-limit';
import { createSession, credentialOf, destroySession, sessionEditor, SESSION_TTL_MS } from './sessions';
import { hashPassword, parseHash, verifyPassword } from './password.js';
import { sessionSecretProblem } from './credential-rules.js';

describe('FailureLimiter', () => {
	it('allows `limit` failures in the window, then says how long to wait', () => {
		const l = new FailureLimiter(3, 60_000);
		for (let i = 0; i < 3; i++) {
			expect(l.retryAfter('k', 1000 + i)).toBe(0);
			l.fail('k', 1000 + i);
		}
		expect(l.retryAfter('k', 2000)).toBe(59);
		expect(l.retryAfter('other', 2000)).toBe(0);
		expect(l.retryAfter('k', 61_001)).toBe(0);
	});
	it('keeps counting an attacked key while many other keys fail (eviction takes the least recently failed)', () => {
		const l = new FailureLimiter(5, 600_000, 100);
		for (let i = 0; i < 4; i++) l.fail('ana', i);
		// 10,000 other names fail, the attacked name fails again every 50 of them
		for (let i = 0; i < 10_000; i++) {
			l.fail(`other-${i}`, 10 + i);
			if (i % 50 === 0) l.fail('ana', 10 + i);
		}
		expect(l.retryAfter('ana', 20_000)).toBeGreaterThan(0);
	});
	it('forgets a key on reset', () => {
		const l = new FailureLimiter(1, 60_000);
		l.fail('k', 0);
		expect(l.retryAfter('k', 1)).toBeGreaterThan(0);
		l.reset('k');
		expect(l.retryAfter('k', 1)).toBe(0);
	});
});

describe('sessions', () => {
	const v1 = new Map([['ana', 'scrypt$hash-one']]);
	const secret = Buffer.from('a'.repeat(32));
	it('knows a fresh token, forgets it after expiry or sign-out', () => {
		const { token } = createSession('ana', credentialOf('scrypt$hash-one'), 0, secret);
		expect(sessionEditor(token, v1, 1, secret)).toBe('ana');
		expect(sessionEditor(token, v1, SESSION_TTL_MS + 1, secret)).toBeNull();
		const second = createSession('ana', credentialOf('scrypt$hash-one'), Date.now(), secret).token;
		const other = createSession('ana', credentialOf('scrypt$hash-one'), Date.now(), secret).token;
		destroySession(second, Date.now(), secret);
		expect(sessionEditor(second, v1, Date.now(), secret)).toBeNull();
		// ending one session leaves the editor's others alone (another browser)
		expect(sessionEditor(other, v1, Date.now(), secret)).toBe('ana');
	});
	it('is valid on another instance that shares the secret, and only there', () => {
		const { token } = createSession('ana', credentialOf('scrypt$hash-one'), Date.now(), secret);
		expect(sessionEditor(token, v1, Date.now(), Buffer.from(secret))).toBe('ana');
		expect(sessionEditor(token, v1, Date.now(), Buffer.from('b'.repeat(32)))).toBeNull();
	});
	it('ends for good when the editor’s password changes or the editor is removed', () => {
		const changed = createSession('ana', credentialOf('scrypt$hash-one'), Date.now(), secret).token;
		expect(sessionEditor(changed, new Map([['ana', 'scrypt$hash-two']]), Date.now(), secret)).toBeNull();
		const removed = createSession('ana', credentialOf('scrypt$hash-one'), Date.now(), secret).token;
		expect(sessionEditor(removed, new Map(), Date.now(), secret)).toBeNull();
		// a new password for a name added again is a new hash (a new salt): the old sessions name the old one
		expect(sessionEditor(removed, new Map([['ana', 'scrypt$hash-three']]), Date.now(), secret)).toBeNull();
	});
	it('refuses forged and altered tokens', () => {
		const { token } = createSession('ana', credentialOf('scrypt$hash-one'), Date.now(), secret);
		const [payload, sig] = token.split('.') as [string, string];
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
		const forged = Buffer.from(JSON.stringify({ ...claims, n: 'bob', e: claims.e + SESSION_TTL_MS })).toString('base64url');
		const withBob = new Map([...v1, ['bob', 'scrypt$hash-bob']]);
		expect(sessionEditor(`${forged}.${sig}`, withBob, Date.now(), secret)).toBeNull();
		expect(sessionEditor(`${payload}.${'A'.repeat(43)}`, v1, Date.now(), secret)).toBeNull();
		expect(sessionEditor('x'.repeat(43), v1, Date.now(), secret)).toBeNull();
		expect(sessionEditor('../../etc/passwd', v1, Date.now(), secret)).toBeNull();
		expect(sessionEditor(undefined, v1, Date.now(), secret)).toBeNull();
	});
	it('refuses a session secret too short to be safe, naming the setting', () => {
		expect(sessionSecretProblem('short')).toMatch(/QANTAR_SESSION_SECRET is 5 characters long: give at least 32/);
		expect(sessionSecretProblem(undefined)).toBeNull();
		expect(sessionSecretProblem('x'.repeat(32))).toBeNull();
	});
});

describe('password hashes', () => {
	it('verifies the right password only, with salt and parameters in the hash', async () => {
		const fast = { N: 1024, r: 8, p: 1 };
		const h = await hashPassword('correct horse battery', fast);
		expect(parseHash(h)?.params).toEqual(fast);
		expect(await hashPassword('correct horse battery', fast)).not.toBe(h);
		expect(await verifyPassword('correct horse battery', h)).toBe(true);
		expect(await verifyPassword('correct horse batterY', h)).toBe(false);
		expect(await verifyPassword('anything', null)).toBe(false);
		expect(parseHash('scrypt$1048576$8$1$aaaaaaaaaaaaaaaaaaaaaa$' + 'a'.repeat(86))).toBeNull();
	});
});
