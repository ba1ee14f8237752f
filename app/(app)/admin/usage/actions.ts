'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorOf } from '@/db/queries/admin/audit';
import { setUsageTeamMapping } from '@/db/queries/usage/mappings';
import { setUsageRetention } from '@/db/queries/usage/retention';
import { withValidForm, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { usageMappingSchema, usageRetentionSchema } from '@/lib/validation/usage';

/** Maps one external team to an Uplift team (or to none); its usage rows move with it in the same transaction. */
export async function setUsageMappingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  return withValidForm(formData, { schema: usageMappingSchema, invalid: (e) => ({ error: e.issues[0]?.message ?? 'Check the mapping.' }) }, async (m) => {
    const db = await getDb();
    const r = await db.transaction((tx) => setUsageTeamMapping(tx, actorOf(admin), m));
    if (!r.ok) return { error: r.message };
    revalidatePath('/admin/usage');
    const rows = `${r.rows} usage row${r.rows === 1 ? '' : 's'} moved`;
    return { ok: true, message: r.teamName ? `"${m.externalTeam}" now counts for ${r.teamName} (${rows}).` : `"${m.externalTeam}" is unmapped (${rows}).` };
  });
}

/** How many days of usage are kept; empty keeps it forever. Applied by the daily usage-retention job. */
export async function setUsageRetentionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  return withValidForm(formData, { schema: usageRetentionSchema, invalid: (e) => ({ error: e.issues[0]?.message ?? 'Check the number of days.' }) }, async ({ days }) => {
    const db = await getDb();
    await db.transaction((tx) => setUsageRetention(tx, actorOf(admin), days));
    revalidatePath('/admin/usage');
    return { ok: true, message: days === null ? 'Usage is kept forever.' : `Usage older than ${days} days is deleted by the daily usage-retention job.` };
  });
}
