// How long browsers and CDNs keep each kind of static file.
//   /_app/immutable/*        public, max-age=31536000, immutable (hashed names)
//   /geo/*, /snapshots/*     public, max-age=60, must-revalidate (with ETag + Last-Modified)
//   other static files       public, max-age=300 (/embed.js)
// Pages and API answers set their own.

/**
 * Cache-Control for a static file's path, or null to leave it to the app.
 * @param {string} path
 */
export function staticCacheControl(path) {
	if (path.startsWith('/_app/immutable/')) return 'public, max-age=31536000, immutable';
	if (path.startsWith('/geo/') || path.startsWith('/snapshots/')) return 'public, max-age=60, must-revalidate';
	if (/\.[a-z0-9]+$/i.test(path) && !path.startsWith('/api/')) return 'public, max-age=300';
	return null;
}

/** Paths whose rule wins over the file server's own Cache-Control (adapter-node writes `public,max-age=31536000,immutable`). */
export const OVERRIDES_FILE_SERVER = /^\/(geo|snapshots|_app\/immutable)\//;
