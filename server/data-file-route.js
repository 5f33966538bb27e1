// One shape for the middlewares that answer a file from the data directory at
// a build URL (layer files at /geo/, redrawn step pictures at /snapshots/):
// GET and HEAD only; a URL that is not theirs, or a file that is not there,
// passes on to the build's files; a failure to read is logged and passes on
// too when nothing was sent yet.

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

/**
 * @param {(url: string) => string | null} fileOf the data directory's file for a URL, or null when the URL is not this route's
 * @param {(file: string, req: Req, res: Res) => Promise<boolean>} serve answers the file; false when there is no such file
 * @returns {(req: Req, res: Res, next: () => void) => void}
 */
export function dataFileRoute(fileOf, serve) {
	return (req, res, next) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return next();
		const file = fileOf(req.url ?? '');
		if (!file) return next();
		serve(file, req, res).then(
			(served) => served || next(),
			(e) => {
				console.error(`[qantar] could not serve ${file}: ${e instanceof Error ? e.message : e}`);
				if (!res.headersSent) next();
			}
		);
	};
}
