/**
 * The basemap's sources: the GeoJSON files scripts/geo-basemap.js builds under
 * static/geo/basemap/, each with its attribution and the zooms it is cut for.
 * Natural Earth and GeoNames for the region; OpenStreetMap for Almaty's limit
 * and districts.
 */
import type { SourceSpecification } from 'maplibre-gl';
import { trimSlash } from './basemap-fonts';

const NE = '<a href="https://www.naturalearthdata.com/">Natural Earth</a>';
const GEONAMES = '<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';
const NOTO = 'Noto Sans (OFL)';
/** shown by MapLibre only while a layer of an OSM source is drawn (the city context, from z9) */
export const OSM_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a> (ODbL)';

/** Source ids, all prefixed "base-". */
export const SRC = {
	countries110: 'base-countries-110m',
	countries50: 'base-countries-50m',
	borders110: 'base-borders-110m',
	borders50: 'base-borders-50m',
	lakes: 'base-lakes',
	rivers: 'base-rivers',
	cities: 'base-cities',
	countryLabels: 'base-country-labels',
	almatyLimit: 'base-almaty-limit',
	almatyDistricts: 'base-almaty-districts',
	almatyDistrictLabels: 'base-almaty-district-labels',
	almatyDistrictEdges: 'base-almaty-district-edges',
	/** the name of the district of the step's sites, placed by the page (district-here.ts) */
	almatyDistrictHere: 'base-almaty-district-here'
} as const;

export function basemapSources(origin: string): Record<string, SourceSpecification> {
	const url = (file: string) => `${trimSlash(origin)}/geo/basemap/${file}`;
	const geo = (file: string, attribution: string, extra: Record<string, unknown> = {}): SourceSpecification =>
		({ type: 'geojson', data: url(file), attribution, ...extra }) as SourceSpecification;
	return {
		// Low zooms: coarse data, tiled only to z5 (geometry is simplified more, tiles are few).
		[SRC.countries110]: geo('countries-110m.geojson', NE, { maxzoom: 5, tolerance: 0.5 }),
		[SRC.borders110]: geo('borders-110m.geojson', NE, { maxzoom: 5 }),
		[SRC.countries50]: geo('countries-50m.geojson', NE, { maxzoom: 10 }),
		[SRC.borders50]: geo('borders-50m.geojson', NE, { maxzoom: 10 }),
		[SRC.lakes]: geo('lakes-50m.geojson', NE, { maxzoom: 10 }),
		[SRC.rivers]: geo('rivers-50m.geojson', NE, { maxzoom: 10 }),
		[SRC.cities]: geo('cities.geojson', GEONAMES, { maxzoom: 10 }),
		[SRC.countryLabels]: geo('country-labels.geojson', `${NE}, labels: ${NOTO}`, { maxzoom: 8 }),
		// Almaty's limit and districts (data/osm/, OpenStreetMap): drawn from the zoom where the city fills the view
		[SRC.almatyLimit]: geo('almaty-limit.geojson', OSM_ATTRIBUTION, { maxzoom: 16 }),
		[SRC.almatyDistricts]: geo('almaty-districts.geojson', OSM_ATTRIBUTION, { maxzoom: 16 }),
		[SRC.almatyDistrictLabels]: geo('almaty-district-labels.geojson', OSM_ATTRIBUTION, { maxzoom: 12 }),
		[SRC.almatyDistrictEdges]: geo('almaty-district-edges.geojson', OSM_ATTRIBUTION, { maxzoom: 15 }),
		[SRC.almatyDistrictHere]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, attribution: OSM_ATTRIBUTION, maxzoom: 16 }
	};
}
