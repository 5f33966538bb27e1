// The benchmark's floor: a bare MapLibre map with the story's style and layers
// (same basemap files, same story GeoJSON, all layers shown) and no story code:
// no SvelteKit, no Svelte, no scroller. The benchmark drives its camera with the
// same flights the story makes (window.floorFly) and compares every figure to it.
//   /__floor/?cam=<json {center,zoom,bearing,pitch,padding}>&w=<px>&h=<px>&lang=fr
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { buildStyle } from '../../../src/lib/map/style.ts';
import { STORY_LAYERS } from '../../../src/lib/geo/layers.ts';

const q = new URLSearchParams(location.search);
const el = document.getElementById('map');
if (q.get('w')) el.style.setProperty('--w', `${q.get('w')}px`);
if (q.get('h')) el.style.setProperty('--h', `${q.get('h')}px`);
const cam = q.get('cam') ? JSON.parse(q.get('cam')) : { center: [66, 47], zoom: 3 };
const lang = q.get('lang') === 'en' ? 'en' : 'fr';

setWorkerUrl(workerUrl);
const layers = STORY_LAYERS.map((layer) => ({ layer, data: `${location.origin}/geo/${layer.file}` }));
const style = buildStyle({ origin: location.origin, lang, theme: 'light', layers });
/** the story layers the story draws at a step (cam.visible): the others are not drawn, as in the story */
const showOnly = (visible, set) => {
	if (!visible) return;
	for (const l of style.layers) if (l.id.startsWith('story-')) set(l, visible.includes(l.id) ? 'visible' : 'none');
};
showOnly(cam.visible, (l, v) => (l.layout = { ...l.layout, visibility: v }));
performance.mark('qantar:map-create');
const map = new MapLibreMap({
	container: el,
	style,
	center: cam.center,
	zoom: cam.zoom,
	bearing: cam.bearing ?? 0,
	pitch: cam.pitch ?? 0,
	interactive: false,
	attributionControl: false
});
if (cam.padding) map.setPadding(cam.padding);
window.qantar = { map };

/** One flight like the story's (applyView: flyTo, 1800 ms, curve 1.3); resolves with the frames drawn during it. */
window.floorFly = (to) =>
	new Promise((resolve) => {
		let frames = 0;
		let on = true;
		const tick = () => {
			frames++;
			if (on) requestAnimationFrame(tick);
		};
		const t0 = performance.now();
		requestAnimationFrame(tick);
		map.once('moveend', () => {
			on = false;
			const ms = performance.now() - t0;
			resolve({ frames, ms });
		});
		showOnly(to.visible, (l, v) => map.setLayoutProperty(l.id, 'visibility', v));
		const { visible, ...camera } = to;
		void visible;
		map.flyTo({ ...camera, duration: 1800, essential: true, curve: 1.3 });
	});
