import { describe, expect, it } from 'vitest';
import { picturesNote, picturesPending } from './pictures-note';

const on = { enabled: true, pending: [], rendering: null, failed: [] };

describe('the toolbar’s line about the step pictures', () => {
	it('counts steps, not files: two languages of one step are one step', () => {
		const p = {
			...on,
			pending: [
				{ id: 'akimat', lang: 'fr' },
				{ id: 'akimat', lang: 'en' },
				{ id: 'spread', lang: 'en' }
			],
			rendering: { id: 'akimat', lang: 'fr' }
		};
		expect(picturesNote(p)).toBe('Pictures of 2 steps being redrawn…');
		expect(picturesNote({ ...on, pending: [{ id: 'akimat', lang: 'fr' }] })).toBe('Pictures of 1 step being redrawn…');
		expect(picturesPending(p)).toBe(true);
	});
	it('says which could not be redrawn, and that the old picture is still shown', () => {
		expect(picturesNote({ ...on, failed: [{ id: 'akimat', lang: 'fr', error: 'timed out' }] })).toBe(
			'The picture of step “akimat” could not be redrawn: the old one is still shown (timed out)'
		);
	});
	it('is up to date when nothing is pending, and silent when this server does not redraw pictures', () => {
		expect(picturesNote(on)).toBe('Pictures up to date');
		expect(picturesPending(on)).toBe(false);
		expect(picturesNote({ ...on, enabled: false, reason: 'QANTAR_STEP_PICTURES is off' })).toBe('');
		expect(picturesNote(null)).toBe('');
	});
});
