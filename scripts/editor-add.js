// Adds an editor, or sets a new password for one:
//   npm run editor:add -- <name> [--role editor|publisher]
// The role: "editor" saves story drafts, "publisher" also publishes them (the
// default for a new editor is "editor"; an existing editor keeps theirs unless
// --role is given; entries written before roles existed are publishers).
// The password is read from the terminal (asked twice, not echoed) or, when
// stdin is not a terminal, from its first line (e.g. `printf '%s\n' "$PW" |
// npm run editor:add -- ana`); never from the command line, where it would
// land in the shell history and the process list. Writes the editors file
// (QANTAR_EDITORS_FILE, default data/editors.json) atomically, readable by
// its owner only. The running server picks the change up without a restart.
import { readFile, chmod, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { hashPassword } from '../src/lib/server/editor/password.js';
import { writeFileAtomic } from '../src/lib/server/editor/atomic-write.js';
import { EDITOR_NAME, MIN_PASSWORD, passwordProblem } from '../src/lib/server/editor/credential-rules.js';

function usage(message) {
	console.error(`${message}\n\nUsage: npm run editor:add -- <name> [--role editor|publisher]   (the password is asked for, or read from stdin)`);
	process.exit(2);
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question) {
	return new Promise((resolvePromise) => {
		const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
		rl._writeToOutput = (s) => {
			if (s.includes(question)) process.stdout.write(s);
		};
		rl.question(question, (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolvePromise(answer);
		});
	});
}

async function readStdinLine() {
	let data = '';
	for await (const chunk of process.stdin) data += chunk;
	return data.split(/\r?\n/)[0] ?? '';
}

const args = process.argv.slice(2);
let role;
const roleAt = args.indexOf('--role');
if (roleAt >= 0) {
	role = args[roleAt + 1];
	if (role !== 'editor' && role !== 'publisher') usage(`--role must be "editor" or "publisher", not "${role ?? ''}".`);
	args.splice(roleAt, 2);
}
if (args.length !== 1) usage(args.length ? 'Give exactly one name (the password is never taken from the command line).' : 'Missing the editor name.');
const name = args[0].toLowerCase();
if (!EDITOR_NAME.test(name))
	usage(`"${args[0]}" is not a valid name: 1-40 lowercase letters, digits, ".", "_" or "-", starting and ending with a letter or digit.`);

let password;
if (process.stdin.isTTY) {
	password = await askHidden(`Password for ${name} (at least ${MIN_PASSWORD} characters): `);
	const again = await askHidden('Again: ');
	if (password !== again) usage('The two passwords differ; nothing was changed.');
} else {
	password = await readStdinLine();
}
const problem = passwordProblem(password);
if (problem) usage(`${problem}; nothing was changed.`);

const file = resolve(process.env.QANTAR_EDITORS_FILE ?? 'data/editors.json');
let config = { editors: [] };
try {
	config = JSON.parse(await readFile(file, 'utf8'));
	if (!Array.isArray(config.editors)) throw new Error('no "editors" array');
} catch (e) {
	if (e.code !== 'ENOENT') {
		console.error(`${file} exists but cannot be read as an editors file (${e.message}): fix or remove it first.`);
		process.exit(1);
	}
}
const hash = await hashPassword(password);
const existing = config.editors.find((e) => e.name === name);
if (existing) {
	existing.hash = hash;
	if (role) existing.role = role;
} else config.editors.push({ name, hash, role: role ?? 'editor' });
await mkdir(dirname(file), { recursive: true });
// readable by its owner only from the moment it exists (chmod after the write left a window)
await writeFileAtomic(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
await chmod(file, 0o600); // a umask cannot widen it, but an older file's mode is set again
const finalRole = (existing ?? config.editors.at(-1)).role ?? 'publisher';
console.log(`${existing ? 'Updated the password of' : 'Added'} editor "${name}" (role ${finalRole}) in ${file}.`);
