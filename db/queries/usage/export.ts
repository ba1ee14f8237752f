import { sql } from 'drizzle-orm';
import type { Queryable } from '../../types';
import { rawRows } from '../../sql';
import { convertBill, rateFor } from '@/lib/metrics/usage-currency';
import { usageMonthSql } from '@/lib/metrics/usage-buckets';
import { loadFxContext } from './fx-rates';
import type { UsageFilters, UsageScope } from './filters';
import { usageSlice } from './slice';
import { UNMAPPED } from './telemetry';

/**
 * The usage behind the dashboard's telemetry, for the exports: one row per month, source, team, vendor, model and
 * bill currency, with the bill converted at the month's rate (or flagged when there is none). Active users are
 * the month's daily maximum for the row, as on the dashboard.
 */
export type UsageExportRow = {
  month: string;
  source: string;
  team: string;
  vendor: string;
  model: string;
  externalModel: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  activeUsers: number | null;
  costMicros: number;
  currency: string;
  rate: number | null;
  reportingMicros: number | null;
  reportingCurrency: string;
};

export async function usageExportRows(db: Queryable, f: UsageFilters, scope: UsageScope): Promise<UsageExportRow[]> {
  const slice = await usageSlice(db, f, scope, 'month');
  const [fx, rows] = await Promise.all([
    loadFxContext(db, f.period),
    rawRows<{ month: string; source: string; team: string | null; vendor: string; model: string | null; external_model: string; rq: number; it: number; ot: number; au: number | null; cost: number; currency: string }>(
      db,
      sql`select ${usageMonthSql(sql`u.day`)} as month, u.source, t.name as team, coalesce(am.vendor, u.vendor) as vendor, am.name as model, u.external_model,
          sum(u.requests)::float8 as rq, sum(u.input_tokens)::float8 as it, sum(u.output_tokens)::float8 as ot, max(u.active_users) as au,
          sum(u.cost_micros)::float8 as cost, u.currency
        from ${slice} u left join teams t on t.id = u.team_id left join ai_models am on am.id = u.model_id
        group by 1, 2, 3, 4, 5, 6, 12
        order by 1, 3 nulls last, 4, 5 nulls last, 6, 2, 12`,
    ),
  ]);
  return rows.map((r) => {
    const costMicros = Number(r.cost);
    const part = { month: r.month, currency: r.currency, costMicros };
    return {
      month: r.month,
      source: r.source,
      team: r.team ?? UNMAPPED,
      vendor: r.vendor,
      model: r.model ?? '',
      externalModel: r.external_model,
      requests: Number(r.rq),
      inputTokens: Number(r.it),
      outputTokens: Number(r.ot),
      activeUsers: r.au == null ? null : Number(r.au),
      costMicros,
      currency: r.currency,
      rate: rateFor(r.month, r.currency, fx.reporting, fx.rates),
      reportingMicros: convertBill(part, fx.reporting, fx.rates),
      reportingCurrency: fx.reporting,
    };
  });
}
