import { isTransientTransactionError } from '@/lib/security/db-errors';
import type { Db } from './types';

/**
 * Transactions that PostgreSQL aborts as a deadlock (40P01) or serialization failure (40001) run again
 * from the start, a few times, after a short random wait — the user never sees the error. The write
 * paths follow one lock order (data_version first: db/derived/README.md); this is the safety net for a
 * path that does not (a better-auth write, a future query), where two writers could each wait for the
 * other and PostgreSQL aborts one of them whole.
 *
 * Only a whole transaction is retried: it was rolled back completely, so nothing is written twice.
 * A savepoint (tx.transaction) is never retried — the outer transaction is already aborted — and
 * neither is a statement outside a transaction. PGlite runs one transaction at a time and never
 * reports these errors, so there the retry never triggers.
 */

export type RetryOptions = {
  /** Attempts after the first (default 5). */
  retries?: number;
  /** Base wait in ms; attempt n waits a random time in [0, base × 2^n) (default 8). */
  baseDelayMs?: number;
  /** Called before each retry, e.g. to count retries in a test. */
  onRetry?: (attempt: number, err: unknown) => void;
};

/** Retries observed in this process, for tests and benchmarks (and the one count a log would want). */
export const transactionRetryStats = { retries: 0, exhausted: 0 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withTransactionRetry<T>(run: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? 5;
  const base = options.baseDelayMs ?? 8;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!isTransientTransactionError(err)) throw err;
      if (attempt >= retries) {
        transactionRetryStats.exhausted++;
        throw err;
      }
      transactionRetryStats.retries++;
      options.onRetry?.(attempt + 1, err);
      // Full jitter: the two transactions that collided wake at different times.
      await sleep(Math.random() * base * 2 ** attempt);
    }
  }
}

/**
 * Makes every `db.transaction(...)` of this database retry as above, so each write path gets it
 * without remembering to (the app's own and better-auth's). Transactions opened inside a transaction
 * are savepoints on the `tx` object and stay unwrapped.
 */
export function retryTransactions(db: Db, options: RetryOptions = {}): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => withTransactionRetry(() => transaction(fn, config), options)) as Db['transaction'];
  return db;
}
