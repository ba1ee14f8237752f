'use server';

import { randomBytes } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { writeAudit } from '@/db/queries/admin/audit';
import { updateSettings } from '@/db/queries/admin/settings';
import { createTeam, setParticipantsMayRecord, TEAM_NAME_TAKEN } from '@/db/queries/people/teams';
import { clearLockOut } from '@/db/queries/people/login-attempts';
import { createPasswordResetToken } from '@/db/queries/people/password-reset';
import { setOneMembership, teamExists } from '@/db/queries/people/team-membership';
import { findUserByEmail, setUserActive, setUserRole } from '@/db/queries/people/users';
import { written } from '@/db/queries/write-result';
import { insertUserWithPassword } from '@/db/seed/demo';
import { teamMembers } from '@/db/schema';
import { answer, formValues, withValidForm, writeRefused, type ActionState, type OnInvalid } from '@/lib/action-state';
import { requirePermission } from '@/lib/auth/guard';
import { publicUrl } from '@/lib/auth/secret';
import { isUniqueViolation } from '@/lib/security/db-errors';
import {
  clearLockOutSchema,
  createUserSchema,
  membershipSchema,
  setActiveSchema,
  setRoleSchema,
  settingsSchema,
  teamRecordingSchema,
  teamSchema,
  userIdSchema,
} from '@/lib/validation/admin';
import type { Db } from '@/db';
import { actorOf } from '@/db/queries/admin/audit';
import { getSsoSettings } from '@/db/queries/admin/sso';


/** While local passwords are off, the break-glass admin is the way in when SSO fails: it stays an active admin. */
const BREAK_GLASS_KEPT = 'This is the break-glass admin while passwords are off: choose another one, or turn passwords on, first.';
async function isBreakGlass(db: Db, userId: string) {
  const s = await getSsoSettings(db);
  return Boolean(s?.passwordsDisabled && s.breakGlassUserId === userId);
}

function resetLink(token: string) {
  return `${publicUrl()}/reset-password?token=${encodeURIComponent(token)}`;
}

export async function createUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.users');
  return withValidForm(formData, createUserSchema, async (data) => {
    const db = await getDb();
    if (await findUserByEmail(db, data.email))
      return { fieldErrors: { email: ['Someone already has this email address.'] }, values: formValues(formData) };
    if (data.teamId && !(await teamExists(db, data.teamId)))
      return { fieldErrors: { teamId: ['That team no longer exists.'] }, values: formValues(formData) };
    const id = `u_${randomBytes(9).toString('base64url')}`;
    // An unguessable password nobody knows: the new user sets their own through the one-time link.
    const passwordHash = await hashPassword(randomBytes(24).toString('base64url'));
    let token: string;
    try {
      token = await db.transaction(async (txRaw) => {
        const tx = txRaw as unknown as Db;
        await insertUserWithPassword(tx, { id, email: data.email, name: data.name, role: data.role, passwordHash });
        if (data.teamId) await tx.insert(teamMembers).values({ userId: id, teamId: data.teamId, teamRole: data.teamRole });
        await writeAudit(tx, { actor: actorOf(admin), action: 'user.create', entityType: 'user', entityId: id, after: { ...data } });
        return written(await createPasswordResetToken(tx, actorOf(admin), id)).token;
      });
    } catch (err) {
      // Two admins creating the same email at once: the check above passed for both.
      if (isUniqueViolation(err)) return { fieldErrors: { email: ['Someone already has this email address.'] }, values: formValues(formData) };
      throw err;
    }
    revalidatePath('/admin');
    return { ok: true, message: `${data.name} can now set a password with this one-time link (valid 24 hours): ${resetLink(token)}` };
  });
}

export async function setRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.users');
  return withValidForm(formData, { schema: setRoleSchema, invalid: answer('Choose a valid role.') }, async (data) => {
    if (data.userId === admin.id && data.role !== 'admin') return { error: 'You cannot remove your own admin role.' };
    const db = await getDb();
    if (data.role !== 'admin' && (await isBreakGlass(db, data.userId))) return { error: BREAK_GLASS_KEPT };
    const result = await db.transaction((tx) => setUserRole(tx, actorOf(admin), data.userId, data.role));
    if (!result.ok) return writeRefused(result);
    revalidatePath('/admin');
    return { ok: true, message: 'Role saved.' };
  });
}

