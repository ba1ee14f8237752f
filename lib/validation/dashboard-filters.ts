import { z } from 'zod';
import { experimentFiltersSchema, type ExperimentFilters } from './experiment-filters';
import { experimentFiltersToSearch } from './filter-search';
import { cleanText } from '@/lib/security/clean-text';
import { comparedPeriod, PERIOD_PRESETS, resolvePeriod, type Period, type PeriodPreset } from '@/lib/metrics/period';

/**
 * The dashboard's URL parameters: the period and the slice (team, work type, vendor, model, my teams).
 * The slice uses the experiment filter contract's own names and parsers, so a drill-down link is the
 * dashboard's slice plus the figure's own conditions.
 *
 *   period   90d | quarter | 12m | all | custom     default 90d; from/to alone mean custom
 *   from, to custom period bounds (YYYY-MM-DD)
 *   team, workType, vendor, model, mine            as in lib/validation/experiment-filters.ts
 */
const sliceSchema = experimentFiltersSchema.pick({ team: true, workType: true, vendor: true, model: true, mine: true, from: true, to: true });

export const dashboardParamsSchema = sliceSchema.extend({
  period: z
    .string()
    .optional()
    .transform((s) => ((PERIOD_PRESETS as readonly string[]).includes(s ?? '') ? (s as PeriodPreset) : undefined)),
});

export type DashboardParams = z.output<typeof dashboardParamsSchema>;

/**
 * The filters of the experiment contract that narrow the set of experiments: all but the period (from/to),
 * `mine` (resolved into teams), the order and the page. The dashboard's own bar sets team, work type, vendor
 * and model; the exports and the report pass any of them, so every file shows the dashboard's figures for
 * exactly its own filters instead of a second definition.
 */
export const SLICE_KEYS = [
  'q', 'team', 'status', 'mindset', 'workType', 'sensitivity', 'outcomeType', 'model', 'vendor',
  'completedFrom', 'completedTo', 'outcomeFrom', 'outcomeTo', 'impact', 'hasOutcomes', 'exploration', 'minImpact',
  'blocked', 'privacy', 'retest', 'archived',
] as const satisfies readonly (keyof ExperimentFilters)[];
export type SliceKey = (typeof SLICE_KEYS)[number];

/** The slice of experiments every dashboard figure is computed over (besides its period). */
export type DashboardSlice = Partial<Pick<ExperimentFilters, SliceKey>>;

/** The slice part of any filters, set keys only (so it serialises the same whatever the caller left unset). */
export function sliceOf(f: Partial<Record<SliceKey, unknown>>): DashboardSlice {
  const out: Record<string, unknown> = {};
  for (const k of SLICE_KEYS) if (f[k] !== undefined) out[k] = f[k];
  return out as DashboardSlice;
}

/** What every db/queries/dashboard-* function takes: the slice, the period and the previous one, and "today". */
export type DashboardFilters = DashboardSlice & {
  period: Period;
  /** null for "all time": there is nothing before it to compare with */
  previous: Period | null;
  /** ISO date a running experiment's interval ends on: today in the organisation's time zone */
  today: string;
  /** the month the fiscal year starts in (org_settings; 1 when unset): quarters and the shift follow it */
  fyStart?: number;
};

export function parseDashboardParams(input: Record<string, string | string[] | undefined> | URLSearchParams): DashboardParams {
  const flat: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input);
  for (const [k, v] of entries) if (v !== undefined) flat[k] = cleanText(Array.isArray(v) ? v.join(',') : v);
  return dashboardParamsSchema.parse(flat);
}

export function effectivePreset(p: Pick<Partial<DashboardParams>, 'period' | 'from' | 'to'>): PeriodPreset {
  return p.period ?? (p.from || p.to ? 'custom' : '90d');
}

/**
 * URL parameters → the filters the queries take. `myTeamIds` replaces the team list when "my teams"
 * is on (a lead's memberships, from the session — never from the URL).
 */
export function resolveDashboardFilters(
  p: DashboardSlice & Partial<Pick<DashboardParams, 'from' | 'to' | 'mine' | 'period'>>,
  ctx: { today: string; earliest?: string; myTeamIds?: number[]; fyStart?: number },
): DashboardFilters {
  const preset = effectivePreset(p);
  const period = resolvePeriod(preset, ctx.today, { from: p.from, to: p.to, earliest: ctx.earliest, fyStart: ctx.fyStart });
  return {
    ...sliceOf(p),
    team: p.mine ? (ctx.myTeamIds?.length ? ctx.myTeamIds : [0]) : p.team,
    period,
    previous: comparedPeriod(preset, period),
    today: ctx.today,
    ...(ctx.fyStart && ctx.fyStart !== 1 ? { fyStart: ctx.fyStart } : {}),
  };
}

/**
 * The dashboard's filters for a set of experiment filters (the exports', the report's, the Reports page's):
 * the same slice, the filters' from/to as a custom period, or the dashboard's default period without them.
 * Scope a lead's filters first (teamScope(user).scopeFilters).
 */
export function headlineFilters(
  f: Partial<ExperimentFilters>,
  ctx: { today: string; earliest?: string; userTeamIds?: number[]; fyStart?: number },
): DashboardFilters {
  // `mine` narrows the chosen teams here, as the list's filter does (both conditions hold).
  const mine = ctx.userTeamIds ?? [];
  const team = f.mine ? (f.team ? mine.filter((t) => f.team!.includes(t)) : mine) : f.team;
  return resolveDashboardFilters(
    { ...sliceOf(f), team: team && team.length === 0 ? [0] : team, from: f.from, to: f.to },
    { today: ctx.today, earliest: ctx.earliest, fyStart: ctx.fyStart },
  );
}

/** The shareable link's query string: in filter-search.ts, zod-free for the client filter bar. */
export { dashboardParamsToSearch } from './filter-search';

/**
 * The /experiments link listing exactly the experiments behind a figure: the dashboard's slice plus
 * the figure's own conditions (active or completed in a period, a mindset, an outcome type…).
 */
export function drillDownHref(f: DashboardFilters, extra: Partial<ExperimentFilters>): string {
  const search = experimentFiltersToSearch({ ...sliceOf(f), ...extra });
  return search ? `/experiments?${search}` : '/experiments';
}
