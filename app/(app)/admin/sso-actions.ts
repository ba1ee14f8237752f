'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorOf } from '@/db/queries/admin/audit';
import { deleteRoleMapping, MAPPING_GONE, saveSsoProvider, savePasswordPolicy, upsertRoleMapping } from '@/db/queries/admin/sso';
import { fieldErrorsOf, formObject, formValues, writeRefused, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { resetAuth } from '@/lib/auth/server';
import { envSsoConfig, OIDC_SECRET_PURPOSE, resolveSsoConfig } from '@/lib/auth/sso/config';
import { sealSecret } from '@/lib/security/secrets';
import { passwordPolicySchema, ssoMappingIdSchema, ssoMappingSchema, ssoProviderSchema } from '@/lib/validation/sso';

const ENV_WINS = 'Single sign-on is configured by the environment (UPLIFT_OIDC_*), which wins over this page.';

/** Saves the provider; the client secret is sealed and never shown again (empty keeps the stored one). */
export async function saveSsoProviderAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  if (envSsoConfig()) return { error: ENV_WINS };
  const parsed = ssoProviderSchema.safeParse(formObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: formValues(formData, ['clientSecret']) };
  const db = await getDb();
  const { clientSecret, ...rest } = parsed.data;
  const result = await db.transaction((tx) =>
    saveSsoProvider(tx, actorOf(admin), { ...rest, ...(clientSecret ? { clientSecretSealed: sealSecret(clientSecret, OIDC_SECRET_PURPOSE) } : {}) }),
  );
  // The secret is never typed back into the page.
  if (!result.ok) return { ...writeRefused(result), values: formValues(formData, ['clientSecret']) };
  resetAuth();
  revalidatePath('/admin');
  return { ok: true, message: 'Single sign-on saved.' };
}

export async function saveSsoMappingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  const parsed = ssoMappingSchema.safeParse(formObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: formValues(formData) };
  const db = await getDb();
  const teamId = parsed.data.teamId === '' ? null : parsed.data.teamId;
  const result = await db.transaction((tx) => upsertRoleMapping(tx, actorOf(admin), { claimValue: parsed.data.claimValue, role: parsed.data.role, teamId }));
  if (!result.ok) return writeRefused(result, formData);
  revalidatePath('/admin');
  return { ok: true, message: `Mapping for ${parsed.data.claimValue} saved.` };
}

export async function deleteSsoMappingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  const parsed = ssoMappingIdSchema.safeParse(formObject(formData));
  if (!parsed.success) return { error: MAPPING_GONE };
  const db = await getDb();
  const result = await db.transaction((tx) => deleteRoleMapping(tx, actorOf(admin), parsed.data.mappingId));
  if (!result.ok) return writeRefused(result);
  revalidatePath('/admin');
  return { ok: true, message: 'Mapping removed.' };
}

/** Turning passwords off needs single sign-on in force and a break-glass admin who keeps a password. */
export async function savePasswordPolicyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  const parsed = passwordPolicySchema.safeParse(formObject(formData));
  if (!parsed.success) return { error: 'Choose whether passwords are on or off.' };
  const db = await getDb();
  const off = parsed.data.passwordsDisabled === 'true';
  if (off && !(await resolveSsoConfig(db))) return { error: 'Configure single sign-on first: with passwords off, it is the only way in.' };
  const result = await db.transaction((tx) => savePasswordPolicy(tx, actorOf(admin), off, off ? parsed.data.breakGlassUserId : null));
  if (!result.ok) return writeRefused(result);
  revalidatePath('/admin');
  return { ok: true, message: off ? 'Local passwords are off, except for the break-glass admin.' : 'Local passwords are on.' };
}
