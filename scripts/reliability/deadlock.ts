// Concurrent writers on PostgreSQL: 20 clients × 200 mixed operations through the app's write functions,
// on one pool of the app's size (UPLIFT_DB_POOL, default 10) connected as the ordinary app role. Passes
// with zero errors (each would have been a 500) and every trigger-kept summary equal to its
// recomputation from the raw rows.
// `tsx scripts/reliability/deadlock.ts [--clients 20] [--operations 200] [--no-retry]` with TEST_DATABASE_URL;
// --no-retry turns the transaction retry off, to see the deadlocks it hides.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { connectPostgres } from '@/db/connect';
import { prepareDatabase } from '@/db/prepare';
import { transactionRetryStats } from '@/db/transaction-retry';
import { asRole, ensureTestRoles, TEST_APP_ROLE, TEST_OWNER_ROLE } from '../test-roles';
import { runConcurrentWrites, type WorkloadReport } from '../../tests/helpers/concurrent-writes';
import { NO_DRIFT, summaryDrift, type SummaryDrift } from '../../tests/helpers/summary-definitions';

export type DeadlockReport = WorkloadReport & { retry: boolean; retries: number; retriesExhausted: number; drift: SummaryDrift };

export async function deadlockTest(options: { clients?: number; operations?: number; retry?: boolean } = {}): Promise<DeadlockReport> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is needed: deadlocks happen only on PostgreSQL.');
  // As in production: migrated by the owner role, written by the ordinary app role (scripts/test-roles.ts).
  await ensureTestRoles(base);
  const name = `uplift_deadlock_${randomBytes(5).toString('hex')}`;
  const admin = connectPostgres(base, { max: 1 });
  await admin.db.execute(sql.raw(`create database ${name} owner ${TEST_OWNER_ROLE}`));
  const retry = options.retry ?? true;
  const owner = connectPostgres(asRole(base, TEST_OWNER_ROLE, name), { max: 2 });
  const app = connectPostgres(asRole(base, TEST_APP_ROLE, name), { max: Number(process.env.UPLIFT_DB_POOL ?? 10), retryTransactions: retry });
  try {
    await prepareDatabase(owner.db, 'postgres', { demo: true, appRole: TEST_APP_ROLE });
    const before = { ...transactionRetryStats };
    const report = await runConcurrentWrites(app.db, { clients: options.clients ?? 20, operations: options.operations ?? 200 });
    return {
      ...report,
      retry,
      retries: transactionRetryStats.retries - before.retries,
      retriesExhausted: transactionRetryStats.exhausted - before.exhausted,
      drift: await summaryDrift(app.db),
    };
  } finally {
    await app.close();
    await owner.close();
    await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
    await admin.close();
  }
}

export function describeReport(r: DeadlockReport): string {
  const errorsByState: Record<string, number> = {};
  for (const e of r.errors) errorsByState[e.sqlState ?? 'other'] = (errorsByState[e.sqlState ?? 'other'] ?? 0) + 1;
  const drifted = Object.entries(r.drift).filter(([, n]) => n > 0);
  return [
    `concurrent writes [postgres, retry ${r.retry ? 'on' : 'off'}]: ${r.clients} clients, ${r.operations} operations in ${r.seconds.toFixed(1)} s`,
    `  by kind: ${Object.entries(r.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `  accepted ${r.accepted}, refused ${JSON.stringify(r.refused)}; retries ${r.retries} (${r.retriesExhausted} gave up)`,
    `  errors (500s): ${r.errors.length}${r.errors.length ? ` ${JSON.stringify(errorsByState)}; first: ${r.errors[0].message}` : ''}`,
    `  summaries: ${drifted.length ? `DRIFT ${JSON.stringify(Object.fromEntries(drifted))}` : 'all equal to the raw rows'}`,
  ].join('\n');
}

export const passed = (r: DeadlockReport) => r.errors.length === 0 && JSON.stringify(r.drift) === JSON.stringify(NO_DRIFT);

if (process.argv[1]?.endsWith('deadlock.ts')) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  deadlockTest({ clients: arg('clients', 20), operations: arg('operations', 200), retry: !process.argv.includes('--no-retry') }).then(
    (r) => {
      console.log(describeReport(r));
      process.exit(passed(r) ? 0 : 1);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
