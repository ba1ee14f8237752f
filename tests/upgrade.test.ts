// Upgrading from the previous release: a database left by the first release (migrations 0000–0001,
// holding data) migrates to the current schema with every row intact, on PGlite and on PostgreSQL.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseKind } from '@/db/config';
import { connectPglite, connectPostgres } from '@/db/connect';
import { migrateDb, migrationCounts } from '@/db/migrate';
import { DERIVED_FILES } from '@/db/derived/apply';
import { getRetestRadar } from '@/db/queries/insights/radar';
import { seedBenchmarkCatalog } from '@/db/seed/benchmark-catalog';
import type { Db } from '@/db/types';
import { DB_KINDS, createPostgresTestDatabase } from './helpers/db';
import { earlierMigrationsFolder, shippedMigrationCount } from './helpers/migrations';
import { NO_DRIFT, summaryDrift } from './helpers/summary-definitions';

/** What the first landed release shipped: 0000_init and 0001_audit_append_only. */
const PREVIOUS_RELEASE_MIGRATIONS = 2;
/** 0000–0009: the schema before a blocker's bar could name its benchmark. */
const BEFORE_BLOCKER_BENCHMARK = 10;
const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function previousReleaseMigrations(): string {
  const dir = earlierMigrationsFolder(PREVIOUS_RELEASE_MIGRATIONS);
  tempDirs.push(dir);
  return dir;
}

/** An empty database; on PostgreSQL connected as the owner role, which runs migrations. */
async function openEmpty(kind: DatabaseKind): Promise<{ db: Db; close: () => Promise<void> }> {
  if (kind === 'pglite') return connectPglite();
  const created = await createPostgresTestDatabase('uplift_up');
  const conn = connectPostgres(created.ownerUrl, { max: 2 });
  return {
    db: conn.db,
    close: async () => {
      await conn.close();
      await created.drop();
    },
  };
}

const rows = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

