'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorOf } from '@/db/queries/admin/audit';
import { CONNECTION_GONE, CONNECTION_NAME_TAKEN, createConnection, deleteConnection, replaceCredential } from '@/db/queries/usage/connections';
import { answer, fieldErrorsOf, formValues, withValidForm, writeRefused, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { isUniqueViolation } from '@/lib/security/db-errors';
import { sealSecret } from '@/lib/security/secrets';
import { credentialPurpose, describePull, pullConnection } from '@/lib/usage/pull/service';
import { connectionIdSchema, newConnectionSchema, replaceCredentialSchema } from '@/lib/validation/usage-connections';

const PAGE = '/admin/usage';
/** What a refused form gives back: never the credential typed. */
const keep = (formData: FormData) => formValues(formData, ['credential']);

/** Adds a connection; the credential is sealed here and never shown again. */
export async function addConnectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  return withValidForm(
    formData,
    { schema: newConnectionSchema, invalid: (error) => ({ fieldErrors: fieldErrorsOf(error), values: keep(formData) }) },
    async ({ credential, ...data }) => {
      const db = await getDb();
      let result;
      try {
        result = await db.transaction((tx) => createConnection(tx, actorOf(admin), { ...data, sealedCredential: sealSecret(credential, credentialPurpose(data.source)) }));
      } catch (err) {
        // Another admin used the name between the query's check and its insert.
        if (isUniqueViolation(err)) return { ...writeRefused({ field: 'name', message: CONNECTION_NAME_TAKEN }), values: keep(formData) };
        throw err;
      }
      if (!result.ok) return { ...writeRefused(result), values: keep(formData) };
      revalidatePath(PAGE);
      return { ok: true, message: `${result.connection.name} connected. Its credential is saved and will not be shown again; pull now, or wait for the daily pull.` };
    },
  );
}

/** Replaces a connection's credential (after a rotation, or when the app secret changed). */
export async function replaceCredentialAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  return withValidForm(formData, { schema: replaceCredentialSchema, invalid: (error) => ({ error: error.issues.map((i) => i.message).join(' ') }) }, async ({ connectionId, credential }) => {
    const result = await (await getDb()).transaction((tx) => replaceCredential(tx, actorOf(admin), connectionId, (source) => sealSecret(credential, credentialPurpose(source))));
    if (!result.ok) return writeRefused(result);
    revalidatePath(PAGE);
    return { ok: true, message: 'Credential replaced.' };
  });
}

/** Pulls one connection now, as the daily job would; the outcome is recorded on the connection either way. */
export async function pullNowAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  return withValidForm(formData, { schema: connectionIdSchema, invalid: answer(CONNECTION_GONE) }, async ({ connectionId }) => {
    const report = await pullConnection(await getDb(), connectionId, actorOf(admin));
    if (!report) return { error: CONNECTION_GONE };
    revalidatePath(PAGE);
    return report.error ? { error: describePull(report) } : { ok: true, message: `${describePull(report)}.` };
  });
}

/** Removes a connection; the usage it imported stays. */
export async function deleteConnectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  return withValidForm(formData, { schema: connectionIdSchema, invalid: answer(CONNECTION_GONE) }, async ({ connectionId }) => {
    const db = await getDb();
    const result = await db.transaction((tx) => deleteConnection(tx, actorOf(admin), connectionId));
    if (!result.ok) return writeRefused(result);
    revalidatePath(PAGE);
    return { ok: true, message: 'Connection removed; the usage it imported stays.' };
  });
}
