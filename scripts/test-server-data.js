// Prepares what the Playwright test server runs on, so tests never write into
// the source tree: a fresh copy of the story layers (static/geo/*.geojson) in
// .tmp/test-data/ (the editor makes it a git repository on its first save),
// and an editors file with four test editors ("locked" is for the
// rate-limit test; "drafter" has the role editor, the others are publishers)
// whose passwords are generated
// here and handed to the tests in .tmp/test-credentials.json.
// Run by the webServer command of playwright.config.ts before the server starts.
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { hashPassword } from '../src/lib/server/editor/password.js';

const TEST_DATA_DIR = resolve('.tmp/test-data');
const TEST_EDITORS_FILE = resolve('.tmp/test-editors.json');
const TEST_CREDENTIALS_FILE = resolve('.tmp/test-credentials.json');

const source = resolve('static/geo');
await rm(TEST_DATA_DIR, { recursive: true, force: true });
await mkdir(TEST_DATA_DIR, { recursive: true });
for (const f of await readdir(source)) if (f.endsWith('.geojson')) await copyFile(join(source, f), join(TEST_DATA_DIR, f));

const roles = { tester: 'publisher', reviewer: 'publisher', locked: 'publisher', drafter: 'editor' };
const editors = Object.keys(roles).map((name) => ({ name, password: randomBytes(18).toString('base64url') }));
const hashed = await Promise.all(editors.map(async (e) => ({ name: e.name, hash: await hashPassword(e.password), role: roles[e.name] })));
await writeFile(TEST_EDITORS_FILE, `${JSON.stringify({ editors: hashed }, null, 2)}\n`, { mode: 0o600 });
await writeFile(TEST_CREDENTIALS_FILE, `${JSON.stringify({ dataDir: TEST_DATA_DIR, editors }, null, 2)}\n`, { mode: 0o600 });
console.log(`test data in ${TEST_DATA_DIR}, editors ${editors.map((e) => e.name).join(', ')}`);
