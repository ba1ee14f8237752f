import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config';

/**
 * PGlite has no lock on its data folder: two processes on one folder silently lose writes.
 * A pid file guards it; a lock left by a dead process is taken over.
 */
export function lockFile(dir: string): string {
  return path.join(dir, 'uplift.lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireLock(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = lockFile(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number(fs.readFileSync(file, 'utf8').trim());
    if (holder === process.pid) return;
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
      throw new ConfigError(
        `The data folder ${dir} is in use by another Uplift process (pid ${holder}): stop that process or set UPLIFT_DATA_DIR to another folder.`,
      );
    }
    fs.rmSync(file, { force: true }); // stale lock from a process that died
  }
  throw new ConfigError(`Could not lock the data folder ${dir}: another process keeps taking it.`);
}

export function releaseLock(dir: string): void {
  const file = lockFile(dir);
  try {
    if (Number(fs.readFileSync(file, 'utf8').trim()) === process.pid) fs.rmSync(file, { force: true });
  } catch {
    // already gone
  }
}

/**
 * On SIGTERM or SIGINT: close the database (PGlite flushes and shuts down its Postgres), release
 * the folder lock, then exit. db/index.ts calls it when it opens the embedded database.
 */
export function closeOnSignals(dir: string, close: () => Promise<void>, proc: NodeJS.Process = process): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    close()
      .catch((err) => console.error(`Closing the database on ${signal} failed: ${String(err)}`))
      .finally(() => {
        releaseLock(dir);
        proc.exit(0);
      });
  };
  proc.once('SIGTERM', onSignal);
  proc.once('SIGINT', onSignal);
}
