/**
 * MapLibre's option not to validate a value again. For the values the view appliers build from the
 * validated story and style (opacities, the style's own label filters and expressions, the basemap
 * de-duplication's filters), each checked by the unit tests with MapLibre's own validation and
 * evaluation: at 4× CPU MapLibre's validation of the ~20 values a step sets was a good part of
 * applyView's 1.7 s over the story, the de-duplication's three filters 165 ms of a walk (issue 22).
 */
export const TRUSTED = { validate: false } as const;
