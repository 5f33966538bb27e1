// What an editor's name and password must be: one rule, used by the
// `editor:add` script (plain node, hence JavaScript typed with JSDoc), the
// editors file's schema and sign-in.

/** 1–40 lowercase letters, digits, ".", "_" or "-", starting and ending with a letter or digit (names go into git author lines) */
export const EDITOR_NAME = /^[a-z0-9](?:[a-z0-9._-]{0,38}[a-z0-9])?$/;
export const MIN_PASSWORD = 12;
/** sign-in refuses longer ones (scrypt of a huge input would be a cheap way to load the server) */
export const MAX_PASSWORD = 1024;

/**
 * Why a new password cannot be used, or null when it can.
 * @param {string} password
 * @returns {string | null}
 */
export function passwordProblem(password) {
	if (password.length < MIN_PASSWORD) return `The password must have at least ${MIN_PASSWORD} characters`;
	if (password.length > MAX_PASSWORD) return `The password must have at most ${MAX_PASSWORD} characters (sign-in refuses longer ones)`;
	if (password.trim() === '') return 'The password must not be only spaces';
	return null;
}

/** the shortest session secret accepted (QANTAR_SESSION_SECRET): 32 characters, e.g. `openssl rand -base64 32` */
export const MIN_SESSION_SECRET = 32;

/**
 * Why QANTAR_SESSION_SECRET cannot be used, or null when it can (or is not set).
 * @param {string | undefined} secret
 * @returns {string | null}
 */
export function sessionSecretProblem(secret) {
	if (secret === undefined || secret === '') return null;
	if (secret.length < MIN_SESSION_SECRET)
		return `QANTAR_SESSION_SECRET is ${secret.length} characters long: give at least ${MIN_SESSION_SECRET} (e.g. the output of \`openssl rand -base64 32\`)`;
	return null;
}
