// The pages' icon is written inline (src/app.html; the bench's floor page links the same): Chromium
// reads a page's icon again at each same-document navigation, and the story's address follows the
// step read (#step). Inline, that is no request per step (issue 22). Its source is static/favicon.png.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const png = readFileSync('static/favicon.png');
const iconOf = (file: string) => readFileSync(file, 'utf8').match(/<link\s+rel="icon"\s+href="data:image\/png;base64,([^"]+)"/)?.[1];

describe('the page icon, inline', () => {
	it('is static/favicon.png, a 32 px PNG, on the app pages and on the bench floor alike', () => {
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);
		expect(iconOf('src/app.html')).toBe(png.toString('base64'));
		expect(iconOf('scripts/bench/floor/index.html')).toBe(png.toString('base64'));
	});
});
