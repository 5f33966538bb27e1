// What the reader pages get of a cited source: what a citation shows, never the editors' research note.
import { describe, expect, it } from 'vitest';
import { loadSources, sourcesFor } from './sources-loader';

describe('sourcesFor: the sources a page cites, as readers see them', () => {
	it('keeps what a citation shows (and its caveat), not the id it is keyed by nor the editors’ note', () => {
		const id = 'wikipedia-en-alatau-almaty-region';
		const full = loadSources().get(id)!;
		expect(full.note).toBeTruthy(); // the registry has a note for editors on this one
		const out = sourcesFor([id, 'no-such-source']);
		const shown = out[id]!;
		expect(Object.keys(out)).toEqual([id]);
		expect(shown).not.toHaveProperty('note');
		expect(shown).not.toHaveProperty('id');
		expect(shown).toEqual({ url: full.url, title: full.title, headline: false, publisher: full.publisher, date: null, lang: 'en', caveat: full.caveat });
	});
});
