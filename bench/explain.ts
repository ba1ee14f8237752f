// `BENCH_DATABASE_URL=… npx tsx bench/explain.ts [--only <name part>] [--team]`: prints EXPLAIN ANALYZE of
// every statement each bench query runs (bench/queries.ts), on a database `npm run bench` has filled
// (it leaves the PostgreSQL bench database in place). `--pglite <dir>` reads a PGlite folder instead.
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import path from 'node:path';
import { connectPostgres, PGLITE_EXTENSIONS } from '@/db/connect';
import * as schema from '@/db/schema';
import type { Db } from '@/db/types';
import { benchQueries, type BenchScope } from './queries';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

async function main() {
  const captured: { sql: string; params: unknown[] }[] = [];
  const logger = { logQuery: (q: string, params: unknown[]) => captured.push({ sql: q, params }) };
  let db: Db;
  let explain: (q: string, params: unknown[]) => Promise<string[]>;
  let close: () => Promise<unknown>;
  const dir = arg('pglite');
  if (dir) {
    const client = await PGlite.create(path.join(dir, 'pgdata'), { extensions: PGLITE_EXTENSIONS });
    db = drizzlePglite({ client, schema, logger }) as unknown as Db;
    explain = async (q, p) => (await client.query<Record<string, string>>(`explain (analyze, buffers) ${q}`, p as unknown[])).rows.map((r) => Object.values(r)[0]);
    close = () => client.close();
  } else {
    const url = process.env.BENCH_DATABASE_URL;
    if (!url) throw new Error('Set BENCH_DATABASE_URL (or pass --pglite <dir>).');
    const { client } = connectPostgres(url, { max: 1 });
    db = drizzlePostgres({ client, schema, logger });
    explain = async (q, p) => (await client.unsafe(`explain (analyze, buffers) ${q}`, p as never[])).map((r) => Object.values(r)[0] as string);
    close = () => client.end();
  }
  const [{ teamId }] = await db.select({ teamId: schema.experiments.teamId }).from(schema.experiments).orderBy(schema.experiments.teamId).limit(1);
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
  const scope: BenchScope = args.includes('--team') ? { from, to: today, teamId } : { from, to: today };
  const only = arg('only');
  for (const q of benchQueries()) {
    if (only && !q.name.includes(only)) continue;
    captured.length = 0;
    await q.run(db, scope);
    const statements = [...captured];
    console.log(`\n===== ${q.name}`);
    for (const s of statements) {
      console.log(`--- ${s.sql.replace(/\s+/g, ' ').slice(0, 200)}…`);
      console.log((await explain(s.sql, s.params)).join('\n'));
    }
  }
  await close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
