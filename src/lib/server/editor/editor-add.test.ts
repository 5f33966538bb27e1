// The `editor:add` script, run as an administrator runs it (password on stdin):
// what it refuses leaves no file, and the file it writes is never readable by others.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';

function add(name: string, password: string, file: string, ...options: string[]) {
	const run = spawnSync(process.execPath, ['scripts/editor-add.js', name, ...options], {
		input: `${password}\n`,
		env: { ...process.env, QANTAR_EDITORS_FILE: file },
		encoding: 'utf8'
	});
	return { status: run.status, said: `${run.stdout}${run.stderr}` };
}

describe('npm run editor:add', () => {
	const dir = mkdtempSync(join(tmpdir(), 'qantar-editors-'));

	it.each([
		['a password longer than sign-in accepts', 'x'.repeat(1025), /at most 1024 characters \(sign-in refuses longer ones\); nothing was changed/],
		['twelve spaces', ' '.repeat(12), /must not be only spaces; nothing was changed/],
		['a short password', 'short', /at least 12 characters/]
	])('refuses %s and writes nothing', (_what, password, said) => {
		const file = join(dir, 'refused.json');
		const run = add('ana', password, file);
		expect(run.status).toBe(2);
		expect(run.said).toMatch(said);
		expect(existsSync(file)).toBe(false);
	});

	it('writes the editors file readable by its owner only, with a hash and never the password', () => {
		const file = join(dir, 'editors.json');
		const run = add('ana', 'a long enough passphrase', file);
		expect(run.status, run.said).toBe(0);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		const text = readFileSync(file, 'utf8');
		expect(text).not.toContain('a long enough passphrase');
		expect(JSON.parse(text).editors[0]).toMatchObject({ name: 'ana', hash: expect.stringMatching(/^scrypt\$/) });
	});

	it('gives a new editor the role editor unless --role says publisher; a new password keeps the role', () => {
		const file = join(dir, 'roles.json');
		expect(add('ana', 'a long enough passphrase', file).said).toMatch(/role editor/);
		expect(add('bo', 'a long enough passphrase', file, '--role', 'publisher').said).toMatch(/role publisher/);
		expect(add('bo', 'another long passphrase', file).status).toBe(0);
		expect(JSON.parse(readFileSync(file, 'utf8')).editors.map((e: { name: string; role: string }) => [e.name, e.role])).toEqual([
			['ana', 'editor'],
			['bo', 'publisher']
		]);
		const bad = add('cy', 'a long enough passphrase', file, '--role', 'admin');
		expect(bad.status).toBe(2);
		expect(bad.said).toMatch(/--role must be "editor" or "publisher"/);
	});

	it('creates a secret file with its final mode before a byte is written', async () => {
		const file = join(dir, 'secret.json');
		const modes: number[] = [];
		await writeFileAtomic(file, 'x'.repeat(200_000), {
			mode: 0o600,
			onChunk: () => {
				const temp = readdirSync(dir).find((f) => f.startsWith('.secret.json.'))!;
				modes.push(statSync(join(dir, temp)).mode & 0o777);
			}
		});
		expect(modes.length).toBeGreaterThan(1);
		expect(new Set(modes)).toEqual(new Set([0o600]));
		expect(statSync(file).mode & 0o777).toBe(0o600);
	});
});
