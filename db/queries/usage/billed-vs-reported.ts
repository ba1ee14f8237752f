import { inArray, sql } from 'drizzle-orm';
import { teams } from '../../schema';
import type { Queryable } from '../../types';
import { rawRows } from '../../sql';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { monthBuckets } from '@/lib/metrics/period';
import { explainGap, type GapReason } from '@/lib/metrics/billed-vs-reported';
import { MICROS_PER_CENT, type SpendTotal } from '@/lib/metrics/usage-currency';
import { activeIn, effectiveSpendSql, monthsTable, sliceWhere } from '../dashboard/scope';
import { getUsageByTeam, UNMAPPED } from './telemetry';
import type { UsageScope } from './filters';
import type { FxContext } from './fx-rates';

/**
 * Each team's billed spend (imported usage, converted: lib/metrics/usage-currency.ts) beside the spend its
 * experiments report, over the dashboard's period. Reported spend is the dashboard's own spend figure (the
 * monthly run-rate of each experiment active that month: latest check-in, else the experiment's own; the same
 * month join as the efficiency chart) summed over the period's months, a month the period covers only in part
 * counting in proportion to its days. The gap is billed − reported, with its reason (lib/metrics/billed-vs-reported.ts).
 */
export type BilledVsReportedRow = {
  teamId: number | null;
  team: string;
  billed: SpendTotal;
  /** micro-units of the reporting currency */
  reportedMicros: number;
  /** experiments active in the period that report a spend figure */
  reportingExperiments: number;
  gapMicros: number;
  reason: GapReason;
};

/** Reported spend per team, in cents of the reporting currency (experiments in the dashboard's slice and the scope). */
async function reportedByTeam(db: Queryable, f: DashboardFilters, scope: UsageScope): Promise<Map<number, { cents: number; experiments: number }>> {
  const buckets = monthBuckets(f.period);
  const scoped = scope ? (scope.length ? sql`"experiments"."team_id" in (${sql.join(scope.map((t) => sql`${t}`), sql`, `)})` : sql`false`) : sql`true`;
  const rows = await rawRows<{ team_id: number; cents: number; experiments: number }>(
    db,
    sql`with eff as materialized (
        select "experiments"."id" as id, "experiments"."team_id" as team_id, "experiments"."start_date" as start_date,
          "experiments"."end_date" as end_date, ${effectiveSpendSql} as spend
        from experiments where ${sliceWhere(f)} and ${activeIn(f.period, f.today)} and ${scoped} and ${effectiveSpendSql} > 0)
      select eff.team_id, sum(eff.spend * ((m.m_to - m.m_from + 1)::float8
          / extract(day from (date_trunc('month', m.m_from::timestamp) + interval '1 month - 1 day'))))::float8 as cents,
        count(distinct eff.id)::int as experiments
      from ${monthsTable(buckets)} join eff on eff.start_date <= m.m_to and coalesce(eff.end_date, ${f.today}::date) >= m.m_from
      group by eff.team_id`,
  );
  return new Map(rows.map((r) => [Number(r.team_id), { cents: Number(r.cents), experiments: Number(r.experiments) }]));
}

export async function getBilledVsReported(db: Queryable, f: DashboardFilters, scope: UsageScope, fx?: FxContext): Promise<BilledVsReportedRow[]> {
  const [billed, reported] = await Promise.all([getUsageByTeam(db, f, scope, fx), reportedByTeam(db, f, scope)]);
  const billedById = new Map(billed.filter((b) => b.teamId != null).map((b) => [b.teamId!, b]));
  const ids = [...new Set([...billedById.keys(), ...reported.keys()])];
  const names = new Map((ids.length ? await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, ids)) : []).map((t) => [t.id, t.name]));
  const rows: BilledVsReportedRow[] = ids.map((id) => {
    const b = billedById.get(id)?.spend ?? { reportingMicros: 0, unconverted: [], ratesUsed: [] };
    const r = reported.get(id) ?? { cents: 0, experiments: 0 };
    const reportedMicros = Math.round(r.cents * MICROS_PER_CENT);
    return {
      teamId: id,
      team: names.get(id) ?? `Team ${id}`,
      billed: b,
      reportedMicros,
      reportingExperiments: r.experiments,
      gapMicros: b.reportingMicros - reportedMicros,
      reason: explainGap({ billedMicros: b.reportingMicros, reportedMicros, unconverted: b.unconverted.length > 0, mapped: true }),
    };
  });
  rows.sort((a, b) => Math.abs(b.gapMicros) - Math.abs(a.gapMicros) || a.team.localeCompare(b.team));
  const unmapped = billed.find((b) => b.teamId == null);
  if (unmapped)
    rows.push({
      teamId: null,
      team: UNMAPPED,
      billed: unmapped.spend,
      reportedMicros: 0,
      reportingExperiments: 0,
      gapMicros: unmapped.spend.reportingMicros,
      reason: explainGap({ billedMicros: unmapped.spend.reportingMicros, reportedMicros: 0, unconverted: unmapped.spend.unconverted.length > 0, mapped: false }),
    });
  return rows;
}
