/**
 * What an accepted call of a table entry must have done: the tables whose content changed and the audit
 * entry it appended — so "the action said ok" is not taken for "the change happened". The matrix checks
 * it for every allowed caller and the fuzz for every accepted hostile input.
 */
import { and, count, eq } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Caller } from './security-harness';

export type Effect = {
  /** Tables whose content must differ after the call (other tables may change too: summaries, the data version). */
  changes: readonly string[];
  /** The audit action the call appends (outcome ok), when it is audited. */
  audit?: string;
};

/** A read: nothing the app keeps changes (better-auth may refresh the caller's own session). */
export const READ_ONLY: Effect = { changes: [] };

export type EffectSpec = Effect | ((caller: Caller) => Effect);

export const effectFor = (spec: EffectSpec, caller: Caller): Effect => (typeof spec === 'function' ? spec(caller) : spec);

export async function okAuditCount(db: Db, action: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.outcome, 'ok')));
  return Number(row.n);
}

/** Tables a read may still write: the caller's session (expiry refresh) and failed sign-ins. */
const INCIDENTAL = new Set(['session', 'login_attempts']);

/**
 * What is wrong with the effect of an accepted call, as sentences (empty when it did what it declares).
 * `before`/`after` are fingerprints (tests/helpers/security-harness.ts); `auditBefore` the ok-count of
 * the declared audit action before the call.
 */
export async function effectProblems(db: Db, effect: Effect, before: Record<string, string>, after: Record<string, string>, auditBefore: number): Promise<string[]> {
  const problems: string[] = [];
  if (effect.changes.length === 0) {
    const changed = Object.keys(after).filter((t) => !INCIDENTAL.has(t) && after[t] !== before[t]);
    if (changed.length) problems.push(`a read changed ${changed.join(', ')}`);
  }
  for (const table of effect.changes) if (after[table] === before[table]) problems.push(`${table} did not change`);
  if (effect.audit && (await okAuditCount(db, effect.audit)) <= auditBefore) problems.push(`no ${effect.audit} audit entry was written`);
  return problems;
}
