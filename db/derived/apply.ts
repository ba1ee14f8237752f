// The database's functions and triggers live in db/derived/, one file per summary (README.md there).
// After the numbered migrations, each file whose content changed since it was last applied runs again:
// in one transaction, under an advisory lock, as the migration role (the owner). A file replaces its
// functions (CREATE OR REPLACE), drops and recreates its triggers, and recomputes its summary from the
// raw rows, so a changed rule never leaves figures computed by the old one.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { ident, rawRows } from '../sql';
import type { Db } from '../types';

export const derivedFolder = path.join(process.cwd(), 'db', 'derived');

/**
 * The order files apply in: data_version first (every other file writes tables whose triggers lock it),
 * the insights rollup after the model summary it groups by.
 */
export const DERIVED_FILES = [
  'data-version',
  'model-usage',
  'checkin-summary',
  'outcome-slice',
  'model-summary',
  'model-best-scores',
  'outcome-count',
  'insights-rollup',
  'usage-rollup',
  'audit-log-append-only',
] as const;

/** Any constant: two migrators on one database take turns per file instead of interleaving. */
const ADVISORY_LOCK_KEY = 7_318_245_018;

export const fileHash = (text: string) => createHash('sha256').update(text).digest('hex');

/** One statement per chunk, as in the numbered migrations (the drivers run one statement per query). */
export const statementsOf = (text: string) =>
  text
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => s.replace(/--[^\n]*/g, '').trim());

/** Applies the files whose hash differs from the one recorded; returns their names, in order. */
export async function applyDerived(db: Db, options: { migrationsSchema?: string; folder?: string } = {}): Promise<string[]> {
  const schema = ident(options.migrationsSchema ?? 'drizzle');
  const folder = options.folder ?? derivedFolder;
  await db.execute(sql`create schema if not exists ${schema}`);
  await db.execute(sql`create table if not exists ${schema}.uplift_derived (
    name text primary key, hash text not null, applied_at timestamptz not null default now())`);
  const applied: string[] = [];
  for (const name of DERIVED_FILES) {
    const text = fs.readFileSync(path.join(folder, `${name}.sql`), 'utf8');
    const hash = fileHash(text);
    const ran = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCK_KEY})`);
      const [row] = await rawRows<{ hash: string }>(tx, sql`select hash from ${schema}.uplift_derived where name = ${name}`);
      if (row?.hash === hash) return false;
      for (const statement of statementsOf(text)) await tx.execute(sql.raw(statement));
      // A recomputed summary may differ from what cached figures were computed from.
      await tx.execute(sql`update data_version set version = version + 1 where id = 1`);
      await tx.execute(sql`insert into ${schema}.uplift_derived (name, hash) values (${name}, ${hash})
        on conflict (name) do update set hash = excluded.hash, applied_at = now()`);
      return true;
    });
    if (ran) applied.push(name);
  }
  return applied;
}
