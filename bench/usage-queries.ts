// `npx tsx bench/usage-queries.ts [--rows 1000000] [--experiments 0] [--runs 20] [--pglite]`: issue 21 §6's aggregation
// target (p95 ≤ 100 ms on PostgreSQL, ≤ 300 ms on PGlite) alone, without the whole `npm run bench`: generates the usage
// rows (bench/generate.ts, and optionally experiments beside them) into BENCH_DATABASE_URL, which is EMPTIED first, or
// a fresh PGlite folder with --pglite, then times every usage query of bench/queries.ts for the 90-day and 12-month
// periods, all teams and one. Prints p50/p95 with the load average, since the machine may be shared.
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { prepareDatabase } from '@/db/prepare';
import { openBenchDb } from './open-db';
import { rawRows } from '@/db/sql';
import { generateBenchData, generateUsageData } from './generate';
import { benchQueries } from './queries';
import { time } from './stats';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const ROWS = Number(arg('rows', '1000000'));
const EXPERIMENTS = Number(arg('experiments', '0'));
const RUNS = Number(arg('runs', '20'));
const load = () => os.loadavg()[0].toFixed(1);

async function main() {
  const { conn, kind, cleanup } = await openBenchDb(args, 'uplift-bench-usageq-');
  try {
    await prepareDatabase(conn.db, kind, { demo: false });
    const run = async (q: string) => void (await conn.db.execute(sql.raw(q)));
    let t = performance.now();
    if (EXPERIMENTS > 0) await generateBenchData(run, EXPERIMENTS);
    await generateUsageData(run, ROWS);
    const [{ raw, rollup, months }] = await rawRows<{ raw: number; rollup: number; months: number }>(
      conn.db,
      sql`select (select count(*) from usage_daily)::int as raw, (select count(*) from usage_rollup)::int as rollup, (select count(*) from usage_rollup_month)::int as months`,
    );
    console.log(`${kind}: generated ${raw} usage rows (${rollup} segment and ${months} month rollup rows) and ${EXPERIMENTS} experiments in ${((performance.now() - t) / 1000).toFixed(1)} s (load ${load()}).`);
    const [{ team }] = await rawRows<{ team: number }>(conn.db, sql`select min(team_id)::int as team from usage_daily`);
    const today = new Date().toISOString().slice(0, 10);
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    const scopes = [
      ['90 days, all teams', { from: ago(90), to: today }],
      ['90 days, one team', { from: ago(90), to: today, teamId: team }],
      ['12 months, all teams', { from: ago(365), to: today }],
    ] as const;
    const queries = benchQueries().filter((q) => /usage|billed/.test(q.name) && !q.name.includes('catalog'));
    console.log('query'.padEnd(46), 'scope'.padEnd(22), 'p50/p95 ms'.padStart(14), 'load');
    let worst = 0;
    for (const q of queries)
      for (const [name, scope] of scopes) {
        t = performance.now();
        const timing = await time(() => q.run(conn.db, scope), RUNS);
        worst = Math.max(worst, timing.p95);
        console.log(q.name.padEnd(46), name.padEnd(22), `${timing.p50}/${timing.p95}`.padStart(14), load());
      }
    console.log(`${kind}: worst usage query p95 ${worst} ms over ${ROWS} rows (${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}).`);
  } finally {
    await conn.close();
    cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
