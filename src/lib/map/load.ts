/**
 * The map's code (MapLibre, the style builder, the public env), imported once
 * and shared. Asked for as early as the page allows: by the client start hook
 * when the server-rendered page holds a map (hooks.client.ts), else when
 * MapView's module runs. Never imported statically, so pages without a map
 * (and the editor, which loads it itself) do not carry it.
 */
let modules: ReturnType<typeof load> | undefined;

function load() {
	return Promise.all([import('./maplibre'), import('./style'), import('$env/dynamic/public')]);
}

export const loadMapModules = () => (modules ??= load());
