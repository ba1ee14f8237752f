// `npx tsx bench/summaries.ts [--experiments 20000] [--runs 15] [--only pglite|postgres]`: do the
// insights rollup (insights_rollup) and the used models' best score (experiments.used_best_score) still
// pay for themselves now that dashboard figures are cached per data version? Each write moves the
// version, so the first view after it computes the figures again: a summary pays when what it saves on
// that computation exceeds what its triggers add to the write. Measures both sides on generated data,
// on PGlite and on BENCH_DATABASE_URL (emptied) when set, and prints the figures. Also the cost of the
// lock order (db/derived/README.md): the version row taken before every statement.
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { connectPglite, connectPostgres, type Connection } from '@/db/connect';
import { prepareDatabase } from '@/db/prepare';
import { mindsetCounts, vendorCounts } from '@/db/queries/insights/summary-counts';
import { buildExperimentWhere } from '@/db/queries/experiments/filters';
import type { Db } from '@/db/types';
import { generateBenchData } from './generate';
import { round, time, type Timing } from './stats';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const N = Number(arg('experiments', '20000'));
const RUNS = Number(arg('runs', '15'));
const only = arg('only', '');

/** The insights counts as they were computed before the rollup: grouped from the experiments themselves. */
const rawInsightsCounts = (db: Db) =>
  Promise.all([
    db.execute(sql`select coalesce(primary_vendor, '') as vendor, count(*)::int, count(*) filter (where status = 'completed')::int,
      count(*) filter (where status = 'completed' and model_count >= 2)::int
      from experiments where archived_at is null and primary_vendor is not null group by 1`),
    db.execute(sql`select to_char(date_trunc('quarter', coalesce(start_date, created_at::date)::timestamp), 'YYYY-"Q"Q') as quarter, mindset, count(*)::int
      from experiments where archived_at is null group by 1, 2`),
  ]);

/** Re-test candidates counted with the stored best score, and with it looked up per experiment. */
const retestCount = (db: Db, stored: boolean) => {
  const where = buildExperimentWhere({ retest: true }, { today: '2026-11-28' })!;
  const query = sql`select count(*)::int as n from experiments where ${where}`;
  if (stored) return db.execute(query);
  const text = new PgDialect().sqlToQuery(query);
  const inline = text.sql.replaceAll(
    '"experiments"."used_best_score"',
    `(select max(b.score) from experiment_models em join model_benchmarks b on b.model_id = em.model_id and b.benchmark = "experiments"."blocker_benchmark" where em.experiment_id = "experiments"."id")`,
  );
  if (inline === text.sql) throw new Error('used_best_score not found in the re-test query');
  return db.execute(sql.raw(inline.replace(/\$(\d+)/g, (_: string, i: string) => `'${String(text.params[Number(i) - 1]).replace(/'/g, "''")}'`)));
};

/** `write` timed with the triggers as they are, and with `triggers` dropped (inside a transaction rolled back). */
async function writeCost(db: Db, triggers: string[], write: (tx: Db) => Promise<unknown>): Promise<{ with: Timing; without: Timing }> {
  const rollback = new Error('rollback');
  const timed = async (drop: boolean) => {
    let result!: Timing;
    await db
      .transaction(async (tx) => {
        if (drop) for (const t of triggers) await tx.execute(sql.raw(`drop trigger ${t}`));
        result = await time(() => write(tx as unknown as Db), RUNS, 2);
        throw rollback;
      })
      .catch((e) => {
        if (e !== rollback) throw e;
      });
    return result;
  };
  return { with: await timed(false), without: await timed(true) };
}

const ROLLUP_TRIGGERS = ['insights_rollup_insert', 'insights_rollup_update', 'insights_rollup_delete', 'insights_rollup_truncate'].map((t) => `${t} on experiments`);
const USED_BEST_TRIGGERS = ['insert', 'update', 'delete', 'truncate'].map((e) => `model_benchmarks_used_best_${e} on model_benchmarks`);

