// Password hashing for editors: scrypt (node:crypto) with a random salt; the
// parameters travel in the hash string, "scrypt$<N>$<r>$<p>$<salt>$<key>"
// (salt and key in base64url), so they can be raised later without breaking
// existing hashes. Plain JavaScript (typed with JSDoc) because the
// `editor:add` script runs it with node directly.
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 64;
const DEFAULTS = { N: 2 ** 15, r: 8, p: 1 };
/** enough memory for N=2^17, r=8 (128 * N * r bytes) */
const MAX_MEM = 256 * 1024 * 1024;

/**
 * @param {string} password
 * @param {Buffer} salt
 * @param {{ N: number, r: number, p: number }} params
 * @returns {Promise<Buffer>}
 */
function scrypt(password, salt, params) {
	return new Promise((resolve, reject) =>
		scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, { ...params, maxmem: MAX_MEM }, (err, key) => (err ? reject(err) : resolve(key)))
	);
}

/**
 * @param {string} password
 * @returns {Promise<string>}
 */
export async function hashPassword(password, params = DEFAULTS) {
	const salt = randomBytes(16);
	const key = await scrypt(password, salt, params);
	return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * Parses a hash string; null when it is not one this module wrote (or its
 * parameters are out of the bounds that keep a check under a second).
 * @param {string} hash
 */
export function parseHash(hash) {
	const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{32,})$/.exec(hash);
	if (!m) return null;
	const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
	if (!powerOfTwo || N > 2 ** 17 || r < 1 || r > 16 || p < 1 || p > 4) return null;
	return { params: { N, r, p }, salt: Buffer.from(/** @type {string} */ (m[4]), 'base64url'), key: Buffer.from(/** @type {string} */ (m[5]), 'base64url') };
}

/**
 * Compares in constant time. A null hash (unknown editor) still costs one
 * scrypt run, so timing does not tell which names exist.
 * @param {string} password
 * @param {string | null} hash
 * @returns {Promise<boolean>}
 */
export async function verifyPassword(password, hash) {
	const parsed = hash ? parseHash(hash) : null;
	if (!parsed) {
		await scrypt(password, randomBytes(16), DEFAULTS);
		return false;
	}
	const key = await scrypt(password, parsed.salt, parsed.params);
	return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}
