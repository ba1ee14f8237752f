import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../types';
import { rawRows } from '../../sql';
import { splitPeriod } from '@/lib/metrics/usage-segments';
import { usageRowWhere, type UsageFilters, type UsageScope } from './filters';

/** The columns a slice row has: usage_daily's figures, `day` being a rollup row's first day. */
const COLUMNS = sql.raw(
  'day, team_id, source, vendor, external_model, model_id, currency, requests, input_tokens, output_tokens, cost_micros, active_users, engaged_users',
);

/**
 * The usage rows of the filters' period and the scope, as a subquery to alias: whole segments from usage_rollup,
 * the ragged ends from usage_daily (lib/metrics/usage-segments.ts). Grouping them by anything a segment does not
 * cut (a week, a month, a team, a model, a vendor, a currency, a source) gives the sums of the raw rows, and the
 * maximum of active users stays the daily maximum. Not for a grouping by day.
 */
export async function usageSlice(db: Queryable, f: UsageFilters, scope: UsageScope): Promise<SQL> {
  const [{ last }] = await rawRows<{ last: string | null }>(db, sql`select max(day)::text as last from usage_daily`);
  const { whole, edges } = splitPeriod(f.period, last);
  const where = usageRowWhere(f, scope);
  const parts: SQL[] = edges.map((e) => sql`select ${COLUMNS} from usage_daily u where u.day between ${e.from}::date and ${e.to}::date and ${where}`);
  if (whole)
    parts.push(sql`select ${COLUMNS} from (select segment as day, team_id, source, vendor, external_model, model_id, currency, requests, input_tokens,
        output_tokens, cost_micros, active_users, engaged_users from usage_rollup) u
      where u.day between ${whole.from}::date and ${whole.to}::date and ${where}`);
  return sql`(${sql.join(parts, sql` union all `)})`;
}
