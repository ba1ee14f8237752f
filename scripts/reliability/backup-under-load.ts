// A backup taken while people work is one snapshot: 20 concurrent writers create and edit experiments,
// outcomes and check-ins (tests/helpers/concurrent-writes.ts) while a backup of 10,000+ experiments runs;
// the file then restores into a fresh database, which checks that every reference in it resolves.
// `tsx scripts/reliability/backup-under-load.ts [pglite|postgres] [--experiments 10000]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBackupFile } from '@/db/backup/create';
import { fileSource } from '@/db/backup/read';
import { restoreBackup } from '@/db/backup/restore';
import type { DatabaseKind } from '@/db/config';
import { generateBenchData } from '../../bench/generate';
import { runConcurrentWrites, type WorkloadReport } from '../../tests/helpers/concurrent-writes';
import { openDatabase } from './databases';

export type BackupUnderLoad = {
  kind: DatabaseKind;
  experiments: number;
  rows: number;
  seconds: number;
  megabytes: number;
  /** Between the snapshot's first page and its last: seconds, and writes the writers completed meanwhile. */
  snapshot: { seconds: number; accepted: number };
  writesDuring: number;
  acceptedDuring: number;
  writers: WorkloadReport;
  restoredRows: number;
  restoreSeconds: number;
  problem?: string;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function backupUnderLoad(kind: DatabaseKind, experiments = 10_000): Promise<BackupUnderLoad> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-backup-load-'));
  const file = path.join(dir, 'backup.json.gz');
  const source = await openDatabase(kind, { demo: false });
  try {
    await generateBenchData(source.run, experiments);
    // The bench organisation has leads; the writers also act as an admin (moves, model imports).
    await source.run(`insert into "user" (id, name, email, role, email_verified) values ('reliability_admin', 'Reliability Admin', 'admin@reliability.local', 'admin', true)`);
    let live: WorkloadReport | undefined;
    let stop = false;
    const writers = runConcurrentWrites(source.db, { clients: 20, operations: 1_000_000, live: (r) => (live = r), stop: () => stop });
    while ((live?.operations ?? 0) < 40) await sleep(50); // the writers are under way
    const before = { ops: live!.operations, accepted: live!.accepted };
    const started = performance.now();
    // Inside the snapshot: from its first page read to its last (on PGlite the call also waits for the one connection).
    let inside: { t: number; accepted: number } | undefined;
    let insideEnd = { t: 0, accepted: 0 };
    const afterPage = () => {
      inside ??= { t: performance.now(), accepted: live!.accepted };
      insideEnd = { t: performance.now(), accepted: live!.accepted };
    };
    const rows = await writeBackupFile(source.db, `reliability ${kind}`, file, { gzip: true, afterPage });
    const seconds = (performance.now() - started) / 1000;
    const during = { ops: live!.operations - before.ops, accepted: live!.accepted - before.accepted };
    const snapshot = { seconds: (insideEnd.t - inside!.t) / 1000, accepted: insideEnd.accepted - inside!.accepted };
    await sleep(500); // a little more writing after the snapshot
    stop = true;
    const report = await writers;

    const fresh = await openDatabase(kind, { demo: false });
    try {
      const restoreStarted = performance.now();
      // restoreBackup checks every reference against the file before writing, then the database's own keys check them again.
      const { counts } = await restoreBackup(fresh.ownerDb, fileSource(file));
      return {
        kind,
        experiments: counts.experiments,
        rows,
        seconds,
        megabytes: fs.statSync(file).size / 1024 / 1024,
        snapshot,
        writesDuring: during.ops,
        acceptedDuring: during.accepted,
        writers: report,
        restoredRows: Object.values(counts).reduce((a, b) => a + b, 0),
        restoreSeconds: (performance.now() - restoreStarted) / 1000,
      };
    } finally {
      await fresh.close();
    }
  } finally {
    await source.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function backupUnderLoadPassed(r: BackupUnderLoad): boolean {
  // On PostgreSQL the writers must really have written while the snapshot was read; PGlite's one connection queues them.
  return r.writers.errors.length === 0 && r.restoredRows === r.rows && (r.kind === 'pglite' || r.acceptedDuring > 0);
}

export function describeBackupUnderLoad(r: BackupUnderLoad): string {
  return [
    `backup under load [${r.kind}]: ${r.experiments} experiments, ${r.rows} rows in ${r.seconds.toFixed(1)} s (${r.megabytes.toFixed(1)} MB gzip)`,
    `  20 writers: ${r.writesDuring} operations during the backup call (${r.acceptedDuring} accepted; ${r.snapshot.accepted} completed between its first and last page, ${r.snapshot.seconds.toFixed(1)} s), ${r.writers.operations} in all, ${r.writers.errors.length} errors${r.writers.errors.length ? ` (first: ${r.writers.errors[0].message})` : ''}`,
    `  restored into a fresh database: ${r.restoredRows} rows in ${r.restoreSeconds.toFixed(1)} s, every reference resolved${r.restoredRows === r.rows ? '' : ' — ROW COUNTS DIFFER'}`,
  ].join('\n');
}

if (process.argv[1]?.endsWith('backup-under-load.ts')) {
  const kind = (process.argv[2] ?? 'pglite') as DatabaseKind;
  const i = process.argv.indexOf('--experiments');
  backupUnderLoad(kind, i > 0 ? Number(process.argv[i + 1]) : 10_000).then(
    (r) => {
      console.log(describeBackupUnderLoad(r));
      process.exit(backupUnderLoadPassed(r) ? 0 : 1);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
