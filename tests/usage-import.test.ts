import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { describeImport, importUsage, IMPORT_BATCH, type ImportUsageInput } from '@/db/queries/usage/import';
import { listUsageTeams, setUsageTeamMapping } from '@/db/queries/usage/mappings';
import { reresolveUsageModel } from '@/db/queries/usage/models';
import { applyUsageRetention, setUsageRetention } from '@/db/queries/usage/retention';
import { aiModels, auditLog, modelAliases, orgSettings, teams, usageDaily, usageImports, usageTeamMappings } from '@/db/schema';
import type { UsageSource } from '@/db/schema/usage';
import { rawRows } from '@/db/sql';
import type { Db } from '@/db/types';
import type { UsageRecord } from '@/lib/usage/record';
import { parseUsage } from '@/lib/usage/sources';
import { getJob } from '@/lib/jobs/registry';
import { describeEachDb } from './helpers/db';

const ACTOR = { id: 'usage-admin', email: 'usage-admin@example.com' };
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures/usage', name), 'utf8');
function parsed(source: UsageSource, name: string): UsageRecord[] {
  const r = parseUsage(source, fixture(name));
  if (!r.ok) throw new Error(r.error);
  return r.records;
}
const run = (db: Db, source: UsageSource, records: ImportUsageInput['records'], fileName = 'test') => importUsage(db, { source, origin: 'upload', fileName, records, actor: ACTOR });
const rowsOf = (db: Db, source: UsageSource) =>
  db.select().from(usageDaily).where(eq(usageDaily.source, source)).orderBy(usageDaily.day, usageDaily.externalTeam, usageDaily.externalModel);