async function bench(kind: 'pglite' | 'postgres', conn: Connection) {
  const db = conn.db;
  await prepareDatabase(db, kind, { demo: false });
  const started = performance.now();
  await generateBenchData((s) => db.execute(sql.raw(s)).then(() => undefined), N);
  console.log(`\n${kind}: ${N.toLocaleString()} experiments generated in ${round((performance.now() - started) / 1000)} s`);
  const rows = async <T>(q: ReturnType<typeof sql>) => {
    const r = (await db.execute(q)) as unknown;
    return (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
  };
  const [one] = await rows<{ id: number }>(sql`select id from experiments where archived_at is null order by id limit 1 offset 100`);
  const [score] = await rows<{ model_id: number; benchmark: string }>(
    sql`select b.model_id, b.benchmark from model_benchmarks b join experiment_models em on em.model_id = b.model_id group by 1, 2 order by count(*) desc limit 1`,
  );
  const figures = {
    'insights counts, from insights_rollup (read)': await time(() => Promise.all([vendorCounts(db, {}), mindsetCounts(db, {})]), RUNS),
    'insights counts, from experiments (read)': await time(() => rawInsightsCounts(db), RUNS),
    're-test candidates, stored best score (read)': await time(() => retestCount(db, true), RUNS),
    're-test candidates, best score looked up (read)': await time(() => retestCount(db, false), RUNS),
  };
  let flip = false;
  const edit = await writeCost(db, ROLLUP_TRIGGERS, (tx) =>
    tx.execute(sql`update experiments set mindset = ${(flip = !flip) ? 'automate' : 'accelerate'}, status = 'completed' where id = ${one.id}`),
  );
  const bulk = await writeCost(db, ROLLUP_TRIGGERS, (tx) =>
    tx.execute(sql`update experiments set mindset = ${(flip = !flip) ? 'automate' : 'accelerate'} where id in (select id from experiments order by id limit 1000)`),
  );
  let s = 50;
  const upsert = await writeCost(db, USED_BEST_TRIGGERS, (tx) =>
    tx.execute(sql`update model_benchmarks set score = ${(s = s === 50 ? 51 : 50)} where model_id = ${score.model_id} and benchmark = ${score.benchmark}`),
  );
  // The lock order's own cost: the version row taken before every statement.
  const lockFirst = await writeCost(db, ['data_version_lock_first on experiments'], (tx) =>
    tx.execute(sql`update experiments set mindset = ${(flip = !flip) ? 'automate' : 'accelerate'} where id = ${one.id}`),
  );
  const [{ n: using }] = await rows<{ n: number }>(sql`select count(*)::int as n from experiment_models where model_id = ${score.model_id}`);
  console.log('figure'.padEnd(64), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8));
  for (const [name, t] of Object.entries(figures)) console.log(name.padEnd(64), String(t.p50).padStart(8), String(t.p95).padStart(8));
  const w = (name: string, c: { with: Timing; without: Timing }) => {
    console.log(`${name}, with the triggers`.padEnd(64), String(c.with.p50).padStart(8), String(c.with.p95).padStart(8));
    console.log(`${name}, without them`.padEnd(64), String(c.without.p50).padStart(8), String(c.without.p95).padStart(8));
  };
  w('one experiment edit (rollup)', edit);
  w('1,000 experiments in one statement (rollup)', bulk);
  w('one experiment edit (data_version_lock_first)', lockFirst);
  w(`a benchmark score of a model used by ${using} experiments (used best)`, upsert);
}

async function main() {
  if (only !== 'postgres') {
    const conn = await connectPglite();
    await bench('pglite', conn).finally(() => conn.close());
  }
  const url = process.env.BENCH_DATABASE_URL;
  if (url && only !== 'pglite') {
    const conn = connectPostgres(url, { max: 1 });
    await conn.db.execute(sql.raw('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public'));
    await bench('postgres', conn).finally(() => conn.close());
  }
}

void main();
