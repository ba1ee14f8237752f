// What durability costs per commit: `npx tsx bench/fsync.ts [--commits 300]`, with BENCH_DATABASE_URL (or
// TEST_DATABASE_URL) for PostgreSQL. Prints ms per single-row commit on PGlite (fsync off, and its file
// layer never syncs: electric-sql/pglite#1107) and on PostgreSQL with synchronous_commit on (each commit
// waits for its WAL fsync) and off (it does not). Figures only: no thresholds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from '@/db/connect';
import postgres from 'postgres';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const commits = arg('commits', 300);

async function timeCommits(insert: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await insert(-i - 1); // warm-up
  const started = process.hrtime.bigint();
  for (let i = 0; i < commits; i++) await insert(i);
  return Number(process.hrtime.bigint() - started) / 1e6 / commits;
}

async function pglite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-fsync-'));
  try {
    const pg = await PGlite.create(path.join(dir, 'pgdata'), { extensions: PGLITE_EXTENSIONS });
    const fsync = (await pg.query<{ fsync: string }>('show fsync')).rows[0].fsync;
    await pg.exec('create table t (id int, at timestamptz default now())');
    const ms = await timeCommits((i) => pg.query('insert into t (id) values ($1)', [i]));
    await pg.close();
    return { fsync, ms };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresCommits(url: string, synchronous: boolean) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`create temporary table t (id int, at timestamptz default now())`;
    await sql.unsafe(`set synchronous_commit = ${synchronous ? 'on' : 'off'}`);
    const fsync = (await sql<{ fsync: string }[]>`show fsync`)[0].fsync;
    return { fsync, ms: await timeCommits((i) => sql`insert into t (id) values (${i})`) };
  } finally {
    await sql.end();
  }
}

async function main() {
  const rows: [string, string, string][] = [];
  const p = await pglite();
  rows.push(['PGlite (folder)', `fsync=${p.fsync}, no sync in its file layer`, p.ms.toFixed(3)]);
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) {
    const on = await postgresCommits(url, true);
    rows.push(['PostgreSQL', `fsync=${on.fsync}, synchronous_commit=on`, on.ms.toFixed(3)]);
    const off = await postgresCommits(url, false);
    rows.push(['PostgreSQL', `fsync=${off.fsync}, synchronous_commit=off`, off.ms.toFixed(3)]);
  } else rows.push(['PostgreSQL', 'not measured: set BENCH_DATABASE_URL or TEST_DATABASE_URL', '—']);
  console.log(`ms per single-row commit, ${commits} commits, ${os.cpus().length} cores, ${os.platform()} ${os.release()}`);
  for (const [db, setting, ms] of rows) console.log(`${db.padEnd(16)} ${setting.padEnd(58)} ${ms.padStart(8)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
