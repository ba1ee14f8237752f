import { z } from 'zod';
import { MINDSETS, SENSITIVITIES, STATUSES, WORK_TYPES } from '@/db/schema/experiments';
import { OUTCOME_TYPES } from '@/db/schema/outcomes';
import { NOT_SET } from '@/lib/labels';
import { cleanText } from '@/lib/security/clean-text';
import { isId } from './ids';
import { isRealDay } from './day';

/**
 * The experiment filters, as URL parameters. One contract for the /experiments list, the dashboard's
 * drill-downs and the exports: a link with these parameters reproduces exactly the same set.
 *
 *   q              text in title, description, hypothesis, target metric, blocker or learnings, or in one
 *                  of its capability outcomes or techniques (db/queries/experiments/search.ts)
 *   team           team ids, comma-separated            e.g. team=1,3
 *   status, mindset, workType, sensitivity, outcomeType   enum values, comma-separated
 *                  (mindset, workType, sensitivity also `not_set`: nobody chose one yet)
 *   model          model slugs used (primary or compared), comma-separated
 *   vendor         vendors of models used, comma-separated
 *   from, to       ACTIVE in the period: running interval [start, end or today] overlaps [from, to]
 *   completedFrom, completedTo   status completed with end date in [completedFrom, completedTo]
 *   hasOutcomes    yes | no      at least one capability outcome / none
 *   exploration    yes | no      an open-ended exploration / a measured experiment
 *   outcomeFrom, outcomeTo       has a capability outcome recorded in [outcomeFrom, outcomeTo]; with
 *                  outcomeType / impact / minImpact the SAME outcome must match them all (dashboard drill-downs)
 *   impact         1–5, comma-separated   has a capability outcome with exactly that impact
 *   minImpact      1–5           has a capability outcome with impact ≥ n
 *   blocked        yes           blocked because the model was not capable enough
 *   privacy        yes           privacy-flagged (see db/queries/experiments/filters.ts)
 *   retest         yes           re-test candidate (see db/queries/experiments/filters.ts)
 *   archived       only | include   default: archived experiments are left out
 *   mine           yes           only teams the signed-in user belongs to
 *   sort, dir      column key, asc | desc
 *   page           1-based page number
 */

function list<T extends string>(values: readonly T[]) {
  return z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').filter((v): v is T => (values as readonly string[]).includes(v)) : undefined))
    .transform((v) => (v && v.length ? v : undefined));
}

const idList = z
  .string()
  .optional()
  .transform((s) => {
    // Beyond the id range (team=99999999999) is malformed like any other bad value: left out.
    const ids = s ? s.split(',').map(Number).filter(isId) : [];
    return ids.length ? ids : undefined;
  });

const textList = z
  .string()
  .optional()
  .transform((s) => {
    const items = s ? s.split(',').map((v) => v.trim()).filter((v) => v.length > 0 && v.length <= 100) : [];
    return items.length ? items : undefined;
  });

const date = z
  .string()
  .optional()
  .transform((s) => (s && isRealDay(s) ? s : undefined));

const yes = z
  .string()
  .optional()
  .transform((s) => (s === 'yes' ? true : undefined));

export const SORT_KEYS = ['title', 'team', 'status', 'mindset', 'workType', 'startDate', 'endDate', 'hoursSaved', 'spend', 'outcomes', 'updatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const experimentFiltersSchema = z.object({
  q: z
    .string()
    .optional()
    .transform((s) => (s && s.trim() ? s.trim().slice(0, 200) : undefined)),
  team: idList,
  status: list(STATUSES),
  // `not_set` selects experiments where nobody chose the value yet (quick capture).
  mindset: list([...MINDSETS, NOT_SET]),
  workType: list([...WORK_TYPES, NOT_SET]),
  sensitivity: list([...SENSITIVITIES, NOT_SET]),
  outcomeType: list(OUTCOME_TYPES),
  model: textList,
  vendor: textList,
  from: date,
  to: date,
  completedFrom: date,
  completedTo: date,
  outcomeFrom: date,
  outcomeTo: date,
  impact: z
    .string()
    .optional()
    .transform((s) => {
      const ns = s ? s.split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= 5) : [];
      return ns.length ? ns : undefined;
    }),
  hasOutcomes: z
    .string()
    .optional()
    .transform((s) => (s === 'yes' || s === 'no' ? s : undefined)),
  exploration: z
    .string()
    .optional()
    .transform((s) => (s === 'yes' || s === 'no' ? s : undefined)),
  minImpact: z
    .string()
    .optional()
    .transform((s) => {
      const n = Number(s);
      return Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
    }),
  blocked: yes,
  privacy: yes,
  retest: yes,
  archived: z
    .string()
    .optional()
    .transform((s) => (s === 'only' || s === 'include' ? s : undefined)),
  mine: yes,
  sort: z
    .string()
    .optional()
    .transform((s) => ((SORT_KEYS as readonly string[]).includes(s ?? '') ? (s as SortKey) : undefined)),
  dir: z
    .string()
    .optional()
    .transform((s) => (s === 'asc' || s === 'desc' ? s : undefined)),
  page: z
    .string()
    .optional()
    .transform((s) => {
      const n = Number(s);
      return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
    }),
});

export type ExperimentFilters = z.output<typeof experimentFiltersSchema>;

/** Parses URLSearchParams or Next's searchParams object; unknown or malformed values are dropped, never an error. */
export function parseExperimentFilters(input: URLSearchParams | Record<string, string | string[] | undefined>): ExperimentFilters {
  const flat: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input);
  for (const [k, v] of entries) {
    if (v === undefined) continue;
    // A URL can carry any byte (%00): text goes to the database only as PostgreSQL can store it.
    flat[k] = cleanText(Array.isArray(v) ? v.join(',') : v);
  }
  return experimentFiltersSchema.parse(flat);
}

/** The inverse (filters → query string) lives in filter-search.ts, zod-free for client components. */
export { experimentFiltersToSearch } from './filter-search';
