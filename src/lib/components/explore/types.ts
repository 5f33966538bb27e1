import type { FeatureProperties } from '$lib/schema/feature';
import type { DateStatus } from '$lib/explore/dates';

/** A dated feature as the dashboard lists it. */
export interface ExploreEvent {
	id: string;
	layerId: string;
	color: string;
	props: FeatureProperties;
	status: DateStatus;
	uncertain: boolean;
	/** the story step that highlights it, if any */
	step?: { id: string; title: string };
}
