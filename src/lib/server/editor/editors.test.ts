// Why nobody can sign in is said to the visitor without the server's paths, and to the operator (the log) with them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEditors } from './editors';

const saved = process.env.QANTAR_EDITORS_FILE;
afterEach(() => {
	vi.restoreAllMocks();
	if (saved === undefined) delete process.env.QANTAR_EDITORS_FILE;
	else process.env.QANTAR_EDITORS_FILE = saved;
});

describe('an editors file that is missing or broken', () => {
	const dir = mkdtempSync(join(tmpdir(), 'qantar-editors-'));
	const cases: [string, string | null][] = [
		['missing.json', null],
		['broken.json', '{"editors": ['],
		['malformed.json', '{"editors": [{"name": "Bad Name!", "hash": "x"}]}'],
		['empty.json', '{"editors": []}']
	];
	for (const [name, content] of cases)
		it(`${name}: the visitor is told how to add an editor, not where the file is; the log says where, once`, async () => {
			const file = join(dir, name);
			if (content !== null) writeFileSync(file, content);
			process.env.QANTAR_EDITORS_FILE = file;
			const log = vi.spyOn(console, 'error').mockImplementation(() => {});
			const first = await loadEditors();
			const again = await loadEditors();
			expect(first.ok).toBe(false);
			const message = first.ok ? '' : first.message;
			expect(message).toContain('npm run editor:add -- <name>');
			expect(message).not.toContain(dir);
			expect(again).toEqual(first);
			expect(log).toHaveBeenCalledTimes(1);
			expect(String(log.mock.calls[0]![0])).toContain(file);
		});
});

describe('roles', () => {
	it('reads each editor’s role; an entry written before roles existed is a publisher', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'qantar-editors-'));
		const file = join(dir, 'editors.json');
		writeFileSync(
			file,
			JSON.stringify({
				editors: [
					{ name: 'old', hash: 'scrypt$x' },
					{ name: 'ed', hash: 'scrypt$y', role: 'editor' },
					{ name: 'pub', hash: 'scrypt$z', role: 'publisher' }
				]
			})
		);
		process.env.QANTAR_EDITORS_FILE = file;
		const editors = await loadEditors();
		expect(editors.ok && Object.fromEntries(editors.roles)).toEqual({ old: 'publisher', ed: 'editor', pub: 'publisher' });
	});
});
