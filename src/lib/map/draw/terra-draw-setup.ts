/**
 * The only import of terra-draw and its MapLibre adapter: a TerraDraw on a
 * map with the editor's four modes (select, point, line, polygon) in the
 * layer's colour, started in select mode.
 */
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Map as MapLibreMap } from 'maplibre-gl';

export type { TerraDraw, GeoJSONStoreFeatures } from 'terra-draw';

/** the terra-draw mode that draws each single geometry type (what it can hold) */
export const MODE_OF: Readonly<Record<string, string>> = { Point: 'point', LineString: 'linestring', Polygon: 'polygon' };

const editable = { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } };

export function createTerraDraw(map: MapLibreMap, color: string, newKey: () => string): TerraDraw {
	const hex = color as `#${string}`;
	const draw = new TerraDraw({
		adapter: new TerraDrawMapLibreGLAdapter({ map }),
		idStrategy: { isValidId: (id) => typeof id === 'string' && id.length > 0, getId: newKey },
		modes: [
			new TerraDrawSelectMode({
				// a reshape that makes a polygon cross itself is allowed, then flagged (red, the form says why) and never saved:
				// a vertex that silently stops following the pointer explains nothing
				flags: { point: { feature: { draggable: true } }, linestring: { feature: editable }, polygon: { feature: { ...editable, selfIntersectable: true } } },
				keyEvents: { deselect: 'Escape', delete: null, rotate: null, scale: null }
			}),
			new TerraDrawPointMode({ editable: true, styles: { pointColor: hex, pointWidth: 6, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 } }),
			new TerraDrawLineStringMode({ styles: { lineStringColor: hex, lineStringWidth: 3 } }),
			new TerraDrawPolygonMode({ styles: { fillColor: hex, outlineColor: hex, fillOpacity: 0.25 } })
		]
	});
	draw.start();
	draw.setMode('select');
	return draw;
}
