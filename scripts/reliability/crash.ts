// Crash safety: a writer process is killed with SIGKILL in the middle of a stream of writes; the
// database is reopened and migrated again, and every write acknowledged before the kill must be
// there. `tsx scripts/reliability/crash.ts [pglite|postgres] [acks before the kill, default 300]`;
// postgres needs TEST_DATABASE_URL (a throw-away database is created and dropped).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { like, sql } from 'drizzle-orm';
import { connectPglite, connectPostgres, type Connection } from '@/db/connect';
import { acquireLock, releaseLock } from '@/db/lock';
import { prepareDatabase } from '@/db/prepare';
import { teams } from '@/db/schema';

export type CrashReport = { kind: string; acknowledged: number; found: number; lost: number; migrationsIntact: boolean; seconds: number };

async function open(kind: string, target: string): Promise<Connection> {
  if (kind === 'pglite') {
    await acquireLock(target); // the dead writer's lock expires (LOCK_STALE_MS) and is taken over
    return connectPglite(target);
  }
  return connectPostgres(target, { max: 2 });
}

function runWriterUntil(kind: string, target: string, acksWanted: number): Promise<Set<number>> {
  return new Promise((resolve, reject) => {
    // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild that SIGKILL would miss.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'reliability', 'crash-writer.ts'), kind, target], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked = new Set<number>();
    let buffer = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ack (\d+)$/.exec(line);
        if (m) acked.add(Number(m[1]));
      }
      if (!killed && acked.size >= acksWanted) {
        killed = true;
        child.kill('SIGKILL'); // mid-stream: other transactions are in flight
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer exited early (code ${code})`))));
  });
}

export async function crashTest(kind: 'pglite' | 'postgres', acksWanted = 300): Promise<CrashReport> {
  const started = Date.now();
  let target: string;
  let cleanup: () => Promise<void>;
  if (kind === 'pglite') {
    target = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-crash-'));
    cleanup = async () => fs.rmSync(target, { recursive: true, force: true });
  } else {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('TEST_DATABASE_URL is needed for the PostgreSQL crash test.');
    const name = `uplift_crash_${randomBytes(5).toString('hex')}`;
    const admin = connectPostgres(base, { max: 1 });
    await admin.db.execute(sql.raw(`create database ${name}`));
    const url = new URL(base);
    url.pathname = `/${name}`;
    target = url.toString();
    cleanup = async () => {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    };
  }
  try {
    const first = await open(kind, target);
    await prepareDatabase(first.db, kind, { demo: false });
    await first.close();
    if (kind === 'pglite') await releaseLock(target);

    const acked = await runWriterUntil(kind, target, acksWanted);

    const after = await open(kind, target);
    let migrationsIntact = true;
    try {
      await prepareDatabase(after.db, kind, { demo: false }); // opens, re-checks and re-applies nothing
    } catch {
      migrationsIntact = false;
    }
    const rows = await after.db.select({ name: teams.name }).from(teams).where(like(teams.name, 'crash-%'));
    await after.close();
    if (kind === 'pglite') await releaseLock(target);
    const present = new Set(rows.map((r) => Number(r.name.slice('crash-'.length))));
    const lost = [...acked].filter((n) => !present.has(n)).length;
    return { kind, acknowledged: acked.size, found: present.size, lost, migrationsIntact, seconds: (Date.now() - started) / 1000 };
  } finally {
    await cleanup();
  }
}

if (process.argv[1]?.endsWith('crash.ts')) {
  const kind = (process.argv[2] ?? 'pglite') as 'pglite' | 'postgres';
  crashTest(kind, Number(process.argv[3] ?? 300)).then(
    (r) => {
      console.log(
        `crash test [${r.kind}]: ${r.acknowledged} writes acknowledged before SIGKILL, ${r.found} found after restart (in-flight ones may add), ` +
          `${r.lost} acknowledged writes lost, migrations ${r.migrationsIntact ? 'intact' : 'BROKEN'} (${r.seconds.toFixed(1)} s)`,
      );
      process.exit(r.lost === 0 && r.migrationsIntact ? 0 : 1);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
