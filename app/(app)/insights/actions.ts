'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { recordDenied } from '@/db/queries/audit';
import { experimentTeam, InsightsWriteError, recordPrivacyMitigation, startRetest } from '@/db/queries/insights-actions';
import { fieldErrorsOf, formObject, formValues, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { canEditTeam, type SessionUser } from '@/lib/auth/permissions';
import { recordMitigationSchema, startRetestSchema } from '@/lib/validation/insights';

const actorOf = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });

/** Leads change only the teams they lead, admins any; a refusal is recorded in the audit trail. */
async function mayChange(user: SessionUser, experimentId: number, what: string): Promise<ActionState | null> {
  const db = await getDb();
  const teamId = await experimentTeam(db, experimentId);
  if (teamId == null) return { error: 'That experiment no longer exists.' };
  if (canEditTeam(user, teamId)) return null;
  await recordDenied(db, actorOf(user), what, { type: 'experiment', id: experimentId });
  return { error: 'Only a lead of this experiment’s team (or an admin) can do this.' };
}

function refused(e: unknown): ActionState {
  if (e instanceof InsightsWriteError) return { error: e.message };
  throw e;
}

export async function startRetestAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const parsed = startRetestSchema.safeParse(formObject(formData));
  if (!parsed.success) return { error: 'Choose an experiment and a candidate model.' };
  const denied = await mayChange(user, parsed.data.experimentId, 'experiment.retest');
  if (denied) return denied;
  const db = await getDb();
  try {
    const id = await db.transaction((tx) => startRetest(tx, actorOf(user), parsed.data));
    revalidatePath('/insights');
    revalidatePath('/dashboard');
    revalidatePath('/experiments');
    return { ok: true, message: `Re-test proposed as experiment #${id}.` };
  } catch (e) {
    return refused(e);
  }
}

export async function recordMitigationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('experiments.write');
  const parsed = recordMitigationSchema.safeParse(formObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), error: parsed.error.issues[0]?.message, values: formValues(formData) };
  const denied = await mayChange(user, parsed.data.experimentId, 'experiment.privacy_mitigation');
  if (denied) return denied;
  const db = await getDb();
  try {
    await db.transaction((tx) => recordPrivacyMitigation(tx, actorOf(user), parsed.data));
    revalidatePath('/insights');
    revalidatePath('/dashboard');
    revalidatePath('/experiments');
    return { ok: true, message: 'Mitigation recorded; the flag is cleared.' };
  } catch (e) {
    return refused(e);
  }
}
