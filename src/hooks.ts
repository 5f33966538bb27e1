import type { Transport } from '@sveltejs/kit';
import { serializedOf } from '$lib/transport/pre-serialized';

/** Values the server serialised once go out as their JSON string and come back with JSON.parse (src/lib/transport/pre-serialized.ts). */
export const transport: Transport = {
	PreSerialized: {
		encode: (value) => serializedOf(value) ?? false,
		decode: (json: string) => JSON.parse(json)
	}
};
