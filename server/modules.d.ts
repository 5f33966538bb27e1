// Types of the three small middleware libraries the server uses, as it uses them
// (their own typings are written for Express).
declare module 'compression' {
	import type { IncomingMessage, ServerResponse } from 'node:http';
	import type { BrotliOptions, ZlibOptions } from 'node:zlib';
	type Filter = (req: IncomingMessage, res: ServerResponse) => boolean;
	interface Options extends ZlibOptions {
		filter?: Filter;
		threshold?: number | string;
		brotli?: BrotliOptions;
	}
	function compression(options?: Options): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
	namespace compression {
		const filter: Filter;
	}
	export default compression;
}

declare module 'on-headers' {
	import type { ServerResponse } from 'node:http';
	/** Calls `listener` (this = res) just before the response's headers are written, whoever writes them. */
	export default function onHeaders(res: ServerResponse, listener: (this: ServerResponse) => void): void;
}

declare module 'negotiator' {
	import type { IncomingMessage } from 'node:http';
	export default class Negotiator {
		constructor(req: IncomingMessage);
		encoding(available?: string[], preferred?: string[]): string | undefined;
	}
}
