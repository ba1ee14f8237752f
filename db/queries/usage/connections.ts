/**
 * Usage connections: what an admin set up to pull a vendor's usage daily. The sealed credential goes in and is
 * read back only by the pull (connectionForPull); lists, audit entries and logs see whether one is set, never
 * the sealed value, let alone the plaintext (the action seals it before it reaches this file).
 */
import { asc, eq, sql } from 'drizzle-orm';
import { usageConnections, type PullSource, type UsageConnectionRow } from '../../schema/usage';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { refuse, type WriteResult } from '../write-result';

/** A connection as pages and audit entries see it: the credential only as set or not. */
export type ConnectionView = Omit<UsageConnectionRow, 'sealedCredential'> & { credentialSet: boolean };

const viewColumns = {
  id: usageConnections.id,
  source: usageConnections.source,
  name: usageConnections.name,
  baseUrl: usageConnections.baseUrl,
  organization: usageConnections.organization,
  lastImportedDate: usageConnections.lastImportedDate,
  lastPulledAt: usageConnections.lastPulledAt,
  lastError: usageConnections.lastError,
  createdBy: usageConnections.createdBy,
  createdAt: usageConnections.createdAt,
  credentialSet: sql<boolean>`${usageConnections.sealedCredential} is not null`,
};

export async function listConnections(db: Queryable): Promise<ConnectionView[]> {
  return db.select(viewColumns).from(usageConnections).orderBy(asc(usageConnections.name));
}

export async function getConnection(db: Queryable, id: number): Promise<ConnectionView | null> {
  const [row] = await db.select(viewColumns).from(usageConnections).where(eq(usageConnections.id, id));
  return row ?? null;
}

/** The row with its sealed credential, for the pull only. */
export async function connectionForPull(db: Queryable, id: number): Promise<UsageConnectionRow | null> {
  const [row] = await db.select().from(usageConnections).where(eq(usageConnections.id, id));
  return row ?? null;
}

export async function connectionIdsForPull(db: Queryable): Promise<number[]> {
  return (await db.select({ id: usageConnections.id }).from(usageConnections).orderBy(asc(usageConnections.id))).map((r) => r.id);
}

/** What the audit keeps of a connection: never the credential, only whether one is set. */
const audited = (c: ConnectionView) => ({
  source: c.source,
  name: c.name,
  baseUrl: c.baseUrl,
  organization: c.organization,
  credentialSet: c.credentialSet,
  lastImportedDate: c.lastImportedDate,
});

export type NewConnection = { source: PullSource; name: string; baseUrl: string; organization: string; sealedCredential: string };

export const CONNECTION_GONE = 'That connection no longer exists.';
export const CONNECTION_NAME_TAKEN = 'Another connection has this name.';

export async function createConnection(db: Queryable, actor: Actor, input: NewConnection): Promise<WriteResult<{ connection: ConnectionView }>> {
  if ((await db.select({ id: usageConnections.id }).from(usageConnections).where(eq(usageConnections.name, input.name))).length) return refuse('invalid', CONNECTION_NAME_TAKEN, 'name');
  const [inserted] = await db
    .insert(usageConnections)
    .values({ ...input, createdBy: actor?.email ?? 'system' })
    .returning({ id: usageConnections.id });
  const view = (await getConnection(db, inserted.id))!;
  await writeAudit(db, { actor, action: 'usage.connect', entityType: 'usage_connection', entityId: view.id, after: audited(view) });
  return { ok: true, connection: view };
}

/**
 * Replaces the credential (and clears the last error, which was most likely the old credential's). `seal` seals
 * the new one for the connection's source, read in this transaction.
 */
export async function replaceCredential(db: Queryable, actor: Actor, id: number, seal: (source: PullSource) => string): Promise<WriteResult<object>> {
  const before = await getConnection(db, id);
  if (!before) return refuse('not_found', CONNECTION_GONE);
  await db.update(usageConnections).set({ sealedCredential: seal(before.source), lastError: null }).where(eq(usageConnections.id, id));
  await writeAudit(db, {
    actor,
    action: 'usage.credential',
    entityType: 'usage_connection',
    entityId: id,
    before: audited(before),
    after: { ...audited(before), credentialSet: true, credentialReplaced: true },
  });
  return { ok: true };
}

/** Removes the connection; the usage it imported stays (keeping history is the point). */
export async function deleteConnection(db: Queryable, actor: Actor, id: number): Promise<WriteResult<object>> {
  const before = await getConnection(db, id);
  if (!before) return refuse('not_found', CONNECTION_GONE);
  await db.delete(usageConnections).where(eq(usageConnections.id, id));
  await writeAudit(db, { actor, action: 'usage.disconnect', entityType: 'usage_connection', entityId: id, before: audited(before) });
  return { ok: true };
}

export type PullOutcome = {
  /** The last complete day imported by this pull, or null when it imported no complete day. */
  completeThrough: string | null;
  rows: number;
  error: string | null;
  days: { from: string; to: string } | null;
};

/**
 * Records a pull: when it ran, its error (or none), and last_imported_date moved to the last complete day
 * imported, never backwards (two pulls finishing out of order keep the later day). Audited as usage.pull.
 */
export async function recordPull(db: Queryable, actor: Actor, id: number, outcome: PullOutcome, at = new Date()): Promise<void> {
  const advance = outcome.completeThrough;
  await db
    .update(usageConnections)
    .set({
      lastPulledAt: at,
      lastError: outcome.error,
      ...(advance ? { lastImportedDate: sql`greatest(coalesce(${usageConnections.lastImportedDate}, ${advance}::date), ${advance}::date)` } : {}),
    })
    .where(eq(usageConnections.id, id));
  await writeAudit(db, {
    actor,
    action: 'usage.pull',
    entityType: 'usage_connection',
    entityId: id,
    after: { rows: outcome.rows, days: outcome.days, completeThrough: outcome.completeThrough, error: outcome.error },
  });
}
