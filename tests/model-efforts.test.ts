// Reasoning effort per model link: which efforts a model accepts, the write path's check,
// migration 0010's conversion of the old "reasoning used" checkbox, and older backups restored the same way.
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { EFFORT_BACKFILL_SQL } from '@/db/backup/effort-backfill';
import type { DatabaseKind } from '@/db/config';
import { connectPglite, connectPostgres } from '@/db/connect';
import { migrateDb } from '@/db/migrate';
import { createExperiment, updateExperiment } from '@/db/queries/experiments/write';
import { aiModels, experimentModels, experiments, modelAliases, teams, user } from '@/db/schema';
import type { Db } from '@/db/types';
import type { SessionUser } from '@/lib/auth/permissions';
import { compareEfforts, effortProblem, supportedEfforts } from '@/lib/catalog/model-efforts';
import { experimentFormObject, experimentSchema } from '@/lib/validation/experiment';
import { asOlderBackup, backupFileOf, inFreshRestore } from './helpers/backup-roundtrip';
import { createPostgresTestDatabase, DB_KINDS, describeEachDb } from './helpers/db';
import { earlierMigrationsFolder } from './helpers/migrations';

const journal = JSON.parse(fs.readFileSync(path.join('db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const EFFORT_MIGRATION = journal.entries.findIndex((e) => e.tag.endsWith('_reasoning_effort_usage'));

describe('efforts a model accepts', () => {
  it('a model that does not reason accepts none only, whatever the catalog lists', () => {
    expect(supportedEfforts({ reasoning: false }, ['high'])).toEqual(['none']);
  });
  it('a reasoning model accepts the vendor default and its listed efforts, lowest first, without unknown', () => {
    expect(supportedEfforts({ reasoning: true }, ['xhigh', 'unknown', 'low', 'none', 'default', '', 'high'])).toEqual(['default', 'none', 'low', 'high', 'xhigh']);
    expect(supportedEfforts({ reasoning: true }, ['32K', '1K', '16K', 'thinking'])).toEqual(['default', '1K', '16K', '32K', 'thinking']);
    expect(['64K', 'minimal', 'max', 'medium'].sort(compareEfforts)).toEqual(['minimal', 'medium', 'max', '64K']);
  });
  it('names the problem', () => {
    expect(effortProblem('GPT-4o', { reasoning: false }, [], 'high')).toBe('GPT-4o does not reason: its effort can only be "none".');
    expect(effortProblem('o3', { reasoning: true }, ['low', 'high'], 'xhigh')).toBe('o3 has no effort "xhigh" in the catalog; choose one of: default, low, high.');
    expect(effortProblem('o3', { reasoning: true }, ['low', 'high'], 'high')).toBeNull();
  });
  it('the form sends effort-<id> fields, kept per model id', () => {
    const fd = new FormData();
    fd.append('title', 'x');
    fd.append('effort-12', 'high');
    fd.append('effort-bad', 'low');
    fd.append('effort-13', '');
    expect(experimentSchema.parse(experimentFormObject(fd)).efforts).toEqual({ 12: 'high' });
  });
  it('migration 0010 holds the backfill a restore runs, verbatim', () => {
    const migration = fs.readFileSync(path.join('db', 'migrations', `${journal.entries[EFFORT_MIGRATION].tag}.sql`), 'utf8');
    for (const statement of EFFORT_BACKFILL_SQL) expect(migration).toContain(statement);
  });
});

async function addModel(db: Db, slug: string, reasoning: boolean, efforts: string[] = []) {
  const [m] = await db.insert(aiModels).values({ slug, name: slug, vendor: 'Test', releaseDate: '2026-01-01', reasoning }).returning({ id: aiModels.id });
  for (const e of efforts) await db.insert(modelAliases).values({ source: 'epoch', externalId: `${slug}_${e}`, modelId: m.id, effort: e });
  return m.id;
}

describeEachDb('the write path checks each link’s effort', (ctx) => {
  let admin: SessionUser, team: number, plain: number, thinker: number;
  const links = async (id: number) =>
    (await ctx.db.select({ m: experimentModels.modelId, e: experimentModels.effort }).from(experimentModels).where(eq(experimentModels.experimentId, id)).orderBy(experimentModels.modelId)).map((r) => [r.m, r.e]);
  const used = async (id: number) => (await ctx.db.select({ r: experiments.reasoningUsed }).from(experiments).where(eq(experiments.id, id)))[0].r;
  it('sets up', async () => {
    const [u] = await ctx.db.insert(user).values({ id: 'admin-1', name: 'Admin', email: 'a@x.test', role: 'admin' }).returning();
    admin = { id: u.id, name: u.name, email: u.email, role: 'admin', teamIds: [], leadTeamIds: [] };
    team = (await ctx.db.insert(teams).values({ name: 'T', function: 'ops' }).returning({ id: teams.id }))[0].id;
    plain = await addModel(ctx.db, 'plain', false);
    thinker = await addModel(ctx.db, 'thinker', true, ['low', 'high', 'xhigh']);
  });
  let id: number;
  it('refuses an effort the model does not list, and any effort but none on a model that does not reason', async () => {
    const bad = await createExperiment(ctx.db, admin, experimentSchema.parse({ title: 'a', teamId: String(team), modelIds: [String(thinker)], efforts: { [thinker]: '32K' } }));
    expect(bad).toEqual({ ok: false, reason: 'invalid', field: 'efforts', message: 'thinker has no effort "32K" in the catalog; choose one of: default, low, high, xhigh.' });
    const plainHigh = await createExperiment(ctx.db, admin, experimentSchema.parse({ title: 'a', teamId: String(team), modelIds: [String(plain)], efforts: { [plain]: 'high' } }));
    expect(plainHigh).toMatchObject({ ok: false, field: 'efforts', message: 'plain does not reason: its effort can only be "none".' });
    expect((await ctx.db.select({ n: sql<number>`count(*)::int` }).from(experiments))[0].n).toBe(0);
  });
  it('stores a listed effort, defaults the rest, and derives reasoning used', async () => {
    const r = await createExperiment(ctx.db, admin, experimentSchema.parse({ title: 'a', teamId: String(team), modelIds: [String(plain), String(thinker)], efforts: { [thinker]: 'xhigh' } }));
    if (!r.ok) throw new Error(r.message);
    id = r.id;
    expect(await links(id)).toEqual([[plain, 'none'], [thinker, 'xhigh']]);
    expect(await used(id)).toBe(true);
  });
  it('an edit changes an effort in place, and none everywhere means no reasoning', async () => {
    const r = await updateExperiment(ctx.db, admin, id, 1, experimentSchema.parse({ title: 'a', teamId: String(team), modelIds: [String(plain)] }));
    expect(r).toMatchObject({ ok: true, version: 2 });
    expect(await links(id)).toEqual([[plain, 'none']]);
    expect(await used(id)).toBe(false);
    await updateExperiment(ctx.db, admin, id, 2, experimentSchema.parse({ title: 'a', teamId: String(team), modelIds: [String(thinker)], efforts: { [thinker]: 'low' } }));
    await updateExperiment(ctx.db, admin, id, 3, experimentSchema.parse({ title: 'a', teamId: String(team), modelIds: [String(thinker)], efforts: { [thinker]: 'high' } }));
    expect(await links(id)).toEqual([[thinker, 'high']]);
    expect(await used(id)).toBe(true);
  });
}, { demo: false });

const rowsOf = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

/** Old rows: A ticked, on a plain and a hybrid model; B not ticked, on the hybrid and an always-reasoning model; C ticked, on the plain model only. */
const OLD_ROWS = [
  `insert into teams (name, function) values ('T', 'ops')`,
  `insert into ai_models (slug, name, vendor, release_date, reasoning) values ('plain', 'Plain', 'V', '2025-01-01', false), ('hybrid', 'Hybrid', 'V', '2025-01-01', true), ('always', 'Always', 'V', '2025-01-01', true)`,
  `insert into model_aliases (source, external_id, model_id, effort) select 'epoch', 'hybrid_none', id, 'none' from ai_models where slug = 'hybrid'`,
  `insert into experiments (title, team_id, reasoning_used) select x.t, teams.id, x.r from teams, (values ('A', true), ('B', false), ('C', true)) x(t, r)`,
  `insert into experiment_models (experiment_id, model_id, is_primary) select e.id, m.id, m.slug <> 'always' and m.slug <> 'plain' or e.title = 'C' from experiments e, ai_models m
     where (e.title = 'A' and m.slug in ('plain', 'hybrid')) or (e.title = 'B' and m.slug in ('hybrid', 'always')) or (e.title = 'C' and m.slug = 'plain')`,
];
const EXPECTED = [
  { title: 'A', slug: 'hybrid', effort: 'default', reasoning_used: true },
  { title: 'A', slug: 'plain', effort: 'none', reasoning_used: true },
  { title: 'B', slug: 'always', effort: 'default', reasoning_used: true },
  { title: 'B', slug: 'hybrid', effort: 'none', reasoning_used: true },
  { title: 'C', slug: 'plain', effort: 'none', reasoning_used: false },
];
async function linksNow(db: Db) {
  return rowsOf(
    await db.execute(sql`select e.title, m.slug, l.effort, e.reasoning_used from experiment_models l join experiments e on e.id = l.experiment_id
      join ai_models m on m.id = l.model_id order by e.title, m.slug`),
  );
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

for (const kind of DB_KINDS) {
  describe(`migration 0010 turns "reasoning used" into efforts [${kind}]`, () => {
    it('gives each old link none, or its vendor default, and reasoning used follows the links', { timeout: 120_000 }, async () => {
      const { db, close } = await openEmpty(kind);
      try {
        const folder = earlierMigrationsFolder(EFFORT_MIGRATION);
        dirs.push(folder);
        if (kind === 'pglite') await migratePglite(db as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder: folder });
        else await migratePostgres(db, { migrationsFolder: folder });
        for (const s of OLD_ROWS) await db.execute(sql.raw(s));
        await migrateDb(db, kind);
        expect(await linksNow(db)).toEqual(EXPECTED);
      } finally {
        await close();
      }
    });
  });
}

describeEachDb('a backup from before efforts restores as the migration converts', (ctx) => {
  it('restores schema-0009 links with the same efforts as the migration gives', async () => {
    await ctx.ownerDb.execute(sql.raw(`insert into "user" (id, name, email, role) values ('u1', 'U', 'u@x.test', 'admin')`));
    for (const s of OLD_ROWS.slice(0, 4)) await ctx.ownerDb.execute(sql.raw(s));
    // Links as a 0009 instance held them: no effort column (the current default is overwritten on restore).
    await ctx.ownerDb.execute(sql.raw(OLD_ROWS[4]));
    const file = await backupFileOf(ctx.db);
    const older = await asOlderBackup(file, '0009_benchmarks_catalog', {
      experiment_models: (k) => k === 'effort',
      checkins: (k) => ['tasks_done', 'input_tokens', 'output_tokens', 'billed_cost_cents', 'usage_model_id', 'usage_effort'].includes(k),
    });
    expect(Object.keys(older.tables.experiment_models[0])).not.toContain('effort');
    expect(await inFreshRestore(ctx.kind, older, linksNow)).toEqual(EXPECTED);
  });
}, { demo: false });

async function openEmpty(kind: DatabaseKind): Promise<{ db: Db; close: () => Promise<void> }> {
  if (kind === 'pglite') return connectPglite();
  const created = await createPostgresTestDatabase('uplift_eff');
  const conn = connectPostgres(created.ownerUrl, { max: 2 });
  return {
    db: conn.db,
    close: async () => {
      await conn.close();
      await created.drop();
    },
  };
}