for (const kind of DB_KINDS) {
  describe(`upgrading a database of the previous release [${kind}]`, () => {
    it('applies only the new migrations and keeps every row, with derived figures computed', { timeout: 120_000 }, async () => {
      const { db, close } = await openEmpty(kind);
      try {
        const folder = previousReleaseMigrations();
        if (kind === 'pglite') await migratePglite(db as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder: folder });
        else await migratePostgres(db, { migrationsFolder: folder });
        expect((await migrationCounts(db)).applied).toBe(PREVIOUS_RELEASE_MIGRATIONS);

        // Data as the previous release wrote it (its own columns only).
        for (const statement of [
          `insert into teams (name, function) values ('Kept team', 'ops')`,
          `insert into experiments (title, team_id, status, mindset, start_date, hours_before_per_task, hours_with_ai_per_task, tasks_per_month, spend_monthly_cents, quality_after) select 'Kept experiment', id, 'running', 'new_capability', '2026-01-05', 3, 1, 10, 5000, 4 from teams where name = 'Kept team'`,
          `insert into experiments (title, team_id, status, start_date, hours_before_per_task, hours_with_ai_per_task, tasks_per_month, spend_monthly_cents) select 'Unchecked experiment', id, 'running', '2026-01-05', 2, 1, 5, 700 from teams where name = 'Kept team'`,
          `insert into checkins (experiment_id, date, hours_before_per_task, hours_with_ai_per_task, tasks_per_month, spend_monthly_cents, note) select id, '2026-02-01', 3, 0.5, 12, 6000, 'first month' from experiments where title = 'Kept experiment'`,
          `insert into checkins (experiment_id, date, spend_monthly_cents, note) select id, '2026-01-15', 5500, 'older' from experiments where title = 'Kept experiment'`,
          `insert into capability_outcomes (experiment_id, type, description, impact, recorded_on) select id, 'new_capability', 'Kept outcome', 4, '2026-02-01' from experiments where title = 'Kept experiment'`,
          `insert into audit_log (action, entity_type) values ('experiment.create', 'experiment')`,
          `insert into ai_models (slug, name, vendor, release_date) values ('kept-model', 'Kept model', 'Kept', '2025-06-01')`,
          `insert into experiment_models (experiment_id, model_id, is_primary) select e.id, m.id, true from experiments e, ai_models m where m.slug = 'kept-model' and e.title = 'Kept experiment'`,
          `insert into model_benchmarks (model_id, benchmark, score, source) select id, 'gpqa_diamond', 61.5, 'kept source' from ai_models where slug = 'kept-model'`,
        ]) {
          await db.execute(sql.raw(statement));
        }

        await migrateDb(db, kind);
        const counts = await migrationCounts(db);
        expect(counts.applied).toBe(counts.shipped);

        const kept = rows<{ title: string; hours: string; team: string; outcomes: number; checkins: number }>(
          await db.execute(sql.raw(`
            select e.title, e.hours_saved_per_month::text as hours, t.name as team,
              (select count(*)::int from capability_outcomes o where o.experiment_id = e.id) as outcomes,
              (select count(*)::int from checkins c where c.experiment_id = e.id) as checkins
            from experiments e join teams t on t.id = e.team_id where e.title = 'Kept experiment'`)),
        );
        expect(kept).toEqual([{ title: 'Kept experiment', hours: '20.00', team: 'Kept team', outcomes: 1, checkins: 2 }]);
        // The migration backfilled each experiment's latest check-in figures (and the current_* built on them).
        const summaries = rows<Record<string, string | number | null>>(
          await db.execute(sql.raw(`
            select title, checkin_hours_saved_per_month::text as ch, checkin_spend_monthly_cents as cs, checkin_quality_after as cq,
              current_hours_saved_per_month::text as hours, current_spend_monthly_cents as spend, current_quality_after as quality
            from experiments order by title`)),
        );
        expect(summaries).toEqual([
          { title: 'Kept experiment', ch: '30.00', cs: 6000, cq: null, hours: '30.00', spend: 6000, quality: 4 },
          { title: 'Unchecked experiment', ch: null, cs: null, cq: null, hours: '5.00', spend: 700, quality: null },
        ]);
        // …and copied each outcome's experiment slice (team, work type, archived) onto it.
        expect(
          rows(await db.execute(sql.raw(`select (o.team_id = e.team_id) as team, o.work_type, o.experiment_archived from capability_outcomes o join experiments e on e.id = o.experiment_id`))),
        ).toEqual([{ team: true, work_type: 'other', experiment_archived: false }]);
        // The model usage summary (0002) is built from the existing links.
        expect(rows<{ slug: string; n: number }>(await db.execute(sql.raw('select m.slug, u.experiments as n from model_usage u join ai_models m on m.id = u.model_id')))).toEqual([
          { slug: 'kept-model', n: 1 },
        ]);
        // 0005: each experiment's model and outcome summary, and the insights rollup, built from existing rows.
        expect(
          rows(await db.execute(sql.raw(`select title, model_count as models, primary_vendor as vendor, uses_training_model as training, outcome_count as outcomes from experiments order by title`))),
        ).toEqual([
          { title: 'Kept experiment', models: 1, vendor: 'Kept', training: true, outcomes: 1 },
          { title: 'Unchecked experiment', models: 0, vendor: null, training: false, outcomes: 0 },
        ]);
        expect(
          rows(await db.execute(sql.raw(`select quarter::text, mindset, vendor, experiments, completed from insights_rollup order by vendor desc`))),
        ).toEqual([
          { quarter: '2026-01-01', mindset: 'new_capability', vendor: 'Kept', experiments: 1, completed: 0 },
          { quarter: '2026-01-01', mindset: 'accelerate', vendor: '', experiments: 1, completed: 0 },
        ]);
        // The append-only audit trail of the previous release is still enforced.
        expect(rows<{ n: number }>(await db.execute(sql.raw('select count(*)::int as n from audit_log')))[0].n).toBe(1);
        await expect(db.execute(sql.raw('truncate audit_log'))).rejects.toThrow();
        // 0006: each experiment's best score of its models on its blocker benchmark.
        expect(rows(await db.execute(sql.raw(`select title, used_best_score::text as best from experiments order by title`)))).toEqual([
          { title: 'Kept experiment', best: '61.5' },
          { title: 'Unchecked experiment', best: null },
        ]);
        // Migrating again changes nothing.
        await migrateDb(db, kind);
        expect(await migrationCounts(db)).toEqual(counts);
        expect(await summaryDrift(db)).toEqual(NO_DRIFT);
      } finally {
        await close();
      }
    });

    it('a database whose triggers are the migrations’ (before db/derived) gets the derived files, summaries kept', { timeout: 120_000 }, async () => {
      const { db, close } = await openEmpty(kind);
      try {
        const folder = earlierMigrationsFolder(shippedMigrationCount());
        tempDirs.push(folder);
        if (kind === 'pglite') await migratePglite(db as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder: folder });
        else await migratePostgres(db, { migrationsFolder: folder });
        const triggers = async () =>
          rows<{ name: string; n: number }>(
            await db.execute(sql.raw(`select tgname as name, count(*)::int as n from pg_trigger where not tgisinternal and tgname like 'data_version%' group by 1 order by 1`)),
          );
        expect(await triggers()).toEqual([
          { name: 'data_version_delete', n: 11 },
          { name: 'data_version_insert', n: 11 },
          { name: 'data_version_truncate', n: 11 },
          { name: 'data_version_update', n: 11 },
        ]);
        for (const statement of [
          `insert into teams (name, function) values ('Kept team', 'ops')`,
          `insert into ai_models (slug, name, vendor, release_date) values ('kept-model', 'Kept model', 'Kept', '2025-06-01'), ('other-model', 'Other model', 'Other', '2025-07-01')`,
          `insert into experiments (title, team_id, status, mindset, start_date) select 'Kept ' || g, id, 'completed', 'new_capability', '2026-01-05' from teams, generate_series(1, 3) g`,
          `insert into experiment_models (experiment_id, model_id, is_primary) select e.id, m.id, m.slug = 'kept-model' from experiments e, ai_models m`,
          `insert into model_benchmarks (model_id, benchmark, score, source) select id, 'gpqa_diamond', 61.5, 'kept source' from ai_models where slug = 'kept-model'`,
          `insert into checkins (experiment_id, date, spend_monthly_cents) select id, '2026-02-01', 6000 from experiments`,
          `insert into capability_outcomes (experiment_id, type, description, impact, recorded_on) select id, 'new_capability', 'Kept outcome', 4, '2026-02-01' from experiments`,
          `update experiments set archived_at = now() where title = 'Kept 3'`,
        ])
          await db.execute(sql.raw(statement));
        await migrateDb(db, kind);
        expect(await triggers()).toEqual([
          // db/derived/data-version.sql also covers the four catalog tables of migration 0009, the three usage tables of 0018
          // and the vendors' channel policies of 0024.
          { name: 'data_version_delete', n: 19 },
          { name: 'data_version_insert', n: 19 },
          { name: 'data_version_lock_first', n: 19 },
          { name: 'data_version_update', n: 19 },
        ]);
        expect(rows<{ name: string }>(await db.execute(sql.raw('select name from drizzle.uplift_derived order by name'))).map((r) => r.name)).toEqual(
          [...DERIVED_FILES].sort(),
        );
        expect(await summaryDrift(db)).toEqual(NO_DRIFT);
        expect(rows(await db.execute(sql.raw(`select experiments, completed, completed_multi_model as multi from insights_rollup`)))).toEqual([
          { experiments: 2, completed: 2, multi: 2 },
        ]);
        expect(rows(await db.execute(sql.raw(`select count(*)::int as n, max(used_best_score)::text as best from experiments where used_best_score is not null`)))).toEqual([
          { n: 3, best: '61.5' },
        ]);
      } finally {
        await close();
      }
    });

    it('a blocker recorded before benchmarks could be chosen stays on GPQA Diamond, bar and ceiling unchanged, and reaches the radar', { timeout: 120_000 }, async () => {
      const { db, close } = await openEmpty(kind);
      try {
        // The release before 0010: bars had no benchmark to choose (the column's default, GPQA Diamond).
        const folder = earlierMigrationsFolder(BEFORE_BLOCKER_BENCHMARK);
        tempDirs.push(folder);
        if (kind === 'pglite') await migratePglite(db as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder: folder });
        else await migratePostgres(db, { migrationsFolder: folder });
        for (const statement of [
          `insert into teams (name) values ('Kept team')`,
          `insert into ai_models (slug, name, vendor, release_date) values ('kept-old', 'Kept old', 'Kept', '2025-01-01'), ('kept-new', 'Kept new', 'Kept', '2025-09-01')`,
          `insert into model_benchmarks (model_id, benchmark, score, source) select id, 'gpqa_diamond', case slug when 'kept-old' then 61.5 else 84.0 end, 'kept source' from ai_models`,
          `insert into model_prices (model_id, effective_date, input_usd_per_mtok, output_usd_per_mtok, source) select id, release_date, 1, 5, 'kept' from ai_models`,
          `insert into experiments (title, team_id, status, start_date, end_date, blocked_by_model, blocker_missing, blocker_min_score, blocker_max_price_usd) select 'Kept blocker', id, 'abandoned', '2025-03-01', '2025-06-30', true, 'Too weak', 80, 2.5 from teams`,
          `insert into experiment_models (experiment_id, model_id, is_primary) select e.id, m.id, true from experiments e, ai_models m where m.slug = 'kept-old'`,
        ])
          await db.execute(sql.raw(statement));
        await migrateDb(db, kind);
        await seedBenchmarkCatalog(db);
        expect(
          rows(await db.execute(sql.raw(`select blocker_benchmark as b, blocker_min_score::text as bar, blocker_max_price_usd::text as ceiling, used_best_score::text as best from experiments`))),
        ).toEqual([{ b: 'gpqa_diamond', bar: '80.0', ceiling: '2.5000', best: '61.5' }]);
        const [item] = await getRetestRadar(db, { today: '2026-01-01' });
        expect([item.title, item.benchmarkName, item.minScore, item.maxPrice]).toEqual(['Kept blocker', 'GPQA Diamond', 80, 2.5]);
        // The kept score, which names no effort, is the candidate's.
        expect(item.candidates.map((c) => [c.name, c.score, c.effort, c.pointsGain, c.monthsLater])).toEqual([['Kept new', 84, '', 22.5, 2]]);
        expect(await summaryDrift(db)).toEqual(NO_DRIFT);
      } finally {
        await close();
      }
    });
  });
}
