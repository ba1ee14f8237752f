import { z } from 'zod';
import { experimentFiltersSchema, type ExperimentFilters } from './experiment-filters';
import { experimentFiltersToSearch } from './filter-search';
import { cleanText } from '@/lib/security/clean-text';
import { PERIOD_PRESETS, previousPeriod, resolvePeriod, type Period, type PeriodPreset } from '@/lib/metrics/period';

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

/** The slice of experiments every dashboard figure is computed over (besides its period). */
export type DashboardSlice = Partial<Pick<ExperimentFilters, 'team' | 'workType' | 'vendor' | 'model'>>;

/** What every db/queries/dashboard-* function takes: the slice, the period and the previous one, and "today". */
export type DashboardFilters = DashboardSlice & {
  period: Period;
  /** null for "all time": there is nothing before it to compare with */
  previous: Period | null;
  /** ISO date a running experiment's interval ends on */
  today: string;
};

export function parseDashboardParams(input: Record<string, string | string[] | undefined> | URLSearchParams): DashboardParams {
  const flat: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input);
  for (const [k, v] of entries) if (v !== undefined) flat[k] = cleanText(Array.isArray(v) ? v.join(',') : v);
  return dashboardParamsSchema.parse(flat);
}

export function effectivePreset(p: DashboardParams): PeriodPreset {
  return p.period ?? (p.from || p.to ? 'custom' : '90d');
}

/**
 * URL parameters → the filters the queries take. `myTeamIds` replaces the team list when "my teams"
 * is on (a lead's memberships, from the session — never from the URL).
 */
export function resolveDashboardFilters(
  p: DashboardParams,
  ctx: { today: string; earliest?: string; myTeamIds?: number[] },
): DashboardFilters {
  const preset = effectivePreset(p);
  const period = resolvePeriod(preset, ctx.today, { from: p.from, to: p.to, earliest: ctx.earliest });
  const team = p.mine ? (ctx.myTeamIds?.length ? ctx.myTeamIds : [0]) : p.team;
  return {
    team,
    workType: p.workType,
    vendor: p.vendor,
    model: p.model,
    period,
    previous: preset === 'all' ? null : previousPeriod(period),
    today: ctx.today,
  };
}

/** The shareable link's query string: in filter-search.ts, zod-free for the client filter bar. */
export { dashboardParamsToSearch } from './filter-search';

/**
 * The /experiments link listing exactly the experiments behind a figure: the dashboard's slice plus
 * the figure's own conditions (active or completed in a period, a mindset, an outcome type…).
 */
export function drillDownHref(f: DashboardFilters, extra: Partial<ExperimentFilters>): string {
  const search = experimentFiltersToSearch({ team: f.team, workType: f.workType, vendor: f.vendor, model: f.model, ...extra });
  return search ? `/experiments?${search}` : '/experiments';
}
