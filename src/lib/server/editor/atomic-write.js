// Atomic file replacement: the new content goes to a temporary file in the
// same directory, is flushed to disk (fsync), then renamed over the target,
// and the directory entry is flushed. A crash at any point leaves either the
// old file or the new one, never a mix. Temporary files of writers that died
// are removed before the next write. Plain JavaScript (typed with JSDoc) so a
// bare node process can use it too (the crash-safety test kills one).
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

const CHUNK = 64 * 1024;

/** @param {string} target */
const tempPrefix = (target) => `.${basename(target)}.`;
const TEMP_SUFFIX = '.qantar-tmp';

/** @param {number} pid */
function isRunning(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM';
	}
}

/**
 * Removes temporary files left for `target` by writers that are no longer running.
 * @param {string} target
 */
export async function removeStaleTempFiles(target) {
	const dir = dirname(target);
	const prefix = tempPrefix(target);
	for (const name of await readdir(dir)) {
		if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
		const pid = Number(name.slice(prefix.length).split('.')[0]);
		if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) await unlink(join(dir, name)).catch(() => {});
	}
}

/**
 * Replaces `target` with `data` atomically.
 * @param {string} target
 * @param {string | Uint8Array} data
 * @param {{ onChunk?: (written: number, total: number) => void | Promise<void>, mode?: number }} [options]
 *   onChunk is called after each chunk is written (tests use it to kill a writer mid-write);
 *   mode is the new file's permissions (default 0o644, less the umask), set when the temporary file is
 *   created, so a secret is never readable by others, not even for a moment
 */
export async function writeFileAtomic(target, data, options = {}) {
	const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
	await removeStaleTempFiles(target);
	const temp = join(dirname(target), `${tempPrefix(target)}${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
	const handle = await open(temp, 'wx', options.mode ?? 0o644);
	try {
		let written = 0;
		while (written < bytes.length) {
			const { bytesWritten } = await handle.write(bytes, written, Math.min(CHUNK, bytes.length - written));
			written += bytesWritten;
			await options.onChunk?.(written, bytes.length);
		}
		await handle.sync();
	} catch (e) {
		await handle.close().catch(() => {});
		await unlink(temp).catch(() => {});
		throw e;
	}
	await handle.close();
	try {
		await rename(temp, target);
	} catch (e) {
		await unlink(temp).catch(() => {});
		throw e;
	}
	const dir = await open(dirname(target), 'r');
	try {
		await dir.sync();
	} finally {
		await dir.close();
	}
}
