// The role × action table: single sign-on (app/(app)/admin/sso-actions.ts, app/api/sso/start).
import { eq } from 'drizzle-orm';
import { deleteSsoMappingAction, savePasswordPolicyAction, saveSsoMappingAction, saveSsoProviderAction } from '@/app/(app)/admin/sso-actions';
import * as ssoStartRoute from '@/app/api/sso/start/route';
import { upsertRoleMapping } from '@/db/queries/admin/sso';
import { ssoRoleMappings } from '@/db/schema';
import { READ_ONLY } from '../action-effects';
import { ADMIN, EVERYONE, type Handler, type TableEntry } from './entry';

export const SSO: TableEntry[] = [
  {
    name: 'admin: single sign-on provider',
    effect: { changes: ['sso_settings'], audit: 'sso.config' },
    allowed: ADMIN,
    action: saveSsoProviderAction,
    // A loopback issuer on the discard port: discovery is refused at once, nothing leaves the machine.
    input: () => ({ issuer: 'http://127.0.0.1:9', clientId: 'uplift', clientSecret: 'a client secret', name: 'Corp', allowedDomains: 'example.test', roleClaim: 'groups' }),
  },
  {
    name: 'admin: single sign-on role mapping',
    effect: { changes: ['sso_role_mappings'], audit: 'sso.mapping.save' },
    allowed: ADMIN,
    action: saveSsoMappingAction,
    input: (fx) => ({ claimValue: `group-${fx.uid()}`, role: 'lead', teamId: '' }),
  },
  {
    name: 'admin: remove a single sign-on role mapping',
    effect: { changes: ['sso_role_mappings'], audit: 'sso.mapping.delete' },
    allowed: ADMIN,
    action: deleteSsoMappingAction,
    input: async (fx) => {
      const claimValue = `group-${fx.uid()}`;
      await upsertRoleMapping(fx.db, null, { claimValue, role: 'executive', teamId: null });
      const [row] = await fx.db.select({ id: ssoRoleMappings.id }).from(ssoRoleMappings).where(eq(ssoRoleMappings.claimValue, claimValue));
      return { mappingId: String(row.id) };
    },
  },
  {
    name: 'admin: local passwords on or off',
    effect: { changes: ['sso_settings'], audit: 'sso.passwords' },
    allowed: ADMIN,
    action: savePasswordPolicyAction,
    input: () => ({ passwordsDisabled: 'false', breakGlassUserId: '' }),
  },
  {
    name: 'route: GET /api/sso/start',
    // Public like /login: it only redirects to the provider (or back to /login when SSO is off).
    allowed: EVERYONE,
    route: { method: 'GET', path: '/api/sso/start', handler: ssoStartRoute.GET as Handler },
    input: () => ({}),
    fuzz: false,
    // Here no provider answers (the issuer above is refused), so it writes nothing and sends the caller back
    // to /login; with one, better-auth stores the sign-in's state (tests/sso-oidc.test.ts).
    effect: READ_ONLY,
  },
];
