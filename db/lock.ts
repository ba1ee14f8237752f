import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConfigError } from './config';

/**
 * PGlite has no lock on its data folder: two processes on one folder silently lose writes. The folder
 * is locked with proper-lockfile: an atomic mkdir of <data>/uplift.lock whose mtime the holder renews
 * every few seconds. A pid would mean nothing in another container sharing the volume; the heartbeat
 * does: a live holder anywhere keeps the lock fresh, a dead one stops and its lock expires.
 */
export function lockFile(dir: string): string {
  return path.join(dir, 'uplift.lock');
}

/** A lock not renewed for this long is taken as left by a dead process. */
export const LOCK_STALE_MS = 10_000;

type LockOptions = { staleMs?: number; waitMs?: number };
type Held = Map<string, Worker>;
const held: Held = ((globalThis as { upliftLocks?: Held }).upliftLocks ??= new Map());

/*
 * The lock lives in a worker thread: PGlite runs Postgres as WebAssembly on the main thread and can
 * block it for many seconds (creating a database on a busy machine took over 10 s), which would stop
 * a heartbeat there and let a second server take a lock whose holder is alive.
 */
const WORKER = `
const { parentPort, workerData: w } = require('node:worker_threads');
require('proper-lockfile')
  .lock(w.dir, {
    lockfilePath: w.file, realpath: false, stale: w.stale,
    retries: { retries: w.retries, factor: 1, minTimeout: 1000, maxTimeout: 1000 },
    onCompromised: (err) => parentPort.postMessage({ type: 'compromised', message: err.message }),
  })
  .then(
    (release) => {
      parentPort.postMessage({ type: 'locked' });
      parentPort.on('message', () => release().catch(() => {}).then(() => parentPort.postMessage({ type: 'released' })));
    },
    (err) => parentPort.postMessage({ type: 'failed', code: err.code, message: err.message }),
  );
`;

type Reply = { type: 'locked' | 'released' | 'compromised' | 'failed'; code?: string; message?: string };

// On any exit the lock is removed at once (proper-lockfile's own exit hook does not run in a worker).
process.on('exit', () => {
  for (const dir of held.keys()) fs.rmSync(lockFile(dir), { recursive: true, force: true });
});

/**
 * Takes the folder's lock, waiting up to `waitMs` (default: a little longer than the lock takes to
 * expire, so a restart right after a crash goes on); a live holder makes it fail with one sentence.
 * Re-entrant within one process.
 */
export async function acquireLock(dir: string, options: LockOptions = {}): Promise<void> {
  const key = path.resolve(dir);
  if (held.has(key)) return;
  fs.mkdirSync(key, { recursive: true, mode: 0o700 });
  const stale = options.staleMs ?? LOCK_STALE_MS;
  const retries = Math.ceil((options.waitMs ?? stale + 2000) / 1000);
  const worker = new Worker(WORKER, { eval: true, workerData: { dir: key, file: lockFile(key), stale, retries } });
  const reply = await new Promise<Reply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  if (reply.type !== 'locked') {
    await worker.terminate();
    if (reply.code !== 'ELOCKED') throw new Error(`Could not lock the data folder ${key}: ${reply.message}`);
    throw new ConfigError(
      `The data folder ${key} is in use by another Uplift process (its lock is still being renewed): stop that process or set UPLIFT_DATA_DIR to another folder.`,
    );
  }
  worker.on('message', (m: Reply) => {
    if (m.type !== 'compromised') return;
    // Someone else took the folder (or removed the lock): stop before two processes write to it.
    held.delete(key);
    console.error(`Uplift lost the lock on its data folder ${key} (${m.message}): stopping so that two processes never write to it at once.`);
    process.exit(1);
  });
  worker.unref(); // the lock alone does not keep a process alive
  held.set(key, worker);
}

export async function releaseLock(dir: string): Promise<void> {
  const key = path.resolve(dir);
  const worker = held.get(key);
  if (!worker) return;
  held.delete(key);
  const released = new Promise<void>((resolve) => worker.on('message', (m: Reply) => m.type === 'released' && resolve()));
  worker.ref(); // wait for the release even when nothing else keeps the process alive
  worker.postMessage('release');
  await released;
  await worker.terminate();
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
      .finally(() => releaseLock(dir).finally(() => proc.exit(0)));
  };
  proc.once('SIGTERM', onSignal);
  proc.once('SIGINT', onSignal);
}