export async function setActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.users');
  return withValidForm(formData, { schema: setActiveSchema, invalid: answer('Invalid request.') }, async (data) => {
    if (data.userId === admin.id) return { error: 'You cannot deactivate yourself.' };
    const db = await getDb();
    if (data.active === 'false' && (await isBreakGlass(db, data.userId))) return { error: BREAK_GLASS_KEPT };
    const result = await db.transaction((tx) => setUserActive(tx, actorOf(admin), data.userId, data.active === 'true'));
    if (!result.ok) return writeRefused(result);
    revalidatePath('/admin');
    return { ok: true, message: data.active === 'true' ? 'User reactivated.' : 'User deactivated; their sessions have ended.' };
  });
}

export async function resetLinkAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.users');
  return withValidForm(formData, { schema: userIdSchema, invalid: answer('Invalid request.') }, async (data) => {
    const result = await (await getDb()).transaction((tx) => createPasswordResetToken(tx, actorOf(admin), data.userId));
    if (!result.ok) return writeRefused(result);
    return { ok: true, message: `One-time reset link (valid 24 hours; any earlier link stops working): ${resetLink(result.token)}` };
  });
}

/** Lets a locked-out client try again at once (Admin → Recent lock-outs). */
export async function clearLockOutAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.users');
  return withValidForm(formData, { schema: clearLockOutSchema, invalid: answer('Invalid request.') }, async (data) => {
    const { purpose, account, client } = data;
    const db = await getDb();
    const result = await db.transaction((tx) => clearLockOut(tx, actorOf(admin), { purpose, account: account || null, client }));
    revalidatePath('/admin');
    if (!result.ok) return writeRefused(result);
    return { ok: true, message: 'Cleared: this client can try again now.' };
  });
}

/**
 * Adds the user to a team with a role (or changes their role there), or removes them ('none'): the
 * admin table's "Add to team" form and each membership chip's remove button.
 */
export async function setMembershipAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.users');
  const invalid: OnInvalid = (error) => ({ error: error.issues.some((i) => i.path[0] === 'teamId') ? 'Choose a team.' : 'Choose a team and a team role.' });
  return withValidForm(formData, { schema: membershipSchema, invalid }, async ({ userId, teamId, teamRole }) => {
    const result = await (await getDb()).transaction((tx) => setOneMembership(tx, actorOf(admin), userId, teamId, teamRole));
    if (!result.ok) return writeRefused(result);
    revalidatePath('/admin');
    return { ok: true, message: { removed: 'Removed from the team.', changed: 'Team role changed.', added: 'Added to the team.' }[result.change] };
  });
}

export async function createTeamAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.users');
  return withValidForm(formData, teamSchema, async (data) => {
    let result;
    try {
      result = await (await getDb()).transaction((tx) => createTeam(tx, actorOf(admin), data));
    } catch (err) {
      // Another admin created the same name between the query's check and its insert.
      if (isUniqueViolation(err)) return writeRefused({ field: 'name', message: TEAM_NAME_TAKEN }, formData);
      throw err;
    }
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath('/admin');
    return { ok: true, message: `Team ${data.name} created.` };
  });
}

/** The team's "participants may record" setting (issue 23 §1): the admin page's Teams section. */
export async function setTeamRecordingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.users');
  return withValidForm(formData, { schema: teamRecordingSchema, invalid: answer('Choose a team and whether its participants may record.') }, async ({ teamId, participantsMayRecord }) => {
    const db = await getDb();
    const result = await db.transaction((tx) => setParticipantsMayRecord(tx, actorOf(admin), teamId, participantsMayRecord));
    if (!result.ok) return writeRefused(result);
    revalidatePath('/admin');
    return { ok: true, message: participantsMayRecord ? 'The people who ran its experiments may now add outcomes and check-ins.' : 'Only its leads and admins add outcomes and check-ins now.' };
  });
}

export async function updateSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requirePermission('admin.settings');
  return withValidForm(formData, settingsSchema, async (data) => {
    const db = await getDb();
    const result = await db.transaction((tx) => updateSettings(tx, actorOf(admin), data));
    if (!result.ok) return writeRefused(result, formData);
    revalidatePath('/', 'layout');
    return { ok: true, message: 'Settings saved.' };
  });
}
