import type { Role } from '@/db/schema/auth';

/** Every permission in the app; roles map to them in one table, never by comparing role strings inline. */
export const PERMISSIONS = [
  'experiments.read',
  'experiments.write', // scoped further to the teams a lead leads: see teamScope (lib/auth/team-scope.ts)
  'models.read',
  'models.write',
  'dashboard.read',
  'reports.export',
  'admin.users',
  'admin.settings',
  'admin.backup',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['experiments.read', 'models.read', 'dashboard.read', 'reports.export'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  lead: [...READ, 'experiments.write'],
  executive: READ,
};

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** Teams where the user is a member with team role `lead`. */
  leadTeamIds: number[];
  teamIds: number[];
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Where each role lands after sign-in. */
const HOME_PATH: Record<Role, string> = { admin: '/dashboard', lead: '/experiments', executive: '/dashboard' };

export function homePath(role: Role): string {
  return HOME_PATH[role];
}
