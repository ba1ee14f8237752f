/**
 * The code a choice nobody made yet has where a code is needed (a filter value, a chart series, a summary
 * key): work type, mindset and data sensitivity are null after quick capture. Its SQL half is
 * inListOrNotSet in db/queries/experiments/filters.ts and the rollup's coalesce in db/derived/insights-rollup.sql.
 */
export const NOT_SET = 'not_set' as const;
export type NotSet = typeof NOT_SET;
