import { and, inArray, sql } from 'drizzle-orm';
import { alertPreferences, alerts } from '../../schema';
import type { Queryable } from '../../types';
import { detectPrice, detectPrivacy, detectRetest, detectRetirement, detectStale } from './detect';
import { priceDropPercent, type AlertCandidate } from '@/lib/metrics/alert-events';

export type EvaluateResult = { candidates: number; created: number; createdIds: number[] };

/**
 * Runs every detector for `today` and writes one alert per event occurrence and recipient. Safe to run twice at
 * once: `on conflict do nothing` on the (recipient, key) unique index means only one insert wins.
 * People who turned an event off get nothing for it (the inbox, email and digest all read these rows).
 */
export async function evaluateAlerts(db: Queryable, today: string, options: { dropPercent?: number } = {}): Promise<EvaluateResult> {
  const found: AlertCandidate[] = [
    ...(await detectRetest(db, today)),
    ...(await detectPrice(db, today, options.dropPercent ?? priceDropPercent())),
    ...(await detectPrivacy(db, today)),
    ...(await detectRetirement(db, today)),
    ...(await detectStale(db, today)),
  ];
  const people = [...new Set(found.flatMap((c) => c.recipients))];
  const off = people.length
    ? await db
        .select({ userId: alertPreferences.userId, event: alertPreferences.event })
        .from(alertPreferences)
        .where(and(inArray(alertPreferences.userId, people), sql`not ${alertPreferences.enabled}`))
    : [];
  const disabled = new Set(off.map((o) => `${o.userId}|${o.event}`));
  const rows = found.flatMap((c) =>
    c.recipients
      .filter((r) => !disabled.has(`${r}|${c.event}`))
      .map((recipientId) => ({ recipientId, event: c.event, key: c.key, message: c.message.name, params: c.message.params, title: c.title, body: c.body, link: c.link })),
  );
  const createdIds: number[] = [];
  // Small batches keep each statement's parameters well under the driver's limit.
  for (let i = 0; i < rows.length; i += 200) {
    const inserted = await db.insert(alerts).values(rows.slice(i, i + 200)).onConflictDoNothing({ target: [alerts.recipientId, alerts.key] }).returning({ id: alerts.id });
    createdIds.push(...inserted.map((r) => r.id));
  }
  return { candidates: rows.length, created: createdIds.length, createdIds };
}
