// Editor benchmark on a 10,000-feature layer: load (parse + the editor's checks
// of every feature), an edit (one field, with undo history and re-checks), and a
// save (serialise + the server's full validation). Prints timings; asserts
// nothing. Loads the TypeScript modules through Vite (same code as the app).
//   node scripts/bench-editor.js [count]
import { createServer } from 'vite';

const N = Number(process.argv[2] ?? 10_000);
const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
try {
	const model = await vite.ssrLoadModule('/src/lib/editor/feature-model.ts');
	const history = await vite.ssrLoadModule('/src/lib/editor/history.ts');
	const edit = await vite.ssrLoadModule('/src/lib/schema/validate-edit.ts');
	const { toCsv } = await vite.ssrLoadModule('/src/lib/editor/io.ts');

	const features = Array.from({ length: N }, (_, i) => ({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [50 + (i % 400) * 0.09, 40 + Math.floor(i / 400) * 0.3] },
		properties: {
			id: `bench-${i}`,
			name_fr: `Lieu ${i}`,
			name_en: `Place ${i}`,
			kind: 'city',
			start: '2022-01-05',
			date_precision: 'day',
			description_fr: '',
			description_en: '',
			sources: ['https://example.org/bench'],
			confidence: 'medium',
			in_article: false
		}
	}));
	const text = JSON.stringify({ type: 'FeatureCollection', features });
	const ctx = { otherLayerIds: new Map(), retiredIds: new Set(), knownIds: new Set(features.map((f) => f.properties.id)) };
	const time = (label, fn) => {
		const t = performance.now();
		const out = fn();
		console.log(`${label.padEnd(48)} ${(performance.now() - t).toFixed(1).padStart(8)} ms`);
		return out;
	};

	console.log(`layer of ${N} features, ${(text.length / 1e6).toFixed(2)} MB`);
	const parsed = time('load: JSON.parse', () => JSON.parse(text));
	const edits = time('load: to editor features', () => parsed.features.map((f, i) => ({ key: `f${i}`, geometry: f.geometry, properties: { ...f.properties } })));
	const counts = new Map(edits.map((f) => [f.properties.id, 1]));
	time('load: check every feature (form errors)', () => edits.map((f) => model.checkFeature(f, 'bench.geojson', ctx, counts)));
	let h = history.createHistory(edits);
	time('edit: one field + history push', () => {
		const next = edits.map((f, i) => (i === 1234 ? { ...f, properties: model.setField(f.properties, 'name_en', 'Edited') } : f));
		h = history.push(h, next, 'f1234:name_en');
	});
	time('edit: re-check the edited feature', () => model.checkFeature(h.present[1234], 'bench.geojson', ctx, counts));
	time('edit: 100 undo + 100 redo', () => {
		for (let i = 0; i < 100; i++) h = history.undo(h);
		for (let i = 0; i < 100; i++) h = history.redo(h);
	});
	const body = time('save: serialise the layer', () => JSON.stringify(model.toCollection(h.present)));
	time('save: server validation (validateEditedLayer)', () => edit.validateEditedLayer(body, { file: 'bench.geojson', ...ctx }));
	time('export: CSV', () => toCsv(model.toCollection(h.present)));
} finally {
	await vite.close();
}
