/**
 * The story API's answers (docs/story-api.md), shared by the routes and the
 * story editor's client. Refusals are JSON like the layer API's:
 * { error, problems, ... } with the fields below.
 */
import type { DocumentProblem, StoryDocument } from '$lib/schema/story-document';
import type { CorrectionEntry } from '$lib/corrections/entry';

export type StoryRole = 'editor' | 'publisher';

/** GET /api/story */
export interface StoryResponse {
	document: StoryDocument;
	etag: string;
	draftRev: string;
	publishedRev: string;
	publishedAt: string;
	unpublishedChanges: boolean;
	role: StoryRole;
}

/** PUT /api/story: 200 */
export interface StorySaved {
	etag: string;
	/** the new revision, or null when the document was the draft already */
	rev: string | null;
}

/** PUT /api/story or POST /api/story/publish: 409 (changed: null when the editor's version is not in the history) */
export interface StoryConflict {
	error: string;
	etag: string;
	changed: string[] | null;
}

/** 422: each problem names the field by its path in the document (or ["note"] for a publish) */
export interface StoryProblems {
	error: string;
	problems: (DocumentProblem & { field: string })[];
}

/** GET /api/story/history */
export interface StoryHistory {
	revisions: { rev: string; author: string; date: string; message: string }[];
}

/** GET /api/story/history/<rev> */
export interface StoryRevision {
	rev: string;
	document: StoryDocument;
}

/** POST /api/story/publish body */
export interface PublishBody {
	etag: string;
	note: string;
	minor: boolean;
}

/** POST /api/story/publish: 200 (entries: [] when nothing changed) */
export interface Published {
	publishedRev: string;
	entries: CorrectionEntry[];
	/** the step pictures being drawn again after it */
	pictures: PicturesStatus;
}

/** GET /api/story/pictures, and `pictures` in a publish's answer: the step pictures being drawn again */
export interface PicturesStatus {
	/** false: pictures are not drawn again on this server (reason says why); the build's are served */
	enabled: boolean;
	reason?: string;
	/** pictures still to draw (the one being drawn included), one per step and language */
	pending: { id: string; lang: string }[];
	rendering: { id: string; lang: string } | null;
	/** given up on after several attempts (the old picture is served) until the step changes again */
	failed: { id: string; lang: string; error: string }[];
}
