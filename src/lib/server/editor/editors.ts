/**
 * The editors allowed to sign in: a JSON file outside the repository's
 * history (QANTAR_EDITORS_FILE, default data/editors.json) holding
 * { "editors": [{ "name", "hash", "role" }] } with scrypt hashes written by
 * `npm run editor:add -- <name> [--role editor|publisher]`. The role says
 * who may publish the story: "editor" saves drafts, "publisher" also
 * publishes; an entry without one (written before roles existed) is a publisher. Re-read when the file changes, so adding an
 * editor needs no restart. No file, or no editor in it: nobody can sign in.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { EDITOR_NAME } from './credential-rules.js';

export const ROLES = ['editor', 'publisher'] as const;
export type Role = (typeof ROLES)[number];

const editorsFileSchema = z.strictObject({
	editors: z.array(z.strictObject({ name: z.string().regex(EDITOR_NAME), hash: z.string().startsWith('scrypt$'), role: z.enum(ROLES).optional() }))
});

export function editorsFile(): string {
	return resolve(process.env.QANTAR_EDITORS_FILE ?? 'data/editors.json');
}

export const HOW_TO_ADD_EDITOR =
	'run `npm run editor:add -- <name>` on the server (it asks for the password and writes data/editors.json, or the file named by QANTAR_EDITORS_FILE), then sign in at /edit/login';

export type Editors = { ok: true; hashes: ReadonlyMap<string, string>; roles: ReadonlyMap<string, Role> } | { ok: false; message: string };

/** Why nobody can sign in: `message` for visitors (no path of the server's), `log` for the server's log (with the file). */
type Refusal = { ok: false; message: string; log: string };

let cache: { file: string; mtimeMs: number; size: number; ino: number; editors: Editors } | null = null;

async function load(file: string): Promise<Extract<Editors, { ok: true }> | Refusal> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch {
		return { ok: false, message: `No editors are configured on this server: ${HOW_TO_ADD_EDITOR}.`, log: `no editors file at ${file}` };
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		return {
			ok: false,
			message: `The editors file on the server is not valid JSON: fix it or ${HOW_TO_ADD_EDITOR}.`,
			log: `the editors file ${file} is not valid JSON (${(e as Error).message})`
		};
	}
	const parsed = editorsFileSchema.safeParse(data);
	if (!parsed.success)
		return {
			ok: false,
			message: `The editors file on the server is malformed: ${HOW_TO_ADD_EDITOR}.`,
			log: `the editors file ${file} is malformed (${parsed.error.issues[0]?.message})`
		};
	if (parsed.data.editors.length === 0)
		return { ok: false, message: `No editors are configured on this server: ${HOW_TO_ADD_EDITOR}.`, log: `no editors in ${file}` };
	return {
		ok: true,
		hashes: new Map(parsed.data.editors.map((e) => [e.name, e.hash])),
		roles: new Map(parsed.data.editors.map((e) => [e.name, e.role ?? 'publisher']))
	};
}

let lastLogged = '';
/** Says in the server's log, once per cause, why nobody can sign in: the file's path is for the operator, not the visitor. */
function logOnce(editors: Extract<Editors, { ok: true }> | Refusal): Editors {
	if (editors.ok) {
		lastLogged = '';
		return editors;
	}
	if (editors.log !== lastLogged) console.error(`Qantar editor: nobody can sign in: ${(lastLogged = editors.log)}`);
	return { ok: false, message: editors.message };
}

/** The configured editors, or why there are none (a message saying how to add one). */
export async function loadEditors(): Promise<Editors> {
	const file = editorsFile();
	const info = await stat(file).catch(() => null);
	// an editor:add writes a new file (rename): a new inode even within the same mtime tick and size
	if (cache && info && cache.file === file && cache.mtimeMs === info.mtimeMs && cache.size === info.size && cache.ino === info.ino) return cache.editors;
	const editors = logOnce(await load(file));
	cache = info ? { file, mtimeMs: info.mtimeMs, size: info.size, ino: info.ino, editors } : null;
	return editors;
}
