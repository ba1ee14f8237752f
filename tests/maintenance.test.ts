// PGlite has no autovacuum: Uplift vacuums where autovacuum would (db/maintenance.ts), at startup and
// hourly in the server, so dead row versions left by edits and summary triggers do not pile up.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rawRows } from '@/db/sql';
import { vacuumWhereNeeded } from '@/db/maintenance';
import { openTestDb, type TestDb } from './helpers/db';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb('pglite');
});
afterAll(() => t.close());

// Statistics reach pg_stat_user_tables after the statement that made them; force that flush.
const flushStats = () => t.db.execute(sql`select pg_stat_force_next_flush()`);
async function stats() {
  await flushStats();
  const [row] = await rawRows<{ live: number; dead: number }>(
    t.db,
    sql`select n_live_tup::int as live, n_dead_tup::int as dead from pg_stat_user_tables where relname = 'experiments'`,
  );
  return row;
}
const heapPages = async () => Number((await rawRows<{ n: number }>(t.db, sql`select pg_relation_size('experiments')::int / 8192 as n`))[0].n);

it('vacuums a table once its dead rows pass autovacuum’s threshold, and only then', async () => {
  await t.db.execute(sql`insert into teams (name) values ('Maintenance')`);
  await t.db.execute(sql`insert into experiments (title, team_id, status) select 'Row ' || g, (select min(id) from teams), 'proposed' from generate_series(1, 500) g`);
  await flushStats();
  await vacuumWhereNeeded(t.db); // whatever the migrations and seed left behind
  expect(await vacuumWhereNeeded(t.db)).not.toContain('experiments');

  // 100 edits: 100 dead rows, under 50 + 20% of 500 live rows.
  await t.db.execute(sql`update experiments set learnings = 'a' where id in (select id from experiments order by id limit 100)`);
  expect((await stats()).dead).toBeGreaterThanOrEqual(100);
  await flushStats();
  expect(await vacuumWhereNeeded(t.db)).not.toContain('experiments');

  // Two passes over every row: 1,000 more dead rows.
  await t.db.execute(sql`update experiments set learnings = 'b'`);
  await t.db.execute(sql`update experiments set learnings = 'c'`);
  expect((await stats()).dead).toBeGreaterThan(150);
  await flushStats();
  expect(await vacuumWhereNeeded(t.db)).toContain('experiments');
  expect(await stats()).toEqual({ live: 500, dead: 0 });

  // The space is reused: more passes over every row leave the table no bigger.
  const pages = await heapPages();
  for (let i = 0; i < 3; i++) {
    await t.db.execute(sql`update experiments set learnings = ${`pass ${i}`}`);
    await flushStats();
    await vacuumWhereNeeded(t.db);
  }
  expect(await heapPages()).toBeLessThanOrEqual(pages);
});
