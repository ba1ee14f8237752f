// `npm run test:reliability`: the slow checks kept out of `npm test` — SIGKILL crash test on PGlite
// (and PostgreSQL with TEST_DATABASE_URL), 20 concurrent writers × 200 operations on PostgreSQL
// (deadlocks retried, summaries intact), a backup of 10,000 experiments under 20 concurrent writers that
// restores into a fresh database (both databases), and the deep fuzz run (FUZZ_RUNS=300 per action).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { backupUnderLoad, backupUnderLoadPassed, describeBackupUnderLoad } from './backup-under-load';
import { crashTest } from './crash';
import { deadlockTest, describeReport, passed } from './deadlock';

async function main() {
  let failed = false;
  const kinds: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  if (!process.env.TEST_DATABASE_URL) console.log('PostgreSQL crash test skipped: TEST_DATABASE_URL is not set.');
  for (const kind of kinds) {
    const r = await crashTest(kind, Number(process.env.CRASH_ACKS ?? 300));
    console.log(
      `crash test [${kind}]: ${r.acknowledged} acknowledged before SIGKILL, ${r.found} found after restart, ${r.lost} lost, migrations ${r.migrationsIntact ? 'intact' : 'BROKEN'}`,
    );
    if (r.lost > 0 || !r.migrationsIntact) failed = true;
  }
  if (process.env.TEST_DATABASE_URL) {
    const r = await deadlockTest({ clients: 20, operations: Number(process.env.CONCURRENT_OPERATIONS ?? 200) });
    console.log(describeReport(r));
    if (!passed(r)) failed = true;
  } else {
    console.log('Concurrent-writers test skipped: TEST_DATABASE_URL is not set (deadlocks happen only on PostgreSQL).');
  }
  for (const kind of kinds) {
    const r = await backupUnderLoad(kind, Number(process.env.BACKUP_EXPERIMENTS ?? 10_000));
    console.log(describeBackupUnderLoad(r));
    if (!backupUnderLoadPassed(r)) failed = true;
  }
  if (!(await deepFuzz(kinds))) failed = true;
  process.exit(failed ? 1 : 0);
}

/**
 * The deep fuzz, one vitest per database at the same time (each half runs mostly on its own core: PGlite in this
 * process's WebAssembly, PostgreSQL in the server); each one's output printed whole when it ends.
 */
async function deepFuzz(kinds: ('pglite' | 'postgres')[]): Promise<boolean> {
  const vitest = path.join(process.cwd(), 'node_modules', '.bin', 'vitest');
  const runs = kinds.map(
    (kind) =>
      new Promise<boolean>((resolve) => {
        const started = Date.now();
        const child = spawn(vitest, ['run', 'tests/security-fuzz.test.ts'], {
          env: { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '300', TEST_DB_KINDS: kind, FORCE_COLOR: '0' },
        });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', (code) => {
          console.log(`\n── deep fuzz [${kind}] (${((Date.now() - started) / 1000).toFixed(0)} s) ──\n${out}`);
          resolve(code === 0);
        });
      }),
  );
  return (await Promise.all(runs)).every(Boolean);
}

main();
