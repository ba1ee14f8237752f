// `tsx bench/restore.ts [--experiments 100000] [--kinds pglite,postgres]`: how much memory and time a
// restore takes. Generates the bench organisation (bench/generate.ts), backs it up (one snapshot, gzip),
// then restores the file into a fresh database in a child process and prints that process's peak
// resident memory (maxRSS) and seconds. PostgreSQL needs TEST_DATABASE_URL.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBackupFile } from '@/db/backup/create';
import type { DatabaseKind } from '@/db/config';
import { openDatabase } from '../scripts/reliability/databases';
import { generateBenchData } from './generate';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const MB = 1024 * 1024;

async function benchKind(kind: DatabaseKind, experiments: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-bench-restore-'));
  const file = path.join(dir, 'backup.json.gz');
  try {
    const source = await openDatabase(kind, { demo: false, dir: kind === 'pglite' ? path.join(dir, 'source') : undefined });
    let generated: number;
    let backup: { rows: number; seconds: number };
    try {
      const t0 = performance.now();
      await generateBenchData(source.run, experiments);
      generated = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      const rows = await writeBackupFile(source.db, `bench ${kind}`, file, { gzip: true });
      backup = { rows, seconds: (performance.now() - t1) / 1000 };
    } finally {
      await source.close();
    }
    // A separate process, so its peak memory is the restore's alone.
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'restore-child.ts'), kind, file, path.join(dir, 'target')], {
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 16 * MB,
    });
    const child = JSON.parse(out.trim().split('\n').pop()!) as { rows: number; seconds: number; baselineMb: number; peakMb: number; lifetimeMb: number };
    const fileMb = fs.statSync(file).size / MB;
    console.log(
      `restore [${kind}]: ${experiments} experiments, ${child.rows} rows from a ${fileMb.toFixed(1)} MB gzip backup in ${child.seconds.toFixed(1)} s; ` +
        `peak RSS during the restore ${child.peakMb.toFixed(0)} MB (${child.baselineMb.toFixed(0)} MB when it began; the process's lifetime peak, migrations included, ${child.lifetimeMb.toFixed(0)} MB). ` +
        `Generated in ${generated.toFixed(0)} s; backup ${backup.rows} rows in ${backup.seconds.toFixed(1)} s.`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const experiments = Number(arg('experiments', '100000'));
  const kinds = arg('kinds', process.env.TEST_DATABASE_URL ? 'pglite,postgres' : 'pglite').split(',') as DatabaseKind[];
  for (const kind of kinds) await benchKind(kind, experiments);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
