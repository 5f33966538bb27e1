/**
 * The catalogue of story layers: one GeoJSON file each under the data
 * directory (static/geo/ by default), with the names and legend colours readers
 * see. Pure data: the map adapter turns it into MapLibre layers, the page into
 * a legend and feature lists.
 */
export type LayerShape = 'polygon' | 'point' | 'line';

export interface StoryLayer {
	id: string;
	file: string;
	shape: LayerShape;
	/** legend colour (also the map colour) */
	color: string;
	name: { fr: string; en: string };
}

export const STORY_LAYERS: readonly StoryLayer[] = [
	{ id: 'kazakhstan', file: 'kazakhstan.geojson', shape: 'polygon', color: '#b5651d', name: { fr: 'Kazakhstan', en: 'Kazakhstan' } },
	{
		id: 'csto-members',
		file: 'csto-members.geojson',
		shape: 'polygon',
		color: '#7a5aa6',
		name: { fr: 'États membres de l’OTSC', en: 'CSTO member states' }
	},
	{ id: 'csto-capitals', file: 'csto-capitals.geojson', shape: 'point', color: '#5a4687', name: { fr: 'Capitales de l’OTSC', en: 'CSTO capitals' } },
	{
		id: 'csto-airlift',
		file: 'csto-airlift.geojson',
		shape: 'line',
		color: '#6b4fa0',
		name: { fr: 'Déploiement de l’OTSC', en: 'CSTO deployment' }
	},
	{ id: 'csto-bases', file: 'csto-bases.geojson', shape: 'point', color: '#6b4fa0', name: { fr: 'Bases aériennes', en: 'Air bases' } },
	{
		id: 'protest-cities',
		file: 'protest-cities.geojson',
		shape: 'point',
		color: '#d2452b',
		name: { fr: 'Villes en révolte', en: 'Protest cities' }
	},
	{ id: 'almaty-sites', file: 'almaty-sites.geojson', shape: 'point', color: '#a3201b', name: { fr: 'Lieux d’Almaty', en: 'Almaty sites' } }
];

export const LAYER_IDS = STORY_LAYERS.map((l) => l.id);

export function layerById(id: string): StoryLayer | undefined {
	return STORY_LAYERS.find((l) => l.id === id);
}
