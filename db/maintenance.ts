import { sql } from 'drizzle-orm';
import { ident, rawRows } from './sql';
import type { Queryable } from './types';

/**
 * PGlite has no autovacuum: every update leaves a dead row version behind (the summary triggers update
 * experiments on each check-in, outcome and model change), and scans slow down as they pile up. This
 * does what autovacuum does on PostgreSQL, with its default threshold: vacuum (and analyze) each table
 * whose dead rows exceed 50 + 20% of its live rows. Returns the tables it vacuumed.
 */
export async function vacuumWhereNeeded(db: Queryable): Promise<string[]> {
  const tables = await rawRows<{ name: string }>(
    db,
    sql`select relname as name from pg_stat_user_tables where n_dead_tup > 50 + 0.2 * n_live_tup order by relname`,
  );
  // VACUUM cannot run in a transaction block: one plain statement per table.
  for (const t of tables) await db.execute(sql`vacuum (analyze) ${ident(t.name)}`);
  return tables.map((t) => t.name);
}

/** How often the server looks (the look is one catalog query; a vacuum of 10^5 experiments takes ~2 s). */
export const VACUUM_CHECK_MS = 60 * 60 * 1000;

/** Runs vacuumWhereNeeded every VACUUM_CHECK_MS without keeping the process alive; failures are logged, not thrown. */
export function scheduleVacuum(db: Queryable, everyMs = VACUUM_CHECK_MS): () => void {
  const timer = setInterval(() => {
    vacuumWhereNeeded(db).catch((err) => console.error('Uplift: vacuum failed:', err));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
