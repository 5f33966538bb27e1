/** The basemap's colours per theme: muted, so the story's layers stand out. */
import type { Theme } from './basemap-style';

/** Sea / background colour per theme (the caller's background layer). */
export const BASEMAP_BACKGROUND: Record<Theme, string> = {
	light: '#d9e3e8',
	dark: '#141b21'
};

export interface Palette {
	land: string;
	landKaz: string;
	border: string;
	borderLow: string;
	water: string;
	river: string;
	countryText: string;
	countryTextKaz: string;
	countryLocal: string;
	cityText: string;
	cityTextMinor: string;
	halo: string;
	dot: string;
	dotStroke: string;
	capitalRing: string;
	/** inside Almaty's limit, its limit, the district boundaries and names */
	cityLand: string;
	cityLimit: string;
	district: string;
	districtText: string;
}

export const PALETTES: Record<Theme, Palette> = {
	light: {
		land: '#f4f1ea',
		landKaz: '#f0eadd',
		border: '#948a7c',
		borderLow: '#aca394',
		water: BASEMAP_BACKGROUND.light,
		river: '#b7c9d3',
		countryText: '#8b8276',
		countryTextKaz: '#6a6155',
		countryLocal: '#9a9184',
		cityText: '#3f3b36',
		cityTextMinor: '#5e5850',
		halo: 'rgba(248,246,241,0.92)',
		dot: '#5b5650',
		dotStroke: '#fbfaf7',
		capitalRing: '#3f3b36',
		cityLand: '#ece5d7',
		cityLimit: '#8f8474',
		district: '#b2a795',
		districtText: '#766d61'
	},
	dark: {
		land: '#262a2e',
		landKaz: '#2e3031',
		border: '#5b6167',
		borderLow: '#4c5257',
		water: BASEMAP_BACKGROUND.dark,
		river: '#25394a',
		countryText: '#8c9296',
		countryTextKaz: '#b3b6b3',
		countryLocal: '#7f8589',
		cityText: '#d6d6d0',
		cityTextMinor: '#a9aaa5',
		halo: 'rgba(22,27,32,0.9)',
		dot: '#b9b9b2',
		dotStroke: '#1b2024',
		capitalRing: '#d6d6d0',
		cityLand: '#2c3033',
		cityLimit: '#6f767b',
		district: '#50575c',
		districtText: '#a3a9ad'
	}
};

/** Zoom where the 110m layers hand over to the 50m ones. */
