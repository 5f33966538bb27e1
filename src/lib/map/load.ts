/**
 * The map's code (MapLibre, the style builder, the public env), imported once
 * and shared. Asked for by the client start hook when the server-rendered page
 * holds a map (hooks.client.ts), else when MapView's module runs, and fetched
 * once the page's text has painted (after-paint.ts): MapLibre's chunk and its
 * worker's script together, the first things the page fetches after its text.
 * Never imported statically, so pages without a map (and the editor, which
 * loads it itself) do not carry it.
 */
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { afterFirstPaint } from './after-paint';

type Modules = Awaited<ReturnType<typeof load>>;
let modules: Promise<Modules> | undefined;
let loaded: Modules | undefined;

async function load() {
	await afterFirstPaint();
	// MapLibre's worker script, fetched beside MapLibre's chunk: in the HTTP cache when startWorker asks for it
	document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: workerUrl }));
	return Promise.all([import('./maplibre'), import('./style'), import('$env/dynamic/public')]);
}

export const loadMapModules = () =>
	(modules ??= load().then(
		(m) => {
			m[0].startWorker();
			return (loaded = m);
		},
		(e) => {
			modules = undefined; // asked again later, not failed for good
			throw e;
		}
	));

/** The map's code if it has already been loaded (the start hook waits for it on a page with a map), else undefined. */
export const mapModulesNow = (): Modules | undefined => loaded;
