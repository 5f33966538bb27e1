import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate-limit';
import { createSession, credentialOf, destroySession, sessionEditor, SESSION_TTL_MS } from './sessions';
import { hashPassword, parseHash, verifyPassword } from './password.js';

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
	it('knows a fresh token, forgets it after expiry or sign-out', () => {
		const { token } = createSession('ana', credentialOf('scrypt$hash-one'), 0);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(sessionEditor(token, v1, 1)).toBe('ana');
		expect(sessionEditor(token, v1, SESSION_TTL_MS + 1)).toBeNull();
		const second = createSession('ana', credentialOf('scrypt$hash-one')).token;
		destroySession(second);
		expect(sessionEditor(second, v1)).toBeNull();
	});
	it('ends for good when the editor’s password changes or the editor is removed', () => {
		const changed = createSession('ana', credentialOf('scrypt$hash-one')).token;
		expect(sessionEditor(changed, new Map([['ana', 'scrypt$hash-two']]))).toBeNull();
		// the old password set again later does not bring the session back
		expect(sessionEditor(changed, v1)).toBeNull();
		const removed = createSession('ana', credentialOf('scrypt$hash-one')).token;
		expect(sessionEditor(removed, new Map())).toBeNull();
		expect(sessionEditor(removed, v1)).toBeNull();
	});
	it('refuses forged tokens', () => {
		expect(sessionEditor('x'.repeat(43), v1)).toBeNull();
		expect(sessionEditor('../../etc/passwd', v1)).toBeNull();
		expect(sessionEditor(undefined, v1)).toBeNull();
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
