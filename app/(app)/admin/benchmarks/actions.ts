'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorOf } from '@/db/queries/admin/audit';
import { updateBenchmark } from '@/db/queries/models/benchmark-edit';
import { withValidForm, writeRefused, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { benchmarkEditSchema } from '@/lib/validation/benchmark-edit';

export async function updateBenchmarkAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('models.write');
  return withValidForm(formData, benchmarkEditSchema, async (edit) => {
    const result = await (await getDb()).transaction((tx) => updateBenchmark(tx, actorOf(admin), edit));
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath('/admin/benchmarks');
    revalidatePath('/models', 'layout');
    revalidatePath('/trends');
    revalidatePath('/insights');
    return { ok: true, message: `${edit.name} saved.` };
  });
}
