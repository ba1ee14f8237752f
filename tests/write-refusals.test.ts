// The refusals of the admin writes that return WriteResult: each says why in one sentence, names the field
// where there is one, and writes nothing (no row, no audit entry); on PGlite and PostgreSQL.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { deleteRoleMapping, saveSsoProvider, savePasswordPolicy, upsertRoleMapping } from '@/db/queries/admin/sso';
import { addAlias, deleteAlias } from '@/db/queries/models/aliases';
import { discardSync } from '@/db/queries/models/catalog-sync';
import { clearLockOut } from '@/db/queries/people/login-attempts';
import { createPasswordResetToken } from '@/db/queries/people/password-reset';
import { createConnection, deleteConnection, replaceCredential } from '@/db/queries/usage/connections';
import { setFxRate } from '@/db/queries/usage/fx-rates';
import { written } from '@/db/queries/write-result';
import { aiModels, auditLog, user } from '@/db/schema';
import type { Db } from '@/db/types';
import { describeEachDb } from './helpers/db';

const ACTOR = { id: 'u_refusal_admin', email: 'refusal.admin@example.test' };
const auditCount = async (db: Db) => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n;

describeEachDb('write refusals', (ctx) => {
  let modelId: number;
  beforeAll(async () => {
    await ctx.db.insert(user).values([
      { ...ACTOR, name: 'Refusal admin', role: 'admin' as const },
      { id: 'u_refusal_gone', email: 'gone@example.test', name: 'Gone', role: 'lead' as const, active: false },
    ]);
    [{ id: modelId }] = await ctx.db.insert(aiModels).values({ slug: 'refusal-model', name: 'Refusal model', vendor: 'Acme', releaseDate: '2030-01-01' }).returning({ id: aiModels.id });
  });

  /** Runs the write in a transaction and checks it wrote no audit entry (a refusal writes nothing). */
  const refusedWithoutAudit = async <T,>(write: (tx: Db) => Promise<T>) => {
    const before = await auditCount(ctx.db);
    const result = await ctx.db.transaction((tx) => write(tx as unknown as Db));
    expect(await auditCount(ctx.db)).toBe(before);
    return result;
  };

  it('single sign-on: no secret stored or given, a mapping to a team or a mapping that is gone, a break-glass admin without a password', async () => {
    expect(await refusedWithoutAudit((tx) => saveSsoProvider(tx, ACTOR, { issuer: 'http://127.0.0.1:9', clientId: 'c', name: 'Corp', allowedDomains: 'corp.test', roleClaim: 'groups' }))).toEqual({
      ok: false, reason: 'invalid', field: 'clientSecret', message: 'Enter the client secret.',
    });
    expect(await refusedWithoutAudit((tx) => upsertRoleMapping(tx, ACTOR, { claimValue: 'g', role: 'lead', teamId: 999_999 }))).toEqual({
      ok: false, reason: 'not_found', field: 'teamId', message: 'That team no longer exists.',
    });
    expect(await refusedWithoutAudit((tx) => deleteRoleMapping(tx, ACTOR, 999_999))).toEqual({ ok: false, reason: 'not_found', message: 'That mapping no longer exists.' });
    expect(await refusedWithoutAudit((tx) => savePasswordPolicy(tx, ACTOR, true, ACTOR.id))).toEqual({
      ok: false, reason: 'invalid', field: 'breakGlassUserId', message: 'Choose an active admin with a password as the break-glass account.',
    });
  });

  it('an exchange rate for the reporting currency itself (read inside the transaction); another currency is set', async () => {
    expect(await refusedWithoutAudit((tx) => setFxRate(tx, ACTOR, { month: '2026-11', currency: 'USD', rate: '1' }))).toEqual({
      ok: false, reason: 'invalid', field: 'currency', message: 'USD is the reporting currency: its bills need no rate.',
    });
    expect(await ctx.db.transaction((tx) => setFxRate(tx, ACTOR, { month: '2026-11', currency: 'EUR', rate: '1.08' }))).toEqual({ ok: true, reporting: 'USD' });
  });

  it('aliases: a model that is gone, an id mapped already, a mapping removed already', async () => {
    expect(await refusedWithoutAudit((tx) => addAlias(tx, ACTOR, { source: 'epoch', externalId: 'x', modelId: 999_999, effort: '' }))).toEqual({ ok: false, reason: 'not_found', message: 'That model no longer exists.' });
    const { id } = written(await ctx.db.transaction((tx) => addAlias(tx, ACTOR, { source: 'models.dev', externalId: 'acme/refusal', modelId, effort: '' })));
    expect(await refusedWithoutAudit((tx) => addAlias(tx, ACTOR, { source: 'models.dev', externalId: 'acme/refusal', modelId, effort: '' }))).toEqual({
      ok: false, reason: 'conflict', message: 'This models.dev id is mapped already; remove that mapping first.',
    });
    expect(await ctx.db.transaction((tx) => deleteAlias(tx, ACTOR, id))).toEqual({ ok: true, source: 'models.dev', externalId: 'acme/refusal' });
    expect(await refusedWithoutAudit((tx) => deleteAlias(tx, ACTOR, id))).toEqual({ ok: false, reason: 'not_found', message: 'This mapping was already removed.' });
  });

  it('a catalog sync that is not pending, a lock-out cleared already, a reset link for someone gone or deactivated', async () => {
    expect(await refusedWithoutAudit((tx) => discardSync(tx, ACTOR, 999_999))).toEqual({ ok: false, reason: 'conflict', message: 'This sync was already applied or discarded.' });
    expect(await refusedWithoutAudit((tx) => clearLockOut(tx, ACTOR, { purpose: 'sign-in', account: 'a@example.test', client: 'c1' }))).toEqual({
      ok: false, reason: 'conflict', message: 'This lock-out has already been cleared.',
    });
    expect(await refusedWithoutAudit((tx) => createPasswordResetToken(tx, ACTOR, 'u_nobody'))).toEqual({ ok: false, reason: 'not_found', message: 'That user no longer exists.' });
    expect(await refusedWithoutAudit((tx) => createPasswordResetToken(tx, ACTOR, 'u_refusal_gone'))).toEqual({
      ok: false, reason: 'invalid', message: 'This user is deactivated: reactivate them first.',
    });
  });

  it('usage connections: a name taken, a connection that is gone', async () => {
    const input = { source: 'openai' as const, name: 'Refusal', baseUrl: 'http://127.0.0.1:9', organization: '', sealedCredential: 'sealed' };
    const { connection } = written(await ctx.db.transaction((tx) => createConnection(tx, ACTOR, input)));
    expect(await refusedWithoutAudit((tx) => createConnection(tx, ACTOR, input))).toEqual({ ok: false, reason: 'invalid', field: 'name', message: 'Another connection has this name.' });
    expect(await ctx.db.transaction((tx) => deleteConnection(tx, ACTOR, connection.id))).toEqual({ ok: true });
    const gone = { ok: false, reason: 'not_found', message: 'That connection no longer exists.' };
    expect(await refusedWithoutAudit((tx) => replaceCredential(tx, ACTOR, connection.id, () => 'sealed again'))).toEqual(gone);
    expect(await refusedWithoutAudit((tx) => deleteConnection(tx, ACTOR, connection.id))).toEqual(gone);
  });
});
