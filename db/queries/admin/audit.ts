import { and, desc, eq } from 'drizzle-orm';
import { auditLog } from '../../schema';
import type { Queryable } from '../../types';

export type Actor = { id: string; email: string } | null;

/** The audit trail's actor for a signed-in user: who, by id and by the email they had then. */
export const actorOf = (u: { id: string; email: string }): NonNullable<Actor> => ({ id: u.id, email: u.email });

export type AuditParams = {
  actor: Actor;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  outcome?: 'ok' | 'denied';
  requestId?: string | null;
};

/** Appends one audit entry; call it inside the transaction of the change it records. */
export async function writeAudit(db: Queryable, p: AuditParams): Promise<void> {
  await db.insert(auditLog).values({
    actorId: p.actor?.id ?? null,
    actorEmail: p.actor?.email ?? null,
    action: p.action,
    entityType: p.entityType,
    entityId: p.entityId == null ? null : String(p.entityId),
    before: p.before ?? null,
    after: p.after ?? null,
    outcome: p.outcome ?? 'ok',
    requestId: p.requestId ?? null,
  });
}

/** A refused request is recorded too, so crafted requests leave a trace. */
export async function recordDenied(
  db: Queryable,
  actor: Actor,
  what: string,
  entity: { type: string; id?: string | number | null } = { type: 'permission' },
): Promise<void> {
  await writeAudit(db, { actor, action: `denied:${what}`, entityType: entity.type, entityId: entity.id, outcome: 'denied' });
}

export async function listAuditForEntity(db: Queryable, entityType: string, entityId: string | number, limit = 200) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
