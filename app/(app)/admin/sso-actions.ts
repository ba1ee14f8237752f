'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { breakGlassCandidates, deleteRoleMapping, saveSsoProvider, savePasswordPolicy, upsertRoleMapping } from '@/db/queries/admin/sso';
import { teams } from '@/db/schema';
import { fieldErrorsOf, formObject, formValues, type ActionState } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { resetAuth } from '@/lib/auth/server';
import { envSsoConfig, OIDC_SECRET_PURPOSE, resolveSsoConfig } from '@/lib/auth/sso/config';
import { sealSecret } from '@/lib/security/secrets';
import { passwordPolicySchema, ssoMappingIdSchema, ssoMappingSchema, ssoProviderSchema } from '@/lib/validation/sso';
import { eq } from 'drizzle-orm';

const actorOf = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });
const ENV_WINS = 'Single sign-on is configured by the environment (UPLIFT_OIDC_*), which wins over this page.';

/** Saves the provider; the client secret is sealed and never shown again (empty keeps the stored one). */
export async function saveSsoProviderAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  if (envSsoConfig()) return { error: ENV_WINS };
  const parsed = ssoProviderSchema.safeParse(formObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: formValues(formData, ['clientSecret']) };
  const db = await getDb();
  const { clientSecret, ...rest } = parsed.data;
  const current = await db.transaction(async (tx) => {
    const hasSecret = Boolean((await tx.query.ssoSettings.findFirst())?.clientSecretSealed);
    if (!clientSecret && !hasSecret) return null;
    return saveSsoProvider(tx, actorOf(admin), { ...rest, ...(clientSecret ? { clientSecretSealed: sealSecret(clientSecret, OIDC_SECRET_PURPOSE) } : {}) });
  });
  if (!current) return { fieldErrors: { clientSecret: ['Enter the client secret.'] }, values: formValues(formData, ['clientSecret']) };
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
  if (teamId !== null && (await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId))).length === 0)
    return { fieldErrors: { teamId: ['That team no longer exists.'] }, values: formValues(formData) };
  await db.transaction((tx) => upsertRoleMapping(tx, actorOf(admin), { claimValue: parsed.data.claimValue, role: parsed.data.role, teamId }));
  revalidatePath('/admin');
  return { ok: true, message: `Mapping for ${parsed.data.claimValue} saved.` };
}

export async function deleteSsoMappingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  const parsed = ssoMappingIdSchema.safeParse(formObject(formData));
  if (!parsed.success) return { error: 'That mapping no longer exists.' };
  const db = await getDb();
  const deleted = await db.transaction((tx) => deleteRoleMapping(tx, actorOf(admin), parsed.data.mappingId));
  if (!deleted) return { error: 'That mapping no longer exists.' };
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
  if (off) {
    if (!(await resolveSsoConfig(db))) return { error: 'Configure single sign-on first: with passwords off, it is the only way in.' };
    const candidates = await breakGlassCandidates(db);
    if (!candidates.some((c) => c.id === parsed.data.breakGlassUserId))
      return { fieldErrors: { breakGlassUserId: ['Choose an active admin with a password as the break-glass account.'] } };
  }
  await db.transaction((tx) => savePasswordPolicy(tx, actorOf(admin), off, off ? parsed.data.breakGlassUserId : null));
  revalidatePath('/admin');
  return { ok: true, message: off ? 'Local passwords are off, except for the break-glass admin.' : 'Local passwords are on.' };
}
