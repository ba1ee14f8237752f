// `tsx bench/csv-local.ts --dir /tmp/x [--generate 100000] [--url postgres://…] [--runs 3]`: the CSV export of
// every experiment run in-process (no HTTP server), for profiling with `node --cpu-prof`. With --generate the
// folder (or database) is first filled by the bench generator; without it, an existing one is reused.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from '@/db/connect';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { prepareDatabase } from '@/db/prepare';
import * as schema from '@/db/schema';
import type { Db } from '@/db/types';
import { generateBenchData } from './generate';

const args = process.argv.slice(2);
const arg = (name: string, fallback = '') => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

async function open(): Promise<{ db: Db; kind: 'pglite' | 'postgres'; run: (q: string) => Promise<void>; close: () => Promise<void> }> {
  const url = arg('url');
  if (url) {
    const client = postgres(url, { max: 4, onnotice: () => {} });
    return { db: drizzlePostgres({ client, schema }), kind: 'postgres', run: async (q) => void (await client.unsafe(q)), close: () => client.end() };
  }
  const dir = arg('dir');
  if (!dir) throw new Error('--dir or --url');
  fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(path.join(dir, 'pgdata'), { extensions: PGLITE_EXTENSIONS });
  return { db: drizzlePglite({ client, schema }) as unknown as Db, kind: 'pglite', run: async (q) => void (await client.exec(q)), close: () => client.close() };
}

async function main() {
  const t = await open();
  const n = Number(arg('generate', '0'));
  if (n) {
    if (t.kind === 'postgres') await t.run('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;');
    await prepareDatabase(t.db, t.kind, { demo: false });
    const started = performance.now();
    await generateBenchData(t.run, n);
    console.log(`generated ${n} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const { exportAllCsv } = await import('./csv-export-once');
  for (let i = 0; i < Number(arg('runs', '1')); i++) {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const bytes = await exportAllCsv(t.db, Number(arg('batch', '0')) || undefined);
    const used = process.cpuUsage(cpu);
    clearInterval(sampler);
    console.log(
      `export: ${((performance.now() - started) / 1000).toFixed(2)} s (cpu ${((used.user + used.system) / 1e6).toFixed(2)} s), ${(bytes / 1e6).toFixed(1)} MB, peak rss +${((peak - before) / 1e6).toFixed(0)} MB`,
    );
  }
  await t.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
