import { sql, type SQL } from 'drizzle-orm';
import { experimentColumn } from '@/lib/metrics/sql-text';
import type { Queryable } from './types';

/**
 * Raw SQL helpers every query shares. Drizzle renders a column inside sql`` unqualified, which a
 * correlated subquery cannot use, so such queries spell the column out; and the two drivers return a raw
 * query's rows differently (postgres-js an array, PGlite `{ rows }`).
 */

/** A column of experiments, qualified: "experiments"."col". */
export const experimentCol = (col: string): SQL => sql.raw(experimentColumn(col));

/** A quoted identifier (table or column name). */
export const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** The rows of a raw query's result, from either driver. */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Runs a raw query and returns its rows, on either driver. */
export async function rawRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  return resultRows<T>(await db.execute(query));
}
