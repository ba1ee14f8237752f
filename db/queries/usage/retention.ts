/** How long usage rows are kept: org_settings.usage_retention_days (null = forever), applied by the daily job. */
import { eq, sql } from 'drizzle-orm';
import { orgSettings } from '../../schema';
import { rawRows } from '../../sql';
import type { WriteResult } from '../write-result';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';

/** The first day kept when `days` are kept up to `today` (YYYY-MM-DD). */
export function retentionCutoff(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Deletes the usage rows older than the retention setting; returns how many, or null when usage is kept forever. */
export async function applyUsageRetention(db: Queryable, today: string): Promise<{ days: number | null; deleted: number; cutoff: string | null }> {
  const [s] = await db.select({ days: orgSettings.usageRetentionDays }).from(orgSettings).where(eq(orgSettings.id, 1));
  const days = s?.days ?? null;
  if (days === null) return { days, deleted: 0, cutoff: null };
  const cutoff = retentionCutoff(today, days);
  // Counted in SQL: a year of a large organisation's rows is never held in memory.
  const [{ deleted }] = await rawRows<{ deleted: number }>(db, sql`with d as (delete from usage_daily where day < ${cutoff} returning 1) select count(*)::int as deleted from d`);
  if (deleted) await writeAudit(db, { actor: null, action: 'usage.retention', entityType: 'usage_daily', after: { days, cutoff, deleted } });
  return { days, deleted, cutoff };
}

/** Sets (or clears, with null) how many days of usage are kept. Audited. */
export async function setUsageRetention(db: Queryable, actor: Actor, days: number | null): Promise<WriteResult<{ days: number | null }>> {
  const [before] = await db.select({ days: orgSettings.usageRetentionDays }).from(orgSettings).where(eq(orgSettings.id, 1));
  await db.update(orgSettings).set({ usageRetentionDays: days, updatedAt: sql`now()` }).where(eq(orgSettings.id, 1));
  await writeAudit(db, { actor, action: 'usage.retention.set', entityType: 'settings', entityId: 1, before: { usageRetentionDays: before?.days ?? null }, after: { usageRetentionDays: days } });
  return { ok: true, days };
}
