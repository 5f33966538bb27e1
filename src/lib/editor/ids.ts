/** Feature ids from names: kebab-case, unique, never one used before. */

export function slugify(name: string): string {
	const s = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 70)
		.replace(/-+$/g, '');
	return s || 'feature';
}

/** A kebab-case id from `name` not in `taken` (ids of every layer, and ids removed before). */
export function uniqueId(name: string, taken: { has(id: string): boolean }): string {
	const base = slugify(name);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) {
		const id = `${base}-${n}`;
		if (!taken.has(id)) return id;
	}
}
