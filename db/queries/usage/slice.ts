import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../types';
import { rawRows } from '../../sql';
import type { UsageGranularity } from '@/lib/metrics/usage-buckets';
import { splitUsagePeriod } from '@/lib/metrics/usage-segments';
import { usageRowWhere, type UsageFilters, type UsageScope } from './filters';

/** The columns a slice row has: usage_daily's figures, `day` being a rollup row's first day. */
const COLUMNS = sql.raw(
  'day, team_id, source, vendor, external_model, model_id, currency, requests, input_tokens, output_tokens, cost_micros, active_users, engaged_users',
);
const FIGURES = sql.raw('team_id, source, vendor, external_model, model_id, currency, requests, input_tokens, output_tokens, cost_micros, active_users, engaged_users');

const between = (p: { from: string; to: string }) => sql`u.day between ${p.from}::date and ${p.to}::date`;

/**
 * The usage rows of the filters' period and the scope, as a subquery to alias: whole months from usage_rollup_month
 * (only when `grain` is 'month'), whole segments from usage_rollup, the ragged days from usage_daily
 * (lib/metrics/usage-segments.ts). Grouping them by anything no row cuts (a `grain` bucket or anything coarser, a
 * team, a model, a vendor, a currency, a source) gives the sums of the raw rows, and the maximum of active users
 * stays the daily maximum. `grain` is the finest calendar unit the reader groups by; never a day.
 */
export async function usageSlice(db: Queryable, f: UsageFilters, scope: UsageScope, grain: UsageGranularity): Promise<SQL> {
  const [{ last }] = await rawRows<{ last: string | null }>(db, sql`select max(day)::text as last from usage_daily`);
  const { months, segments, days } = splitUsagePeriod(f.period, last, grain);
  const where = usageRowWhere(f, scope);
  const parts: SQL[] = days.map((d) => sql`select ${COLUMNS} from usage_daily u where ${between(d)} and ${where}`);
  for (const s of segments)
    parts.push(sql`select ${COLUMNS} from (select segment as day, ${FIGURES} from usage_rollup) u where ${between(s)} and ${where}`);
  if (months) parts.push(sql`select ${COLUMNS} from (select month as day, ${FIGURES} from usage_rollup_month) u where ${between(months)} and ${where}`);
  return sql`(${sql.join(parts, sql` union all `)})`;
}
