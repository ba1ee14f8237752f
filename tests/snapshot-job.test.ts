// Issue 20 §2: the embedded database's snapshot is a job of the runner (lib/jobs/snapshot.ts), not a timer of its
// own: offered every hour, it writes when UPLIFT_SNAPSHOT_HOURS have passed since the newest snapshot, at most once
// per slot, with a line in the job history; `npm run jobs -- snapshot` writes one now. The runner on both databases.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { jobRuns } from '@/db/schema';
import { snapshotFolder, snapshotName } from '@/db/snapshots';
import { getJob, registerJob } from '@/lib/jobs/registry';
import { runJob } from '@/lib/jobs/runner';
import { makeSnapshotJob } from '@/lib/jobs/snapshot';
import { describeEachDb } from './helpers/db';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A data folder whose "snapshot" is an empty file of the real name (db/snapshots.ts writes the real ones). */
function fakeInstall(kind: 'pglite' | 'postgres' = 'pglite') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-snapjob-'));
  dirs.push(dir);
  const written: string[] = [];
  const job = makeSnapshotJob({
    kind: () => kind,
    dataDir: () => dir,
    write: async (now, kept) => {
      fs.mkdirSync(snapshotFolder(dir), { recursive: true });
      const file = path.join(snapshotFolder(dir), snapshotName(now));
      fs.writeFileSync(file, '');
      written.push(`${path.basename(file)} kept ${kept}`);
      return file;
    },
  });
  return { dir, job, written };
}

describe('the snapshot job', () => {
  it('is registered, offered hourly on the embedded database only, and off at UPLIFT_SNAPSHOT_HOURS=0', () => {
    expect(getJob('snapshot')?.description).toContain('UPLIFT_SNAPSHOT_HOURS');
    const { job } = fakeInstall();
    expect(job.schedule({})).toBe('hourly');
    expect(job.schedule({ UPLIFT_SNAPSHOT_HOURS: '0' })).toBe('off');
    expect(() => job.schedule({ UPLIFT_SNAPSHOT_HOURS: 'often' })).toThrow('UPLIFT_SNAPSHOT_HOURS must be a number of at least 0 (it is "often").');
    expect(fakeInstall('postgres').job.schedule({})).toBe('off');
  });

  it('on PostgreSQL a command run says there is nothing to snapshot, and a scheduled one leaves no line', async () => {
    const { job, written } = fakeInstall('postgres');
    expect(await job.run({ env: {}, trigger: 'command' })).toBe('PostgreSQL: nothing to snapshot (back it up with pg_dump or your provider; /admin has the app backup).');
    expect(await job.run({ env: {}, trigger: 'schedule' })).toBeNull();
    expect(written).toEqual([]);
  });
});

describeEachDb('the snapshot job in the runner', (ctx) => {
  it('writes when due, once per hourly slot, with history; a command writes now', async () => {
    const { dir, job, written } = fakeInstall();
    registerJob({ ...getJob('snapshot')!, schedule: job.schedule, run: job.run });
    const env = { UPLIFT_SNAPSHOT_HOURS: '6', UPLIFT_SNAPSHOTS_KEPT: '3' };
    const at = (iso: string) => new Date(`2026-12-05T${iso}Z`);

    // No snapshot yet: due at once.
    const first = await runJob(ctx.db, 'snapshot', 'schedule', { env, now: at('10:05:00'), holder: 'server-a' });
    expect(first).toMatchObject({ ran: true, outcome: 'succeeded', summary: `Wrote snapshot-2026-12-05T10-05-00-000Z.tar.gz to ${snapshotFolder(dir)}; the newest 3 are kept.` });
    // The same hour on another server: at most once.
    expect(await runJob(ctx.db, 'snapshot', 'schedule', { env, now: at('10:40:00'), holder: 'server-b' })).toEqual({ ran: false, reason: 'done', message: 'snapshot has already run in this slot.' });
    // An hour later it is not due (6 hours): the run leaves no line.
    expect(await runJob(ctx.db, 'snapshot', 'schedule', { env, now: at('11:05:00'), holder: 'server-a' })).toMatchObject({ ran: true, summary: 'Nothing to do.' });
    // Six hours after the newest: due again.
    expect(await runJob(ctx.db, 'snapshot', 'schedule', { env, now: at('16:05:00'), holder: 'server-a' })).toMatchObject({ ran: true, summary: expect.stringContaining('snapshot-2026-12-05T16-05-00-000Z.tar.gz') });
    // npm run jobs -- snapshot: now, due or not.
    expect(await runJob(ctx.db, 'snapshot', 'command', { env, now: at('16:30:00') })).toMatchObject({ ran: true, summary: expect.stringContaining('snapshot-2026-12-05T16-30-00-000Z.tar.gz') });
    expect(written).toEqual(['snapshot-2026-12-05T10-05-00-000Z.tar.gz kept 3', 'snapshot-2026-12-05T16-05-00-000Z.tar.gz kept 3', 'snapshot-2026-12-05T16-30-00-000Z.tar.gz kept 3']);
    const runs = await ctx.db.select({ slot: jobRuns.slot, trigger: jobRuns.trigger, outcome: jobRuns.outcome }).from(jobRuns).where(eq(jobRuns.job, 'snapshot')).orderBy(jobRuns.id);
    expect(runs).toEqual([
      { slot: '2026-12-05T10', trigger: 'schedule', outcome: 'succeeded' },
      { slot: '2026-12-05T16', trigger: 'schedule', outcome: 'succeeded' },
      { slot: 'manual-2026-12-05T16:30:00.000Z', trigger: 'command', outcome: 'succeeded' },
    ]);
  });

  it('a failed write is in the history with its error', async () => {
    registerJob({
      ...getJob('snapshot')!,
      schedule: () => 'hourly',
      run: makeSnapshotJob({ kind: () => 'pglite', dataDir: () => fakeInstall().dir, write: () => Promise.reject(new Error('disk full')) }).run,
    });
    expect(await runJob(ctx.db, 'snapshot', 'command', { env: {} })).toMatchObject({ ran: true, outcome: 'failed', error: 'disk full' });
  });
});
