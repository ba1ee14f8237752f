import { eq } from 'drizzle-orm';
import { orgSettings, type OrgSettings } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from './audit';
import type { WriteResult } from '../write-result';

export async function getSettings(db: Queryable): Promise<OrgSettings> {
  const [row] = await db.select().from(orgSettings).where(eq(orgSettings.id, 1));
  return row;
}

export async function updateSettings(
  db: Queryable,
  actor: Actor,
  input: Pick<OrgSettings, 'name' | 'currency' | 'timeZone' | 'fiscalYearStartMonth'>,
): Promise<WriteResult<{ settings: OrgSettings }>> {
  const before = await getSettings(db);
  const [row] = await db.update(orgSettings).set({ ...input, updatedAt: new Date() }).where(eq(orgSettings.id, 1)).returning();
  await writeAudit(db, { actor, action: 'settings.update', entityType: 'settings', entityId: 1, before, after: row });
  return { ok: true, settings: row };
}
