// Labels a cartographer would sign off: at phone, tablet and desktop widths, for every step, no
// story label (nor a measured distance's) is under a control (progress marks, switches,
// attribution, scale, locator inset) or cut by the map's edge, and no two overlap. Measured from
// the boxes MapLibre placed (label-boxes.ts), one page load per width, stepping through the story.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { FEATURE_POINTS, STEPS } from './story-data';
import { waitForStep } from './helpers';
import { crosses, inside, mapAndControls, measureSegments, overlaps, placedLabelBoxes, type LabelBox } from './label-boxes';

const SIZES = [
	{ width: 375, height: 740 },
	{ width: 768, height: 1024 },
	{ width: 1280, height: 800 }
];
const STORY_LABELS = ['story-', 'measure-label'];
/** the basemap's district names (one per district, along their edges, and the one of the step's sites) */
const DISTRICT_LABELS = ['base-almaty-district-'];
const DISTRICTS: Feature<Polygon | MultiPolygon, { name_en: string }>[] = JSON.parse(
	readFileSync('static/geo/basemap/almaty-districts.geojson', 'utf8')
).features;
/** the districts the step's highlighted points are in (by the OSM polygons the map draws) */
const districtsOf = (ids: string[]) => [
	...new Set(
		ids.flatMap((id) => (FEATURE_POINTS.get(id) ?? []).flatMap((p) => DISTRICTS.filter((d) => booleanPointInPolygon(p, d)).map((d) => d.properties.name_en)))
	)
];
const fmt = (b: LabelBox) => `"${b.text}" (${b.layer}) at ${Math.round(b.left)},${Math.round(b.top)}–${Math.round(b.right)},${Math.round(b.bottom)}`;

for (const size of SIZES) {
	test(`story labels are whole, clear of the controls and of each other at ${size.width}px`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.setViewportSize(size);
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/?test');
		const problems: string[] = [];
		let measured = 0;
		for (const step of STEPS) {
			await page.locator(`.progress a[href="#${step.id}"]`).click();
			await waitForStep(page, step.id);
			const story = await placedLabelBoxes(page, STORY_LABELS);
			const { map, controls } = await mapAndControls(page);
			// district names count where a reader sees any of them (those wholly beyond the edge are not drawn)
			const districts = (await placedLabelBoxes(page, DISTRICT_LABELS)).filter((b) => overlaps(b, map));
			const labels = [...story, ...districts];
			const segments = await measureSegments(page);
			measured += story.length;
			for (const [i, a] of labels.entries()) {
				if (!inside(a, map)) problems.push(`${step.id}: ${fmt(a)} is cut by the map's edge`);
				for (const c of controls) if (overlaps(a, c.rect)) problems.push(`${step.id}: ${fmt(a)} is under the ${c.name}`);
				for (const b of labels.slice(i + 1)) if (overlaps(a, b)) problems.push(`${step.id}: ${fmt(a)} overlaps ${fmt(b)}`);
				for (const s of segments) if (crosses(s, a)) problems.push(`${step.id}: ${fmt(a)} crosses the measured distance's line`);
			}
			// at city zoom, the district of the step's sites is named on the map (the reader can tell where in the city it is)
			const zoom = await page.evaluate(() => window.qantar!.map.getZoom());
			if (zoom >= 10)
				for (const name of districtsOf(step.highlight))
					if (!districts.some((d) => d.text === name)) problems.push(`${step.id}: the district of its sites, "${name}", is not named on the map`);
			// every highlighted point keeps its label (country outlines have none)
			for (const id of step.highlight)
				if (!id.startsWith('country-') && !labels.some((l) => l.layer.endsWith('-label-highlight') && l.id === id))
					problems.push(`${step.id}: no label placed for the highlighted "${id}"`);
		}
		console.log(`${size.width}px: ${measured} story label boxes measured over ${STEPS.length} steps, ${problems.length} problems`);
		for (const p of problems) console.log(`  ${p}`);
		expect(measured).toBeGreaterThan(STEPS.length);
		expect(problems).toEqual([]);
	});
}
