// Deadlocks and serialization failures: the whole transaction runs again (a bounded number of times),
// anything else fails at once, and a savepoint is never retried on its own. On PostgreSQL a real
// deadlock between two transactions of the app's pool ends with both committed.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rawRows } from '@/db/sql';
import { connectPostgres } from '@/db/connect';
import { transactionRetryStats, withTransactionRetry } from '@/db/transaction-retry';
import type { Db } from '@/db/types';
import { isTransientTransactionError, sqlStateOf } from '@/lib/security/db-errors';
import { DB_KINDS, describeEachDb } from './helpers/db';

/** An error shaped like drizzle's: the driver's error (with its SQLSTATE) as the cause. */
const driverError = (code: string) => new Error('Failed query: update …', { cause: Object.assign(new Error('deadlock detected'), { code }) });

describe('withTransactionRetry', () => {
  it('finds the SQLSTATE through drizzle’s wrapping', () => {
    expect(sqlStateOf(driverError('40P01'))).toBe('40P01');
    expect(isTransientTransactionError(driverError('40P01'))).toBe(true);
    expect(isTransientTransactionError(driverError('40001'))).toBe(true);
    expect(isTransientTransactionError(driverError('23505'))).toBe(false);
    expect(isTransientTransactionError(Object.assign(new Error('socket'), { code: 'ECONNRESET' }))).toBe(false);
  });

  it('runs the transaction again after a deadlock and counts the retries', async () => {
    const before = transactionRetryStats.retries;
    const attempts: number[] = [];
    const result = await withTransactionRetry(
      async () => {
        if (attempts.push(attempts.length + 1) < 3) throw driverError('40P01');
        return 'committed';
      },
      { baseDelayMs: 1 },
    );
    expect(result).toBe('committed');
    expect(attempts).toEqual([1, 2, 3]);
    expect(transactionRetryStats.retries - before).toBe(2);
  });

  it('gives up after the bounded number of retries with the original error', async () => {
    let calls = 0;
    const before = transactionRetryStats.exhausted;
    const err = driverError('40001');
    await expect(
      withTransactionRetry(
        async () => {
          calls++;
          throw err;
        },
        { retries: 5, baseDelayMs: 1 },
      ),
    ).rejects.toBe(err);
    expect(calls).toBe(6); // the first attempt and five retries
    expect(transactionRetryStats.exhausted - before).toBe(1);
  });

  it('never retries other errors (a refused row, a unique violation, a bug)', async () => {
    for (const err of [driverError('23505'), driverError('22021'), new TypeError('x is undefined')]) {
      let calls = 0;
      await expect(
        withTransactionRetry(async () => {
          calls++;
          throw err;
        }),
      ).rejects.toBe(err);
      expect(calls).toBe(1);
    }
  });
});

describeEachDb('a transaction that fails part-way is retried whole, never from a savepoint', (ctx) => {
  it('a deadlock inside a savepoint aborts and retries the outer transaction: each row is written once', async () => {
    // As the owner: the app's role may not create tables.
    await ctx.ownerDb.execute(sql`create table if not exists retry_probe (n int)`);
    let outer = 0;
    let savepoint = 0;
    await ctx.ownerDb.transaction(async (tx) => {
      outer++;
      await tx.execute(sql`insert into retry_probe values (${outer})`);
      if (outer === 1) {
        // A savepoint that fails as a deadlock would: the error leaves it, and the transaction.
        await tx.transaction(async () => {
          savepoint++;
          throw driverError('40P01');
        });
      }
    });
    expect([outer, savepoint]).toEqual([2, 1]);
    // The first attempt rolled back whole (its row too); the second committed.
    const rows = await rawRows<{ n: number }>(ctx.ownerDb, sql`select n from retry_probe order by n`);
    expect(rows.map((r) => Number(r.n))).toEqual([2]);
  });
});

/**
 * Two transactions that lock two rows in opposite orders: PostgreSQL aborts one with 40P01. (A table of
 * the app's would bump data_version on the first write and make the second writer wait there instead.)
 */
async function collide(db: Db, table: string) {
  const ids = [1, 2];
  let ready = 0;
  let release!: () => void;
  const bothLocked = new Promise<void>((resolve) => (release = resolve));
  const attempts = [0, 0];
  const writer = (who: 0 | 1) =>
    db.transaction(async (tx) => {
      attempts[who]++;
      const [first, second] = who === 0 ? ids : [ids[1], ids[0]];
      await tx.execute(sql`update ${sql.identifier(table)} set v = ${`writer ${who}`} where id = ${first}`);
      if (attempts[who] === 1) {
        if (++ready === 2) release();
        await bothLocked;
      }
      await tx.execute(sql`update ${sql.identifier(table)} set v = ${`writer ${who}`} where id = ${second}`);
    });
  const results = await Promise.allSettled([writer(0), writer(1)]);
  return { results, attempts };
}

for (const kind of DB_KINDS.filter((k) => k === 'postgres')) {
  describe(`a real deadlock on ${kind}`, () => {
    it('fails one transaction with 40P01 without the retry, and commits both with it', async () => {
      // Any database will do: a table of its own, dropped afterwards.
      const table = `deadlock_probe_${randomBytes(4).toString('hex')}`;
      const url = process.env.TEST_DATABASE_URL!;
      const setup = connectPostgres(url, { max: 1 });
      await setup.db.execute(sql.raw(`create table ${table} (id int primary key, v text); insert into ${table} values (1, ''), (2, '')`));
      try {
        const raw = connectPostgres(url, { max: 2, retryTransactions: false });
        const without = await collide(raw.db, table);
        await raw.close();
        const failed = without.results.filter((r) => r.status === 'rejected');
        expect(failed).toHaveLength(1);
        expect(sqlStateOf((failed[0] as PromiseRejectedResult).reason)).toBe('40P01');

        const before = transactionRetryStats.retries;
        const app = connectPostgres(url, { max: 2 });
        const withRetry = await collide(app.db, table);
        await app.close();
        expect(withRetry.results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
        expect(withRetry.attempts.sort()).toEqual([1, 2]); // the loser ran once more
        expect(transactionRetryStats.retries - before).toBe(1);
      } finally {
        await setup.db.execute(sql.raw(`drop table ${table}`));
        await setup.close();
      }
    });
  });
}
