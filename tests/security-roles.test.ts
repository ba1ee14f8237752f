// The app's own PostgreSQL role (db/roles.ts): it owns nothing, may only append to the audit trail,
// may only read the summaries the triggers keep, and cannot switch any of that off. On PGlite (one
// superuser) and for the owner, the audit trail's triggers are the protection.
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup, RestoreError } from '@/db/backup/restore';
import { rawRows } from '@/db/sql';
import { ConfigError } from '@/db/config';
import { connectPostgres } from '@/db/connect';
import { checkConfiguration, explainConnectionError, prepareConfiguredDatabase } from '@/db/prepare';
import { grantAppRole, tablesRoleCanAlter } from '@/db/roles';
import { insertUserWithPassword } from '@/db/seed/demo';
import type { Db } from '@/db/types';
import { TEST_APP_ROLE, TEST_OWNER_ROLE } from '@/scripts/test-roles';
import { backupFileOf, sourceOf } from './helpers/backup-roundtrip';
import { createPostgresTestDatabase, describeEachDb, openTestDb, postgresAvailable, type TestDb } from './helpers/db';

/** The database's own message of a refused statement (drizzle wraps it in "Failed query: …"). */
async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (err) {
    let e = err as { message: string; cause?: unknown };
    while (e.cause) e = e.cause as typeof e;
    return e.message;
  }
  throw new Error('the statement was not refused');
}

