import { describe, expect, it } from 'vitest';
import { contentDocument } from './published';
import { documentOf, serialise } from './story-store';
import { storyTreeOf } from './story-requests';

describe('the story files', () => {
	it('read back as the document they were written from', () => {
		const doc = contentDocument('content');
		expect(documentOf(serialise(doc))).toEqual(doc);
	});
	it('keep a paragraph on one line (diffs stay per paragraph)', () => {
		const fr = serialise(contentDocument('content')).fr;
		const long = (contentDocument('content').text.fr as { steps: { akimat: { body: string[] } } }).steps.akimat.body[0]!;
		expect(fr.split('\n').some((l) => l.includes(long))).toBe(true);
	});
});

describe('the ETag of a draft', () => {
	it.each([
		[null, /required/],
		['*', /must be the ETag/],
		['W/"abc"', /must be the ETag/]
	])('refuses %s with 428', (value, message) => {
		expect(() => storyTreeOf(value, 'If-Match')).toThrow(message);
	});
	it('gives the tree id', () => {
		expect(storyTreeOf(`"${'a'.repeat(40)}"`, 'If-Match')).toBe('a'.repeat(40));
	});
});
