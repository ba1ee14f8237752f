import { and, eq } from 'drizzle-orm';
import { capabilityOutcomes, checkins } from '../../schema';
import type { Queryable } from '../../types';

/** Why an edit or removal of a check-in or outcome matched no row: gone, or changed since the form was loaded. */
export const CHILD_MESSAGES = {
  checkin: {
    gone: 'This check-in was already removed.',
    stale: 'Someone else changed this check-in after you opened it. Nothing was changed: reload the page to see their version, then apply yours again.',
  },
  outcome: {
    gone: 'This outcome was already removed.',
    stale: 'Someone else changed this outcome after you opened it. Nothing was changed: reload the page to see their version, then apply yours again.',
  },
} as const;

export async function missingOrStale(tx: Queryable, table: typeof checkins | typeof capabilityOutcomes, id: number, experimentId: number, kind: keyof typeof CHILD_MESSAGES) {
  const [row] = await tx.select({ id: table.id }).from(table).where(and(eq(table.id, id), eq(table.experimentId, experimentId)));
  return row
    ? ({ ok: false, reason: 'conflict', message: CHILD_MESSAGES[kind].stale } as const)
    : ({ ok: false, reason: 'not_found', message: CHILD_MESSAGES[kind].gone } as const);
}