const exec = (db: Db, text: string) => db.execute(sql.raw(text));
const count = async (db: Db, table: string) => Number((await rawRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n);

it('a role that may not change the schema is told to migrate as the owner', () => {
  const denied = { code: '42501', message: 'permission denied for database uplift' };
  expect(explainConnectionError(denied, 'postgres')).toBe(
    "The role in DATABASE_URL may not change the database's schema (permission denied for database uplift): set UPLIFT_MIGRATE_DATABASE_URL to the role that owns it (README, Production on PostgreSQL).",
  );
  expect(explainConnectionError(denied, 'postgres', 'UPLIFT_MIGRATE_DATABASE_URL')).toBe(
    "The role in UPLIFT_MIGRATE_DATABASE_URL may not change the database's schema (permission denied for database uplift): it must own the database (CREATE DATABASE … OWNER …).",
  );
});

describeEachDb('the audit trail against the schema owner', (ctx) => {
  it('even the owner (PGlite’s only role) cannot UPDATE, DELETE or TRUNCATE it while its triggers are on', async () => {
    await exec(ctx.ownerDb, `insert into audit_log (action, entity_type) values ('probe', 'test')`);
    const before = await count(ctx.ownerDb, 'audit_log');
    expect(await refusal(exec(ctx.ownerDb, `update audit_log set action = 'tampered'`))).toBe('audit_log is append-only');
    expect(await refusal(exec(ctx.ownerDb, 'delete from audit_log'))).toBe('audit_log is append-only');
    expect(await refusal(exec(ctx.ownerDb, 'truncate audit_log'))).toBe('audit_log is append-only');
    expect(await count(ctx.ownerDb, 'audit_log')).toBe(before);
  });
});

if (postgresAvailable) {
  describe('the app’s own PostgreSQL role', () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb('postgres', { demo: false });
      // A little data, written as the app: a team, a model, an experiment using it.
      for (const statement of [
        `insert into teams (name, function) values ('Roles team', 'ops')`,
        `insert into experiments (title, team_id, status, mindset, start_date) select 'Roles experiment', id, 'running', 'accelerate', '2026-01-05' from teams where name = 'Roles team'`,
        `insert into experiment_models (experiment_id, model_id, is_primary) select e.id, (select min(id) from ai_models), true from experiments e where e.title = 'Roles experiment'`,
        `insert into audit_log (action, entity_type) values ('experiment.create', 'experiment')`,
      ])
        await exec(t.db, statement);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('is an ordinary role: no superuser, CREATEDB, CREATEROLE or BYPASSRLS, and the owner’s rights on no table', async () => {
      const [role] = await rawRows(t.db, sql`select current_user as name, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls from pg_roles where rolname = current_user`);
      expect(role).toEqual({ name: TEST_APP_ROLE, rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false });
      expect(await tablesRoleCanAlter(t.db, TEST_APP_ROLE)).toEqual([]);
      expect(await tablesRoleCanAlter(t.db, TEST_OWNER_ROLE)).toContain('audit_log');
    });

    it('may read and append to the audit trail; UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
      const before = await count(t.db, 'audit_log');
      await exec(t.db, `insert into audit_log (action, entity_type) values ('report.export', 'report')`);
      expect(await count(t.db, 'audit_log')).toBe(before + 1);
      expect(await refusal(exec(t.db, `update audit_log set action = 'tampered'`))).toBe('permission denied for table audit_log');
      expect(await refusal(exec(t.db, 'delete from audit_log'))).toBe('permission denied for table audit_log');
      expect(await refusal(exec(t.db, 'truncate audit_log'))).toBe('permission denied for table audit_log');
      expect(await count(t.db, 'audit_log')).toBe(before + 1);
    });

    it('cannot switch the audit trail’s triggers off, drop them, or add one of its own', async () => {
      expect(await refusal(exec(t.db, 'alter table audit_log disable trigger user'))).toBe('must be owner of table audit_log');
      expect(await refusal(exec(t.db, 'alter table audit_log disable trigger audit_log_no_update_delete'))).toBe('must be owner of table audit_log');
      expect(await refusal(exec(t.db, 'drop trigger audit_log_no_update_delete on audit_log'))).toBe('must be owner of relation audit_log');
      expect(await refusal(exec(t.db, 'create trigger mine before insert on audit_log for each row execute function audit_log_reject_change()'))).toBe(
        'permission denied for table audit_log',
      );
      expect(await refusal(exec(t.db, 'alter table audit_log owner to current_user'))).toBe('must be owner of table audit_log');
      const [{ enabled }] = await rawRows<{ enabled: string[] }>(
        t.ownerDb,
        sql`select array_agg(tgname::text order by tgname) as enabled from pg_trigger where tgrelid = 'audit_log'::regclass and tgenabled = 'O'`,
      );
      expect(enabled).toEqual(['audit_log_no_truncate', 'audit_log_no_update_delete']);
    });

    it('holds exactly its privileges on every table: the summaries read-only, the audit trail append-only, no TRUNCATE anywhere', async () => {
      const rows = await rawRows<{ name: string; granted: string[] }>(
        t.db,
        sql`select c.relname as name, array(select p from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p
              where has_table_privilege(current_user, c.oid, p)) as granted
            from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1`,
      );
      const special: Record<string, string[]> = {
        audit_log: ['SELECT', 'INSERT'],
        model_usage: ['SELECT'],
        model_best_scores: ['SELECT'],
        insights_rollup: ['SELECT'],
        usage_rollup: ['SELECT'],
        usage_rollup_month: ['SELECT'],
        data_version: ['SELECT'],
      };
      expect(rows.length).toBeGreaterThan(15);
      expect(Object.fromEntries(rows.map((r) => [r.name, r.granted]))).toEqual(
        Object.fromEntries(rows.map((r) => [r.name, special[r.name] ?? ['SELECT', 'INSERT', 'UPDATE', 'DELETE']])),
      );
      expect(await refusal(exec(t.db, 'create table mine (id int)'))).toBe('permission denied for schema public');
      expect(await refusal(exec(t.db, 'create schema mine'))).toMatch(/^permission denied for database uplift_t_/);
    });

    it('cannot write the summary tables, call the functions that do, or attach them to a table of its own', async () => {
      const usage = await rawRows(t.db, sql`select team_id, model_id, experiments from model_usage`);
      expect(usage).toHaveLength(1);
      expect(await refusal(exec(t.db, 'update model_usage set experiments = 99'))).toBe('permission denied for table model_usage');
      expect(await refusal(exec(t.db, 'delete from insights_rollup'))).toBe('permission denied for table insights_rollup');
      expect(await refusal(exec(t.db, 'update data_version set version = 0'))).toBe('permission denied for table data_version');
      expect(await refusal(exec(t.db, `select model_usage_apply('[{"t": 1, "m": 1, "n": 99}]')`))).toBe('permission denied for function model_usage_apply');
      expect(await refusal(exec(t.db, `select insights_rollup_apply('{}', '{}')`))).toBe('permission denied for function insights_rollup_apply');
      // A temporary table is the app's own: a trigger on it could feed made-up rows to the summary writers.
      const borrowed = t.db.transaction(async (tx) => {
        await tx.execute(sql`create temp table fake_links (experiment_id int, model_id int) on commit drop`);
        await tx.execute(sql`create trigger fake after insert on fake_links referencing new table as new_links
          for each statement execute function model_usage_links_inserted()`);
      });
      expect(await refusal(borrowed)).toBe('permission denied for function model_usage_links_inserted');
      expect(await rawRows(t.db, sql`select team_id, model_id, experiments from model_usage`)).toEqual(usage);
    });

    it('still moves the summaries through its own writes (the triggers run with the owner’s rights)', async () => {
      const version = async () => (await rawRows<{ v: string }>(t.db, sql`select version::text as v from data_version`))[0].v;
      const before = await version();
      await exec(t.db, `insert into experiment_models (experiment_id, model_id) select e.id, (select max(id) from ai_models) from experiments e where e.title = 'Roles experiment'`);
      await exec(t.db, `update experiments set blocker_benchmark = 'gpqa_diamond' where title = 'Roles experiment'`);
      expect(await version()).not.toBe(before);
      const [row] = await rawRows(
        t.db,
        sql`select e.model_count, (select sum(experiments)::int from model_usage u where u.team_id = e.team_id) as usage,
              (select sum(experiments)::int from insights_rollup r where r.team_id = e.team_id) as rollup
            from experiments e where e.title = 'Roles experiment'`,
      );
      expect(row).toEqual({ model_count: 2, usage: 2, rollup: 1 });
      await exec(t.db, `delete from experiments where title = 'Roles experiment'`);
      expect(await rawRows(t.db, sql`select * from model_usage`)).toEqual([]);
      expect(await rawRows(t.db, sql`select * from insights_rollup`)).toEqual([]);
    });

    it('may not restore a backup: the refusal says to use `npm run restore` as the owner, and nothing changes', async () => {
      await insertUserWithPassword(t.db, { id: 'roles_admin', email: 'roles@example.com', name: 'Roles Admin', role: 'admin', passwordHash: 'not-a-real-hash' });
      const file = await backupFileOf(t.db);
      const before = await count(t.db, 'audit_log');
      const refused = await restoreBackup(t.db, sourceOf(file)).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(RestoreError);
      expect((refused as RestoreError).message).toBe(
        `The database role "${TEST_APP_ROLE}" may not replace the audit trail (only the role that owns the schema may). ` +
          'Restore with `npm run restore -- <file>` and UPLIFT_MIGRATE_DATABASE_URL set to that role (README, Backups).',
      );
      expect(await count(t.db, 'audit_log')).toBe(before);
    });

    it('grants reach a table a later migration adds, and a grant made by hand in between is taken back', async () => {
      await exec(t.ownerDb, 'create table later_table (id int)');
      await exec(t.ownerDb, `grant update, delete, truncate on audit_log to ${TEST_APP_ROLE}`);
      await grantAppRole(t.ownerDb, TEST_APP_ROLE);
      await exec(t.db, 'insert into later_table values (1)');
      expect(await count(t.db, 'later_table')).toBe(1);
      expect(await refusal(exec(t.db, 'truncate audit_log'))).toBe('permission denied for table audit_log');
      await exec(t.ownerDb, 'drop table later_table');
    });

    it('is refused as the app role when it could switch the protection off: a superuser, or the owner of a table', async () => {
      const [{ name: superuser }] = await rawRows<{ name: string }>(t.ownerDb, sql`select rolname as name from pg_roles where rolsuper order by rolname limit 1`);
      await expect(grantAppRole(t.ownerDb, superuser)).rejects.toThrow(
        new RegExp(
          `^DATABASE_URL connects as "${superuser}", which has the owner's rights on account, ai_models, alert_preferences and \\d+ more, so it could switch the audit trail's protection off: it is a superuser\\. Connect the app as an ordinary role`,
        ),
      );
      // An installation that ran as one role and now splits: the old role still owns a table.
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${(await rawRows<{ db: string }>(t.ownerDb, sql`select current_database() as db`))[0].db}`;
      const superConn = connectPostgres(url.toString(), { max: 1 });
      try {
        await exec(superConn.db, `alter table login_attempts owner to ${TEST_APP_ROLE}`);
        const refused = await grantAppRole(t.ownerDb, TEST_APP_ROLE).catch((err: unknown) => err);
        expect(refused).toBeInstanceOf(ConfigError);
        expect((refused as Error).message).toBe(
          `DATABASE_URL connects as "${TEST_APP_ROLE}", which has the owner's rights on login_attempts, so it could switch the audit trail's protection off: ` +
            `it owns tables. Give them to the migration role, as a superuser: REASSIGN OWNED BY "${TEST_APP_ROLE}" TO "${TEST_OWNER_ROLE}";`,
        );
      } finally {
        await exec(superConn.db, `alter table login_attempts owner to ${TEST_OWNER_ROLE}`);
        await superConn.close();
      }
    });
  });

  describe('configured with UPLIFT_MIGRATE_DATABASE_URL and DATABASE_URL', () => {
    const saved = { ...process.env };
    const drops: (() => Promise<void>)[] = [];
    afterAll(async () => {
      process.env = { ...saved };
      for (const drop of drops) await drop();
    });

    const privileges = async (url: string, table: string): Promise<boolean[]> => {
      const conn = connectPostgres(url, { max: 1 });
      try {
        const checks: SQL[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'].map((p) => sql`has_table_privilege(${table}, ${p})`);
        const [row] = await rawRows<{ p: boolean[] }>(conn.db, sql`select array[${sql.join(checks, sql`, `)}] as p`);
        return row.p;
      } finally {
        await conn.close();
      }
    };

    it('start-up migrates as the owner and grants the app role (and only then does the app role read anything)', async () => {
      const created = await createPostgresTestDatabase();
      drops.push(created.drop);
      Object.assign(process.env, { DATABASE_URL: created.appUrl, UPLIFT_MIGRATE_DATABASE_URL: created.ownerUrl, UPLIFT_DEMO: '0' });
      const report = await prepareConfiguredDatabase();
      expect(report).toEqual({ kind: 'postgres', demo: 'off', admin: 'setup-page', demoAccounts: 0 });
      expect(await privileges(created.appUrl, 'audit_log')).toEqual([true, true, false, false, false]);
      expect(await privileges(created.appUrl, 'experiments')).toEqual([true, true, true, true, false]);
      expect(await privileges(created.appUrl, 'model_usage')).toEqual([true, false, false, false, false]);
      const conn = connectPostgres(created.ownerUrl, { max: 1 });
      const [owner] = await rawRows<{ owner: string }>(conn.db, sql`select tableowner as owner from pg_tables where tablename = 'audit_log'`);
      await conn.close();
      expect(owner).toEqual({ owner: TEST_OWNER_ROLE });
    });

    it('refuses two URLs naming different databases, and a migration URL without DATABASE_URL', async () => {
      const a = await createPostgresTestDatabase();
      const b = await createPostgresTestDatabase();
      drops.push(a.drop, b.drop);
      Object.assign(process.env, { DATABASE_URL: a.appUrl, UPLIFT_MIGRATE_DATABASE_URL: b.ownerUrl });
      const [nameA, nameB] = [a.appUrl, b.ownerUrl].map((u) => new URL(u).pathname.slice(1));
      await expect(prepareConfiguredDatabase()).rejects.toThrow(
        `UPLIFT_MIGRATE_DATABASE_URL names the database ${nameB} and DATABASE_URL ${nameA}: both must name the app's database.`,
      );
      delete process.env.DATABASE_URL;
      expect(() => checkConfiguration(() => undefined)).toThrow(
        'UPLIFT_MIGRATE_DATABASE_URL is set but DATABASE_URL is not: set both (PostgreSQL) or neither (the embedded database).',
      );
    });
  });
}
