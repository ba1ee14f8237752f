// The embedded database's folder lock (db/lock.ts, proper-lockfile): a live holder in another process
// is respected however long it holds, two servers racing for one folder leave exactly one serving, and
// a holder that died stops renewing its lock, which then expires and is taken over.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, lockFile, releaseLock } from '@/db/lock';
import { runChild } from './helpers/run-child';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-lock-'));
  dirs.push(dir);
  return dir;
}

const run = (...args: string[]) => runChild(children, ...args);

describe('the data folder lock', () => {
  it('two servers started at once on one folder: exactly one serves, the other stops with one sentence', async () => {
    const dir = tempDir();
    const [a, b] = [run('server', dir), run('server', dir)];
    // The loser gives up once the lock has stayed fresh longer than it takes to expire (~12 s).
    const loser = await Promise.race([a.exited.then(() => a), b.exited.then(() => b)]);
    const winner = loser === a ? b : a;
    await winner.said('serving');
    expect(await loser.exited).toBe(1);
    expect(loser.output().trim()).toBe(
      `Uplift cannot start: The data folder ${dir} is in use by another Uplift process (its lock is still being renewed): stop that process or set UPLIFT_DATA_DIR to another folder.`,
    );
    expect(winner.child.exitCode).toBe(null);
    expect(winner.output()).not.toContain('cannot start');
    winner.child.kill('SIGTERM');
    expect(await winner.exited).toBe(0);
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  }, 90_000);

  it('respects a live holder past the expiry time, and takes the lock once the holder has died', async () => {
    const dir = tempDir();
    const holder = run('hold', dir, '2000');
    await holder.said('holding');
    // Longer than the 2 s expiry: the holder's heartbeat keeps its lock fresh.
    await expect(acquireLock(dir, { staleMs: 2000, waitMs: 4000 })).rejects.toThrow(/is in use by another Uplift process/);
    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(fs.existsSync(lockFile(dir))).toBe(true); // a dead holder leaves its lock behind…
    const started = Date.now();
    await acquireLock(dir, { staleMs: 2000 }); // …which expires and is taken
    expect(Date.now() - started).toBeLessThan(5000);
    await releaseLock(dir);
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  }, 30_000);
});
