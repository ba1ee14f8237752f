/**
 * What a blocker's bar is on unless the lead picks another. Its own file: the experiment form (a client
 * component) reads it without the re-test rule's SQL.
 */
export const DEFAULT_BLOCKER_BENCHMARK = 'gpqa_diamond';
