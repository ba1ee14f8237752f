import { forbidden, redirect } from 'next/navigation';
import { recordDenied } from '@/db/queries/admin/audit';
import { getDb } from '@/db';
import { hasPermission, type Permission, type SessionUser } from './permissions';
import { getCurrentUser } from './session';

/** For pages: the signed-in user, or a redirect to /login. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
}

/** The first line of every page and action: signed in and allowed, or redirect / 403 (recorded). */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!hasPermission(user.role, permission)) {
    await recordDenied(await getDb(), user, permission);
    forbidden();
  }
  return user;
}

/** For route handlers: the user, or the 401 / 403 response to return. */
export async function authorizeRequest(
  permission: Permission,
): Promise<{ user: SessionUser; response?: undefined } | { user?: undefined; response: Response }> {
  const user = await getCurrentUser();
  if (!user) return { response: Response.json({ error: 'Sign in first.' }, { status: 401 }) };
  if (!hasPermission(user.role, permission)) {
    await recordDenied(await getDb(), user, permission);
    return { response: Response.json({ error: 'You do not have permission to do this.' }, { status: 403 }) };
  }
  return { user };
}
