/**
 * Values whose JSON the server made once — the story layers, ~250 KB of
 * GeoJSON — are sent to the browser as that JSON string (see `transport` in
 * src/hooks.ts) instead of being walked by SvelteKit's serializer on every
 * page it renders (that walk was most of a reader page's render time), and the
 * browser reads them back with JSON.parse, faster than a JavaScript literal.
 */
const registry = new WeakMap<object, string>();

/** Registers `value` with its JSON; `value` must not change afterwards (freeze it). */
export function preSerialize<T extends object>(value: T): T {
	registry.set(value, JSON.stringify(value));
	return value;
}

/** The JSON made for `value`, if it was registered. */
export const serializedOf = (value: unknown): string | undefined => (value !== null && typeof value === 'object' ? registry.get(value) : undefined);
