// Single sign-on on /admin, through the real server actions: the client secret is stored sealed and never
// returned, the environment wins, passwords go off only with SSO in force and a break-glass admin, and
// every change is audited without the secret.
import { desc, eq } from 'drizzle-orm';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { savePasswordPolicyAction, saveSsoProviderAction } from '@/app/(app)/admin/sso-actions';
import { getSsoSettings } from '@/db/queries/admin/sso';
import { auditLog, user } from '@/db/schema';
import { setActiveAction, setRoleAction } from '@/app/(app)/admin/actions';
import { sessionCookieOf } from './helpers/sign-in';
import { OIDC_SECRET_PURPOSE, resolveSsoConfig } from '@/lib/auth/sso/config';
import { openSecret } from '@/lib/security/secrets';
import { describeEachDb } from './helpers/db';
import { actAs, actionOutcome, DEMO_PASSWORD, formDataOf, installDb, loadFixtures, setRequest, type Fixtures, type Outcome } from './helpers/security-harness';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);

const SECRET = 'a-client-secret-nobody-should-see-again';
const provider = { issuer: 'http://127.0.0.1:9', clientId: 'uplift', clientSecret: SECRET, name: 'Corp', allowedDomains: 'corp.test', roleClaim: 'groups' };
const stateOf = (o: Outcome) => ('state' in o ? o.state : undefined);

describeEachDb(
  'single sign-on on /admin',
  (ctx) => {
    let fx: Fixtures;
    beforeAll(async () => {
      installDb(ctx.db, ctx.kind);
      fx = await loadFixtures(ctx.db);
    });
    afterEach(() => {
      delete process.env.UPLIFT_OIDC_ISSUER;
    });
    const run = async (action: typeof saveSsoProviderAction, input: Record<string, string>) => {
      await actAs(fx, 'admin');
      return stateOf(await actionOutcome(() => action({}, formDataOf(input))));
    };

    it('seals the client secret, keeps it when left empty, and audits without it', async () => {
      expect(await run(saveSsoProviderAction, provider)).toEqual({ ok: true, message: 'Single sign-on saved.' });
      const saved = await getSsoSettings(ctx.db);
      expect(saved.clientSecretSealed).not.toContain(SECRET);
      expect(openSecret(saved.clientSecretSealed!, OIDC_SECRET_PURPOSE)).toBe(SECRET);
      expect(await run(saveSsoProviderAction, { ...provider, clientSecret: '', name: 'Corp SSO' })).toEqual({ ok: true, message: 'Single sign-on saved.' });
      expect((await resolveSsoConfig(ctx.db))).toMatchObject({ source: 'admin', clientSecret: SECRET, name: 'Corp SSO', allowedDomains: ['corp.test'] });
      const [audit] = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'sso.config')).orderBy(desc(auditLog.id)).limit(1);
      expect(JSON.stringify(audit)).not.toContain(SECRET);
      expect(JSON.stringify(audit)).not.toContain(saved.clientSecretSealed!);
      expect((audit.after as { clientSecretSet: boolean; name: string })).toMatchObject({ clientSecretSet: true, name: 'Corp SSO' });
    });

    it('refuses an empty list of allowed domains', async () => {
      const state = await run(saveSsoProviderAction, { ...provider, allowedDomains: ' ' });
      expect(state?.fieldErrors?.allowedDomains).toEqual(['Name at least one email domain or tenant id, or anyone with an account at the provider could sign in.']);
    });

    it('is read-only while the environment configures single sign-on', async () => {
      process.env.UPLIFT_OIDC_ISSUER = 'https://idp.example.test';
      process.env.UPLIFT_OIDC_CLIENT_ID = 'env-client';
      process.env.UPLIFT_OIDC_CLIENT_SECRET = 'env-secret';
      process.env.UPLIFT_OIDC_ALLOWED_DOMAINS = 'env.test';
      try {
        const before = await getSsoSettings(ctx.db);
        expect(await run(saveSsoProviderAction, { ...provider, name: 'Changed' })).toEqual({
          error: 'Single sign-on is configured by the environment (UPLIFT_OIDC_*), which wins over this page.',
        });
        expect((await getSsoSettings(ctx.db)).name).toBe(before.name);
        expect((await resolveSsoConfig(ctx.db))?.source).toBe('env');
      } finally {
        for (const k of ['CLIENT_ID', 'CLIENT_SECRET', 'ALLOWED_DOMAINS']) delete process.env[`UPLIFT_OIDC_${k}`];
      }
    });

    it('turns passwords off only with a break-glass admin who has a password', async () => {
      const otherAdminCookie = await sessionCookieOf((await fx.newUser('admin')).email, DEMO_PASSWORD);
      expect((await run(savePasswordPolicyAction, { passwordsDisabled: 'true', breakGlassUserId: '' }))?.fieldErrors?.breakGlassUserId).toEqual([
        'Choose an active admin with a password as the break-glass account.',
      ]);
      expect((await run(savePasswordPolicyAction, { passwordsDisabled: 'true', breakGlassUserId: fx.users.executive.id }))?.fieldErrors?.breakGlassUserId).toHaveLength(1);
      expect(await run(savePasswordPolicyAction, { passwordsDisabled: 'true', breakGlassUserId: fx.users.admin.id })).toEqual({
        ok: true,
        message: 'Local passwords are off, except for the break-glass admin.',
      });
      expect(await getSsoSettings(ctx.db)).toMatchObject({ passwordsDisabled: true, breakGlassUserId: fx.users.admin.id });
      // Meanwhile the break-glass admin can be neither demoted nor deactivated (here by another admin).
      await setRequest({ cookie: otherAdminCookie });
      const kept = 'This is the break-glass admin while passwords are off: choose another one, or turn passwords on, first.';
      expect(stateOf(await actionOutcome(() => setRoleAction({}, formDataOf({ userId: fx.users.admin.id, role: 'lead' }))))).toEqual({ error: kept });
      expect(stateOf(await actionOutcome(() => setActiveAction({}, formDataOf({ userId: fx.users.admin.id, active: 'false' }))))).toEqual({ error: kept });
      expect((await ctx.db.select({ role: user.role, active: user.active }).from(user).where(eq(user.id, fx.users.admin.id)))[0]).toEqual({ role: 'admin', active: true });
      expect(await run(savePasswordPolicyAction, { passwordsDisabled: 'false', breakGlassUserId: '' })).toEqual({ ok: true, message: 'Local passwords are on.' });
      expect(await getSsoSettings(ctx.db)).toMatchObject({ passwordsDisabled: false, breakGlassUserId: null });
      const audits = await ctx.db.select({ after: auditLog.after }).from(auditLog).where(eq(auditLog.action, 'sso.passwords')).orderBy(auditLog.id);
      expect(audits.map((a) => (a.after as { passwordsDisabled: boolean }).passwordsDisabled)).toEqual([true, false]);
    });
  },
  { demo: true },
);
