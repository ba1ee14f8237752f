// The database a stand-alone bench script measures: a fresh PGlite folder with --pglite, else BENCH_DATABASE_URL,
// emptied first (the bench may drop everything in it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { connectPglite, connectPostgres, type Connection } from '@/db/connect';

export async function openBenchDb(args: string[], folderPrefix: string): Promise<{ conn: Connection; kind: 'pglite' | 'postgres'; cleanup: () => void }> {
  if (args.includes('--pglite')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
    return { conn: await connectPglite(dir), kind: 'pglite', cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('Set BENCH_DATABASE_URL (a database this bench may empty), or pass --pglite.');
  const reset = postgres(url, { max: 1, onnotice: () => {} });
  await reset.unsafe('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;');
  await reset.end();
  return { conn: connectPostgres(url), kind: 'postgres', cleanup: () => {} };
}
