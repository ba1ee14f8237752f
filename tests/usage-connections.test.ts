// Usage connections on /admin/usage through the real server actions: only admins connect, the credential is
// sealed and never comes back (not in the answer, the refilled form, the list or the audit), URLs are checked,
// a pull now imports from a mock vendor, and replacing and removing are audited. Both databases.
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { addConnectionAction, deleteConnectionAction, pullNowAction, replaceCredentialAction } from '@/app/(app)/admin/usage/connection-actions';
import { listConnections } from '@/db/queries/usage/connections';
import { auditLog, usageConnections, usageDaily } from '@/db/schema';
import type { ActionState } from '@/lib/action-state';
import { openSecret } from '@/lib/security/secrets';
import { describeEachDb } from './helpers/db';
import { actAs, actionOutcome, formDataOf, installDb, loadFixtures, type Caller, type Fixtures } from './helpers/security-harness';
import { startLitellmMock } from './helpers/usage-mocks/litellm';
import type { MockServer } from './helpers/usage-mocks/server';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);

const SECRET = 'sk-litellm-master-key-never-shown-again';
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describeEachDb(
  'usage connections on /admin/usage',
  (ctx) => {
    let fx: Fixtures;
    let litellm: MockServer;
    beforeAll(async () => {
      installDb(ctx.db, ctx.kind);
      fx = await loadFixtures(ctx.db);
      litellm = await startLitellmMock({
        key: SECRET,
        days: { [yesterday()]: [{ model: 'gpt-4o-mini', provider: 'openai', key: 'hash1', keyAlias: 'ci', teamId: 'team-a', spend: 0.25, prompt: 10, completion: 5, requests: 2 }] },
      });
    });
    afterAll(() => litellm?.close());

    const call = async (caller: Caller, action: (p: ActionState, f: FormData) => Promise<ActionState>, input: Record<string, string>) => {
      await actAs(fx, caller);
      return actionOutcome(() => action({}, formDataOf(input)));
    };
    const form = () => ({ source: 'litellm', name: `Proxy ${fx.uid()}`, baseUrl: litellm.origin, organization: '', credential: SECRET });

    it('only admins connect a source', async () => {
      const input = form();
      for (const caller of ['executive', 'teamLead', 'otherLead'] as const) expect((await call(caller, addConnectionAction, input)).kind).toBe('forbidden');
      expect((await call('anon', addConnectionAction, input)).kind).toBe('login');
      expect(await ctx.db.select().from(usageConnections).where(eq(usageConnections.name, input.name))).toEqual([]);
    });

    it('seals the credential, never returns it, and pulls now from the vendor', async () => {
      const input = form();
      const added = await call('admin', addConnectionAction, input);
      expect(added).toEqual({ kind: 'ok', state: { ok: true, message: `${input.name} connected. Its credential is saved and will not be shown again; pull now, or wait for the daily pull.` } });
      const [row] = await ctx.db.select().from(usageConnections).where(eq(usageConnections.name, input.name));
      expect(row.sealedCredential).not.toContain(SECRET);
      expect(openSecret(row.sealedCredential!, 'usage:litellm')).toBe(SECRET);
      const listed = (await listConnections(ctx.db)).find((c) => c.id === row.id)!;
      expect(listed).toMatchObject({ credentialSet: true, baseUrl: litellm.origin, lastImportedDate: null });
      expect(JSON.stringify(listed)).not.toContain(row.sealedCredential!);
      const [audit] = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'usage.connect')).orderBy(desc(auditLog.id)).limit(1);
      expect(audit.after).toEqual({ source: 'litellm', name: input.name, baseUrl: litellm.origin, organization: '', credentialSet: true, lastImportedDate: null });

      const pulled = await call('admin', pullNowAction, { connectionId: String(row.id) });
      expect(pulled.kind).toBe('ok');
      expect(JSON.stringify(pulled)).not.toContain(SECRET);
      const rows = await ctx.db.select().from(usageDaily).where(eq(usageDaily.connectionId, row.id));
      expect(rows.map((r) => [r.day, r.externalTeam, r.externalModel, r.requests, r.costMicros])).toEqual([[yesterday(), 'team-a', 'gpt-4o-mini', 2, 250_000]]);
      expect((await listConnections(ctx.db)).find((c) => c.id === row.id)).toMatchObject({ lastImportedDate: yesterday(), lastError: null });
      const audits = await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, String(row.id)));
      expect(JSON.stringify(audits)).not.toContain(SECRET);
    });

    it('refuses a metadata address and gives the form back without the credential', async () => {
      const input = { ...form(), baseUrl: 'http://169.254.169.254/latest' };
      const refused = await call('admin', addConnectionAction, input);
      expect(refused.kind).toBe('invalid');
      const state = (refused as { state: ActionState }).state;
      expect(state.fieldErrors?.baseUrl).toEqual(['This address is link-local or a cloud metadata service, which a connection may not call.']);
      expect(state.values).toEqual({ source: 'litellm', name: input.name, baseUrl: input.baseUrl, organization: '' });
      expect(JSON.stringify(state)).not.toContain(SECRET);
    });

    it('records a failed pull on the connection, and a new credential clears it', async () => {
      const input = { ...form(), credential: 'sk-wrong-key' };
      await call('admin', addConnectionAction, input);
      const [row] = await ctx.db.select().from(usageConnections).where(eq(usageConnections.name, input.name));
      const failed = await call('admin', pullNowAction, { connectionId: String(row.id) });
      expect(failed).toEqual({ kind: 'invalid', state: { error: `${input.name}: failed: ${litellm.origin}/user/daily/activity answered 401 Unauthorized: check the credential and its permissions.` } });
      expect((await listConnections(ctx.db)).find((c) => c.id === row.id)?.lastError).toBe(`${litellm.origin}/user/daily/activity answered 401 Unauthorized: check the credential and its permissions.`);

      expect(await call('admin', replaceCredentialAction, { connectionId: String(row.id), credential: SECRET })).toEqual({ kind: 'ok', state: { ok: true, message: 'Credential replaced.' } });
      const [after] = await ctx.db.select().from(usageConnections).where(eq(usageConnections.id, row.id));
      expect([openSecret(after.sealedCredential!, 'usage:litellm'), after.lastError]).toEqual([SECRET, null]);
      const [audit] = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'usage.credential')).orderBy(desc(auditLog.id)).limit(1);
      expect(JSON.stringify(audit)).not.toContain(SECRET);
      expect(JSON.stringify(audit)).not.toContain('sk-wrong-key');
      expect((await call('admin', pullNowAction, { connectionId: String(row.id) })).kind).toBe('ok');
    });

    it('removes a connection and keeps the usage it imported', async () => {
      const input = form();
      await call('admin', addConnectionAction, input);
      const [row] = await ctx.db.select().from(usageConnections).where(eq(usageConnections.name, input.name));
      await call('admin', pullNowAction, { connectionId: String(row.id) });
      expect(await call('executive', deleteConnectionAction, { connectionId: String(row.id) })).toEqual({ kind: 'forbidden' });
      expect(await call('admin', deleteConnectionAction, { connectionId: String(row.id) })).toEqual({ kind: 'ok', state: { ok: true, message: 'Connection removed; the usage it imported stays.' } });
      expect(await ctx.db.select().from(usageConnections).where(eq(usageConnections.id, row.id))).toEqual([]);
      expect(await ctx.db.select({ n: usageDaily.id }).from(usageDaily).where(eq(usageDaily.connectionId, row.id))).toHaveLength(1);
      expect(await call('admin', deleteConnectionAction, { connectionId: String(row.id) })).toEqual({ kind: 'invalid', state: { error: 'That connection no longer exists.' } });
      expect(await call('admin', pullNowAction, { connectionId: String(row.id) })).toEqual({ kind: 'invalid', state: { error: 'That connection no longer exists.' } });
    });
  },
  { demo: true },
);
