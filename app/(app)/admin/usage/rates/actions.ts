'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorOf } from '@/db/queries/admin/audit';
import { setFxRate } from '@/db/queries/usage/fx-rates';
import { withValidForm, writeRefused, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { fxRateSchema } from '@/lib/validation/usage-fx-rate';

/** Sets the rate that converts one month's bills in a currency into the reporting currency (admins). */
export async function setFxRateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  return withValidForm(formData, fxRateSchema, async (data) => {
    const db = await getDb();
    const result = await db.transaction((tx) => setFxRate(tx, actorOf(admin), data));
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath('/admin/usage/rates');
    revalidatePath('/dashboard');
    return { ok: true, message: `1 ${data.currency} = ${data.rate} ${result.reporting} for ${data.month}.` };
  });
}
