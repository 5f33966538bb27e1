/**
 * What changed between two versions of a layer (by feature id), and a merge of
 * my edits onto a newer server version: features only one side changed take
 * that side; features both changed are conflicts, kept as mine and listed.
 */
import type { Feature } from 'geojson';
import type { Changes } from '$lib/api/editor-api';

const idOf = (f: Feature) => String((f.properties as { id?: unknown } | null)?.id ?? '');
const same = (a: Feature, b: Feature) => JSON.stringify(a) === JSON.stringify(b);

export function diff(before: readonly Feature[], after: readonly Feature[]): Changes {
	const b = new Map(before.map((f) => [idOf(f), f]));
	const a = new Map(after.map((f) => [idOf(f), f]));
	return {
		added: [...a.keys()].filter((id) => !b.has(id)),
		modified: [...a.keys()].filter((id) => b.has(id) && !same(b.get(id)!, a.get(id)!)),
		removed: [...b.keys()].filter((id) => !a.has(id))
	};
}

export interface MergeResult {
	features: Feature[];
	mine: Changes;
	theirs: Changes;
	/** ids both sides changed: mine kept */
	conflicts: string[];
}

export function merge(base: readonly Feature[], mine: readonly Feature[], theirs: readonly Feature[]): MergeResult {
	const myChanges = diff(base, mine);
	const theirChanges = diff(base, theirs);
	const theirTouched = new Set([...theirChanges.added, ...theirChanges.modified, ...theirChanges.removed]);
	const conflicts = [...myChanges.added, ...myChanges.modified, ...myChanges.removed].filter((id) => theirTouched.has(id));
	const mineById = new Map(mine.map((f) => [idOf(f), f]));
	const removedByMe = new Set(myChanges.removed);
	const features: Feature[] = [];
	const seen = new Set<string>();
	for (const f of theirs) {
		const id = idOf(f);
		seen.add(id);
		if (removedByMe.has(id)) continue;
		features.push(mineById.has(id) && (myChanges.modified.includes(id) || myChanges.added.includes(id)) ? mineById.get(id)! : f);
	}
	for (const f of mine) if (!seen.has(idOf(f)) && myChanges.added.includes(idOf(f))) features.push(f);
	// a feature I modified that they removed comes back (mine kept), listed as a conflict
	for (const id of myChanges.modified) if (!seen.has(id) && mineById.has(id)) features.push(mineById.get(id)!);
	return { features, mine: myChanges, theirs: theirChanges, conflicts };
}
