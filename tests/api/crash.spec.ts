// Crash safety of the atomic write: a writer killed (SIGKILL) at any point of
// writing a 10,000-feature layer leaves the file as the last accepted version,
// byte for byte and parseable; the next write cleans up what it left behind.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileAtomic } from '../../src/lib/server/editor/atomic-write.js';
import { validateLayerText } from '../../src/lib/schema/validate-layer';

const WRITER = resolve('tests/api/fixtures/slow-writer.mjs');

/** Starts the slow writer and SIGKILLs it once `shouldKill(written, total)` says so; resolves with what it had reported. */
function killDuringWrite(target: string, shouldKill: (written: number, total: number) => boolean) {
	return new Promise<{ written: number; total: number; signal: NodeJS.Signals | null; done: boolean }>((done, fail) => {
		const child = spawn(process.execPath, [WRITER, target, '80'], { stdio: ['ignore', 'pipe', 'inherit'] });
		let last = { written: 0, total: 0 };
		let finished = false;
		let buffer = '';
		child.stdout.on('data', (d: Buffer) => {
			buffer += d.toString();
			let nl;
			while ((nl = buffer.indexOf('\n')) >= 0) {
				const line = buffer.slice(0, nl);
				buffer = buffer.slice(nl + 1);
				if (line === 'done') finished = true;
				const m = /^chunk (\d+) (\d+)$/.exec(line);
				if (!m) continue;
				last = { written: Number(m[1]), total: Number(m[2]) };
				if (shouldKill(last.written, last.total)) child.kill('SIGKILL');
			}
		});
		child.on('error', fail);
		child.on('exit', (_code, signal) => done({ ...last, signal, done: finished }));
	});
}

test.describe('a save killed mid-write', () => {
	const dir = resolve(`.tmp/crash-${randomBytes(4).toString('hex')}`);
	const target = join(dir, 'big-layer.geojson');
	const accepted = readFileSync('static/geo/protest-cities.geojson', 'utf8');

	test.beforeAll(async () => {
		mkdirSync(dir, { recursive: true });
		writeFileSync(target, 'not the accepted version');
		await writeFileAtomic(target, accepted); // the last accepted revision
	});
	test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

	const points: [string, (w: number, t: number) => boolean][] = [
		['after the first chunk', (w) => w > 0],
		['half-way', (w, t) => w >= t / 2],
		['after the last chunk, before the rename', (w, t) => w === t]
	];
	for (const [when, shouldKill] of points)
		test(`killed ${when}: the file is the last accepted version`, async () => {
			const run = await killDuringWrite(target, shouldKill);
			expect(run.signal).toBe('SIGKILL');
			expect(run.done).toBe(false);
			expect(run.total).toBeGreaterThan(2_000_000); // 10,000 features
			expect(run.written).toBeGreaterThan(0);

			const text = readFileSync(target, 'utf8');
			expect(text).toBe(accepted);
			expect(validateLayerText(text, 'big-layer.geojson').ok).toBe(true);
			// the interrupted write left its partial temporary file, never the target
			const temps = readdirSync(dir).filter((f) => f.endsWith('.qantar-tmp'));
			expect(temps).toHaveLength(1);
			expect(readFileSync(join(dir, temps[0]!)).length).toBe(run.written);
		});

	test('the next write succeeds and removes the dead writers’ temporary files', async () => {
		const next = JSON.stringify(JSON.parse(accepted)); // same layer, other bytes
		await writeFileAtomic(target, next);
		expect(readFileSync(target, 'utf8')).toBe(next);
		expect(readdirSync(dir)).toEqual(['big-layer.geojson']);
	});

	test('an uninterrupted slow write lands whole', async () => {
		const run = await killDuringWrite(target, () => false);
		expect(run.done).toBe(true);
		const fc = JSON.parse(readFileSync(target, 'utf8'));
		expect(fc.features).toHaveLength(10_000);
	});
});
