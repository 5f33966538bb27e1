/**
 * The map's code (MapLibre, the style builder, the public env, and with a
 * deployment's own basemap story-on-basemap.ts), imported once
 * and shared. Asked for by the client start hook when the server-rendered page
 * holds a map (hooks.client.ts), else when MapView's module runs, and fetched
 * once the page's text has painted (after-paint.ts), then its worker's script
 * (startWorker): on a slow link the two would share it, and MapLibre is what
 * the map is made with first.
 * Never imported statically, so pages without a map (and the editor, which
 * loads it itself) do not carry it.
 */
import { afterFirstPaint } from './after-paint';

type Modules = Awaited<ReturnType<typeof load>>;
let modules: Promise<Modules> | undefined;
let loaded: Modules | undefined;

async function load() {
	await afterFirstPaint();
	const env = import('$env/dynamic/public');
	// a deployment's own basemap: the code that puts the story on it, asked for only then (beside MapLibre, not after it)
	const onBasemap = env.then((e) => (e.env.PUBLIC_BASEMAP_STYLE ? import('./story-on-basemap') : undefined));
	return Promise.all([import('./maplibre'), import('./style'), env, onBasemap]);
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