const count = async (db: Db, table: string) => (await rawRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${table}"`)))[0].n;
const modelIdOf = async (db: Db, slug: string) => (await db.select({ id: aiModels.id }).from(aiModels).where(eq(aiModels.slug, slug)))[0].id;

function record(day: string, team: string, model: string, requests = 1): UsageRecord {
  return { day, externalTeam: team, vendor: 'Acme', externalModel: model, requests, inputTokens: 10, outputTokens: 5, costMicros: 7, currency: 'USD', activeUsers: null, engagedUsers: null, details: null };
}

describeEachDb('importUsage', (ctx) => {
  let platform: number;
  beforeEach(async () => {
    for (const table of ['usage_daily', 'usage_imports', 'usage_team_mappings']) await ctx.ownerDb.execute(sql.raw(`delete from ${table}`));
    const [t] = await ctx.db.insert(teams).values({ name: `Platform ${Math.random()}` }).returning({ id: teams.id });
    platform = t.id;
  });

  it('imports the CSV: team from the mapping, model through the catalog, costs exact, an import row and an audit entry', async () => {
    await ctx.db.insert(usageTeamMappings).values({ source: 'csv', externalTeam: 'platform', teamId: platform });
    const r = await run(ctx.db, 'csv', parsed('csv', 'usage.csv'), 'usage.csv');
    expect(r).toMatchObject({ ok: true, rows: 3, firstDay: '2026-11-02', lastDay: '2026-11-03', unmappedTeams: 0, unresolvedModels: 1 });
    expect(describeImport(r)).toBe('Imported 3 rows from 2026-11-02 to 2026-11-03 (1 model id not in the catalog).');
    const mistral = await modelIdOf(ctx.db, 'mistral-large-2');
    const rows = await rowsOf(ctx.db, 'csv');
    expect(rows.map((x) => [x.day, x.externalTeam, x.teamId, x.externalModel, x.modelId, x.requests, x.costMicros, x.currency, x.activeUsers])).toEqual([
      ['2026-11-02', '', null, 'command-r-plus', null, 80, 123, 'USD', null],
      ['2026-11-02', 'platform', platform, 'mistral-large-2', mistral, 1250, 4_187_500, 'EUR', 18],
      ['2026-11-03', 'platform', platform, 'mistral-large-2', mistral, 900, 2_750_000, 'EUR', 15],
    ]);
    if (!r.ok) throw new Error(r.message);
    const [imp] = await ctx.db.select().from(usageImports).where(eq(usageImports.id, r.importId));
    expect(imp).toMatchObject({ source: 'csv', connectionId: 0, origin: 'upload', fileName: 'usage.csv', rowCount: 3, firstDay: '2026-11-02', lastDay: '2026-11-03', createdBy: ACTOR.email });
    expect(rows.every((x) => x.importId === r.importId)).toBe(true);
    const [audit] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'usage.import'), eq(auditLog.entityId, String(r.importId))));
    expect(audit).toMatchObject({ actorEmail: ACTOR.email, entityType: 'usage_import', after: { source: 'csv', origin: 'upload', rows: 3, firstDay: '2026-11-02', lastDay: '2026-11-03' } });
  });

  it('importing again replaces rather than adds: idempotent, and a changed figure replaces the old one', async () => {
    await run(ctx.db, 'csv', parsed('csv', 'usage.csv'));
    const first = await rowsOf(ctx.db, 'csv');
    await run(ctx.db, 'csv', parsed('csv', 'usage.csv'));
    const again = await rowsOf(ctx.db, 'csv');
    expect(again.map((x) => [x.id, x.requests, x.costMicros])).toEqual(first.map((x) => [x.id, x.requests, x.costMicros]));
    const changed = parsed('csv', 'usage.csv').map((x) => (x.day === '2026-11-03' ? { ...x, requests: 901, costMicros: 1 } : x));
    await run(ctx.db, 'csv', [...changed, record('2026-11-04', 'platform', 'mistral-large-2')]);
    const after = await rowsOf(ctx.db, 'csv');
    expect(after.map((x) => [x.day, x.externalTeam, x.requests, x.costMicros])).toEqual([
      ['2026-11-02', '', 80, 123],
      ['2026-11-02', 'platform', 1250, 4_187_500],
      ['2026-11-03', 'platform', 901, 1],
      ['2026-11-04', 'platform', 1, 7],
    ]);
    expect(await count(ctx.db, 'usage_imports')).toBe(3);
  });

  it('keeps usage and cost pages of the same day apart: a cost page sets the cost, a usage page the tokens, neither clears the other', async () => {
    await run(ctx.db, 'openai', parsed('openai', 'openai-usage-completions.json'));
    await run(ctx.db, 'openai', parsed('openai', 'openai-costs.json'));
    await run(ctx.db, 'openai', parsed('openai', 'openai-usage-completions.json'));
    const gpt4o = await modelIdOf(ctx.db, 'gpt-4o');
    const mini = await modelIdOf(ctx.db, 'gpt-4o-mini');
    const rows = await rowsOf(ctx.db, 'openai');
    expect(rows.map((x) => [x.day, x.externalTeam, x.externalModel, x.modelId, x.requests, x.inputTokens, x.outputTokens, x.costMicros])).toEqual([
      ['2025-12-01', 'proj_platform', 'gpt-4o-2024-08-06', gpt4o, 4200, 1_250_000, 310_000, 6_225_000],
      ['2025-12-01', 'proj_support', 'gpt-4o-mini-2024-07-18', mini, 310, 98_000, 12_000, 123],
      ['2025-12-02', 'proj_platform', 'gpt-4o-2024-08-06', gpt4o, 3000, 900_000, 200_000, 0],
    ]);
  });

  it('imports every source\'s fixtures', async () => {
    const cases: [UsageSource, string, number][] = [
      ['copilot', 'copilot-enterprise-28-day.json', 2],
      ['copilot', 'copilot-users-and-teams-1-day.ndjson', 3],
      ['anthropic', 'anthropic-usage-report.json', 2],
      ['anthropic', 'anthropic-cost-report.json', 2],
      ['litellm', 'litellm-daily-activity.json', 2],
      ['litellm', 'litellm-spend-logs.json', 2],
    ];
    for (const [source, file, rows] of cases) expect(await run(ctx.db, source, parsed(source, file), file)).toMatchObject({ ok: true, rows });
    const sonnet = await modelIdOf(ctx.db, 'claude-sonnet-4');
    const [anthropic] = (await rowsOf(ctx.db, 'anthropic')).filter((x) => x.externalModel === 'claude-sonnet-4-20250514');
    expect([anthropic.modelId, anthropic.inputTokens, anthropic.outputTokens, anthropic.costMicros]).toEqual([sonnet, 3200, 500, 1_234_623]);
    const litellm = await rowsOf(ctx.db, 'litellm');
    expect(litellm.map((x) => [x.externalTeam, x.externalModel, x.modelId])).toEqual([
      ['key:ci-bot', 'gpt-4o-mini', await modelIdOf(ctx.db, 'gpt-4o-mini')],
      ['team-search', 'anthropic/claude-sonnet-4-5', await modelIdOf(ctx.db, 'claude-sonnet-4.5')],
      ['team-search', 'gpt-4o-mini', await modelIdOf(ctx.db, 'gpt-4o-mini')],
      ['key:personal-dana', 'claude-sonnet-4-5-20250929', await modelIdOf(ctx.db, 'claude-sonnet-4.5')],
    ]);
    const copilotTeams = (await rowsOf(ctx.db, 'copilot')).filter((x) => x.day === '2026-05-07').map((x) => [x.externalTeam, x.activeUsers, x.engagedUsers]);
    expect(copilotTeams).toEqual([['', 3, 2], ['backend', 1, 1], ['frontend', 2, 2]]);
  });

  it('a mapping edit moves that external team\'s rows in the same transaction; unmapped usage stays, shown as such', async () => {
    await run(ctx.db, 'csv', parsed('csv', 'usage.csv'));
    expect((await rowsOf(ctx.db, 'csv')).map((x) => x.teamId)).toEqual([null, null, null]);
    expect(await listUsageTeams(ctx.db)).toEqual([{ source: 'csv', externalTeam: 'platform', teamId: null, teamName: null, rows: 2, lastDay: '2026-11-03' }]);
    const mapped = await ctx.db.transaction((tx) => setUsageTeamMapping(tx, ACTOR, { source: 'csv', externalTeam: 'platform', teamId: platform }));
    expect(mapped).toMatchObject({ ok: true, rows: 2 });
    expect((await rowsOf(ctx.db, 'csv')).map((x) => x.teamId)).toEqual([null, platform, platform]);
    const [team] = await ctx.db.select({ name: teams.name }).from(teams).where(eq(teams.id, platform));
    expect(await listUsageTeams(ctx.db)).toEqual([{ source: 'csv', externalTeam: 'platform', teamId: platform, teamName: team.name, rows: 2, lastDay: '2026-11-03' }]);
    // New usage for a mapped team arrives mapped.
    await run(ctx.db, 'csv', [record('2026-11-05', 'platform', 'm')]);
    expect((await rowsOf(ctx.db, 'csv')).map((x) => x.teamId)).toEqual([null, platform, platform, platform]);
    expect(await ctx.db.transaction((tx) => setUsageTeamMapping(tx, ACTOR, { source: 'csv', externalTeam: 'platform', teamId: null }))).toMatchObject({ ok: true, rows: 3 });
    expect((await rowsOf(ctx.db, 'csv')).map((x) => x.teamId)).toEqual([null, null, null, null]);
    const audits = await ctx.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, 'csv:platform'));
    expect(audits.map((a) => a.action)).toEqual(['usage.mapping', 'usage.mapping']);
    expect(await ctx.db.transaction((tx) => setUsageTeamMapping(tx, ACTOR, { source: 'csv', externalTeam: 'platform', teamId: 999_999 }))).toEqual({ ok: false, reason: 'not_found', field: 'teamId', message: 'That team no longer exists; reload the page.' });
  });

  it('a new alias re-resolves stored usage of that model id', async () => {
    await run(ctx.db, 'csv', parsed('csv', 'usage.csv'));
    const target = await modelIdOf(ctx.db, 'mistral-large');
    const [alias] = await ctx.db.insert(modelAliases).values({ source: 'csv', externalId: 'command-r-plus', modelId: target }).returning();
    expect(await reresolveUsageModel(ctx.db, 'command-r-plus')).toBe(1);
    expect((await rowsOf(ctx.db, 'csv'))[0].modelId).toBe(target);
    await ctx.db.delete(modelAliases).where(eq(modelAliases.id, alias.id));
    expect(await reresolveUsageModel(ctx.db, 'command-r-plus')).toBe(1);
    expect((await rowsOf(ctx.db, 'csv'))[0].modelId).toBe(null);
  });

  it('a refused record leaves nothing written, even after earlier batches were inserted', async () => {
    await run(ctx.db, 'csv', parsed('csv', 'usage.csv'));
    const before = [await count(ctx.db, 'usage_daily'), await count(ctx.db, 'usage_imports'), await count(ctx.db, 'audit_log')];
    async function* many() {
      for (let i = 0; i < IMPORT_BATCH + 500; i++) yield record(`2026-01-${String((i % 28) + 1).padStart(2, '0')}`, `t${Math.floor(i / 28)}`, 'm');
      yield { ...record('2026-01-01', 'x', 'm'), currency: 'dollars' };
    }
    expect(await run(ctx.db, 'csv', many())).toEqual({ ok: false, reason: 'invalid', message: `Record ${IMPORT_BATCH + 501}: the currency must be a three-letter code such as USD. Nothing was imported.` });
    expect([await count(ctx.db, 'usage_daily'), await count(ctx.db, 'usage_imports'), await count(ctx.db, 'audit_log')]).toEqual(before);
  });

  it('refuses two records for the same day, team and model, within a batch or across batches', async () => {
    expect(await run(ctx.db, 'csv', [record('2026-01-01', 'a', 'm'), record('2026-01-01', 'a', 'm', 2)])).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Two records are for the same 2026-01-01, team "a", model "m"; nothing was imported.',
    });
    const across = [record('2026-01-01', 'a', 'm'), ...Array.from({ length: IMPORT_BATCH }, (_, i) => record('2026-01-02', `b${i}`, 'm'))];
    across.push(record('2026-01-01', 'a', 'm', 3));
    expect(await run(ctx.db, 'csv', across)).toEqual({ ok: false, reason: 'invalid', message: 'The file holds two records for the same day, team and model; nothing was imported.' });
    expect(await count(ctx.db, 'usage_daily')).toBe(0);
    expect(await count(ctx.db, 'usage_imports')).toBe(0);
  });

  it('streams records in batches: an async source of 2500 records', async () => {
    async function* stream() {
      for (let i = 0; i < 2500; i++) yield record('2026-02-01', `team-${i}`, 'm', i);
    }
    expect(await run(ctx.db, 'csv', stream())).toMatchObject({ ok: true, rows: 2500, firstDay: '2026-02-01', lastDay: '2026-02-01', unmappedTeams: 2500 });
    const [{ total }] = await rawRows<{ total: number }>(ctx.db, sql`select sum(requests)::int as total from usage_daily`);
    expect(total).toBe((2499 * 2500) / 2);
  });

  it('retention: none set keeps everything; a setting deletes the older rows', async () => {
    const job = getJob('usage-retention')!;
    expect([job.schedule({}), job.schedule({ UPLIFT_USAGE_RETENTION: 'weekly' }), job.schedule({ UPLIFT_USAGE_RETENTION: 'off' })]).toEqual(['daily', 'weekly', 'off']);
    expect(await job.run({ db: ctx.db, env: {} })).toBe('Usage is kept forever (no retention set); nothing deleted.');
    await run(ctx.db, 'csv', [record('2026-01-01', 'a', 'm'), record('2026-03-01', 'a', 'm'), record('2026-03-31', 'a', 'm')]);
    expect(await applyUsageRetention(ctx.db, '2026-04-30')).toEqual({ days: null, deleted: 0, cutoff: null });
    await ctx.db.transaction((tx) => setUsageRetention(tx, ACTOR, 60));
    expect((await ctx.db.select({ d: orgSettings.usageRetentionDays }).from(orgSettings))[0].d).toBe(60);
    expect(await applyUsageRetention(ctx.db, '2026-04-30')).toEqual({ days: 60, deleted: 1, cutoff: '2026-03-01' });
    expect((await rowsOf(ctx.db, 'csv')).map((x) => x.day)).toEqual(['2026-03-01', '2026-03-31']);
    await ctx.db.transaction((tx) => setUsageRetention(tx, ACTOR, null));
    const [audit] = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'usage.retention')).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(audit.after).toEqual({ days: 60, cutoff: '2026-03-01', deleted: 1 });
  });
});
