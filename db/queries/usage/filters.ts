import { sql, type SQL } from 'drizzle-orm';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';

/**
 * Which usage rows a dashboard figure reads, as SQL on `usage_daily u`. Usage carries a day, a team, a vendor and
 * a model, so of the dashboard's filters the period, team, vendor and model apply; the others describe
 * experiments (work type, status…) and narrow only the experiment side of a comparison.
 *
 * `scope` is the caller's own teams (teamScope(user).leadsOwnTeams: a lead), or null for every team. A scoped
 * caller sees only usage mapped to those teams: unmapped usage is no team's, so it is not theirs either.
 */
export type UsageScope = readonly number[] | null;
export type UsageFilters = Pick<DashboardFilters, 'period' | 'team' | 'vendor' | 'model'>;

const list = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** The filters and scope without the period (usage_rollup's and usage_rollup_month's rows have the same columns: db/queries/usage/slice.ts). */
export function usageRowWhere(f: UsageFilters, scope: UsageScope): SQL {
  const c: SQL[] = [sql`true`];
  if (f.team) c.push(sql`u.team_id in (${list(f.team)})`);
  if (scope) c.push(scope.length ? sql`u.team_id in (${list(scope)})` : sql`false`);
  if (f.model?.length) c.push(sql`u.model_id in (select id from ai_models where slug in (${list(f.model)}))`);
  // A resolved model's catalog vendor; else the vendor the source named (case aside: "openai" is OpenAI).
  if (f.vendor?.length)
    c.push(sql`(u.model_id in (select id from ai_models where vendor in (${list(f.vendor)}))
      or (u.model_id is null and lower(u.vendor) in (${list(f.vendor.map((v) => v.toLowerCase()))})))`);
  return sql.join(c, sql` and `);
}
