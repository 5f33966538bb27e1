/**
 * Where JSON text stops being valid: the offset, line and column of the first
 * syntax error. Browsers and node versions word JSON.parse errors differently
 * and not all give a position, so the editor and the API scan for it
 * themselves (only after JSON.parse failed). Pure, browser-safe.
 */
export interface JsonErrorAt {
	offset: number;
	line: number;
	column: number;
	expected: string;
}

export function jsonErrorAt(text: string): JsonErrorAt | null {
	let i = 0;
	const ws = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
	};
	const fail = (expected: string): never => {
		throw { offset: i, expected };
	};
	const literal = (word: string) => {
		if (text.startsWith(word, i)) i += word.length;
		else fail(`a JSON value`);
	};
	const string = () => {
		i++;
		while (i < text.length) {
			const c = text.charCodeAt(i);
			if (c === 34) return void i++;
			if (c < 32) fail('a closing quote (control characters must be escaped)');
			if (c === 92) {
				const e = text[i + 1];
				if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
				else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
				else {
					i++;
					fail('a valid escape');
				}
			} else i++;
		}
		fail('a closing quote');
	};
	const number = () => {
		const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
		if (!m) fail('a JSON value');
		i += m![0].length;
	};
	const value = (depth: number): void => {
		if (depth > 512) fail('less nesting');
		ws();
		const c = text[i];
		if (c === '{') {
			i++;
			ws();
			if (text[i] === '}') return void i++;
			for (;;) {
				ws();
				if (text[i] !== '"') fail('a property name in double quotes');
				string();
				ws();
				if (text[i] !== ':') fail('":"');
				i++;
				value(depth + 1);
				ws();
				if (text[i] === ',') i++;
				else if (text[i] === '}') return void i++;
				else fail('"," or "}"');
			}
		} else if (c === '[') {
			i++;
			ws();
			if (text[i] === ']') return void i++;
			for (;;) {
				value(depth + 1);
				ws();
				if (text[i] === ',') i++;
				else if (text[i] === ']') return void i++;
				else fail('"," or "]"');
			}
		} else if (c === '"') string();
		else if (c === 't') literal('true');
		else if (c === 'f') literal('false');
		else if (c === 'n') literal('null');
		else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
		else fail('a JSON value');
	};
	try {
		value(0);
		ws();
		if (i < text.length) fail('the end of the text');
		return null;
	} catch (e) {
		if (!(e && typeof e === 'object' && 'offset' in e)) return null;
		const { offset, expected } = e as { offset: number; expected: string };
		const before = text.slice(0, offset);
		const line = before.split('\n').length;
		return { offset, line, column: offset - before.lastIndexOf('\n'), expected };
	}
}
