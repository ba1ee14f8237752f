// Concurrent writers through the app's write functions (tests/helpers/concurrent-writes.ts): every
// operation ends in success or a message (never a thrown error, i.e. a 500), and afterwards every
// trigger-kept summary equals its recomputation from the raw rows. A short run here; the full
// 20 clients × 200 operations on PostgreSQL is scripts/reliability/deadlock.ts (`npm run test:reliability`).
import { expect, it } from 'vitest';
import { transactionRetryStats } from '@/db/transaction-retry';
import { runConcurrentWrites } from './helpers/concurrent-writes';
import { describeEachDb } from './helpers/db';
import { NO_DRIFT, summaryDrift } from './helpers/summary-definitions';

const CLIENTS = 20;
const OPERATIONS = Number(process.env.CONCURRENT_OPERATIONS ?? 6);

describeEachDb(
  'concurrent writers',
  (ctx) => {
    it(`${CLIENTS} clients × ${OPERATIONS} mixed operations: no errors, summaries equal to the raw rows`, async () => {
      const retries = transactionRetryStats.retries;
      const report = await runConcurrentWrites(ctx.db, { clients: CLIENTS, operations: OPERATIONS });
      console.log(`concurrent writes [${ctx.kind}]: ${report.operations} operations, ${report.accepted} accepted, refused ${JSON.stringify(report.refused)}, ${transactionRetryStats.retries - retries} retries, ${report.errors.length} errors, ${report.seconds.toFixed(1)} s`);
      expect(report.errors).toEqual([]);
      expect(report.operations).toBe(CLIENTS * OPERATIONS);
      // Most operations go through; every kind was tried.
      expect(report.accepted).toBeGreaterThan(report.operations * 0.7);
      expect(Object.values(report.byKind).every((n) => n > 0)).toBe(true);
      expect(await summaryDrift(ctx.db)).toEqual(NO_DRIFT);
    }, 180_000);
  },
  { demo: true },
);
