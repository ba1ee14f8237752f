import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { orgSettings, usageFxRates } from '../../schema';
import type { Queryable } from '../../types';
import { rawRows } from '../../sql';
import { rateBook, type FxRate, type RateBook } from '@/lib/metrics/usage-currency';
import type { Period } from '@/lib/metrics/period';
import { writeAudit, type Actor } from '../admin/audit';
import { refuse, type WriteResult } from '../write-result';

/** What converting bills needs: the reporting currency and the rates admins set (lib/metrics/usage-currency.ts). */
export type FxContext = { reporting: string; rates: RateBook };

const first = (day: string) => `${day.slice(0, 7)}-01`;

export async function listFxRates(db: Queryable, period?: Period): Promise<(FxRate & { setBy: string; setAt: Date })[]> {
  const rows = await db
    .select({ month: usageFxRates.month, currency: usageFxRates.currency, rate: usageFxRates.rate, setBy: usageFxRates.setBy, setAt: usageFxRates.setAt })
    .from(usageFxRates)
    .where(period ? and(gte(usageFxRates.month, first(period.from)), lte(usageFxRates.month, first(period.to))) : undefined)
    .orderBy(asc(usageFxRates.month), asc(usageFxRates.currency));
  return rows.map((r) => ({ ...r, month: r.month.slice(0, 7), rate: Number(r.rate) }));
}

export async function loadFxContext(db: Queryable, period?: Period): Promise<FxContext> {
  const [[settings], rates] = await Promise.all([db.select({ currency: orgSettings.currency }).from(orgSettings).where(eq(orgSettings.id, 1)), listFxRates(db, period)]);
  return { reporting: settings?.currency ?? 'USD', rates: rateBook(rates) };
}

/**
 * Sets (or replaces) the rate of one month and currency, audited with the rate it replaced. The caller checked
 * the permission, validated the input (lib/validation/usage-fx-rate.ts) and opened the transaction.
 */
export async function setFxRate(tx: Queryable, actor: Actor, input: { month: string; currency: string; rate: string }): Promise<WriteResult<{ reporting: string }>> {
  // Read in the same transaction as the write: the reporting currency may have changed since the form was drawn.
  const [settings] = await tx.select({ currency: orgSettings.currency }).from(orgSettings).where(eq(orgSettings.id, 1));
  const reporting = settings?.currency ?? 'USD';
  if (input.currency === reporting) return refuse('invalid', `${reporting} is the reporting currency: its bills need no rate.`, 'currency');
  const month = first(input.month);
  const setBy = actor?.email ?? 'system';
  const [before] = await tx.select().from(usageFxRates).where(and(eq(usageFxRates.month, month), eq(usageFxRates.currency, input.currency)));
  const [after] = await tx
    .insert(usageFxRates)
    .values({ month, currency: input.currency, rate: input.rate, setBy })
    .onConflictDoUpdate({ target: [usageFxRates.month, usageFxRates.currency], set: { rate: input.rate, setBy, setAt: sql`now()` } })
    .returning();
  await writeAudit(tx, { actor, action: 'usage.fx-rate', entityType: 'usage_fx_rate', entityId: `${month.slice(0, 7)} ${input.currency}`, before: before ?? null, after });
  return { ok: true, reporting };
}

/**
 * Months (YYYY-MM) and currencies of bills not in the reporting currency that have no rate yet: what the admin card asks
 * for. Read from usage_rollup (a segment lies within one month), not the 10^6 daily rows.
 */
export async function missingFxRates(db: Queryable): Promise<{ month: string; currency: string; costMicros: number }[]> {
  const list = await rawRows<{ month: string; currency: string; cost: number }>(db, sql`select to_char(u.segment, 'YYYY-MM') as month, u.currency, sum(u.cost_micros)::float8 as cost
    from usage_rollup u
    where u.currency <> (select currency from org_settings where id = 1) and u.cost_micros <> 0
      and not exists (select 1 from usage_fx_rates r where r.currency = u.currency and r.month = u.segment - (extract(day from u.segment)::int - 1))
    group by 1, 2 order by 1 desc, 2`);
  return list.map((r) => ({ month: r.month, currency: r.currency, costMicros: Number(r.cost) }));
}
