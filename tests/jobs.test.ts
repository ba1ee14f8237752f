// The job runner on both databases: one run per slot, also with two runners at once on separate connections (two
// app servers on one PostgreSQL); a manual run never overlaps a live one; a crashed run's lease expires; every run
// is in the history with its outcome, duration and error.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/db/config';
import { listJobRuns } from '@/db/queries/admin/jobs';
import { jobLeases, jobRuns } from '@/db/schema';
import { registerJob } from '@/lib/jobs/registry';
import { runJob } from '@/lib/jobs/runner';
import { jobsEnabled, readSchedule, slotFor } from '@/lib/jobs/schedule';
import { describeEachDb } from './helpers/db';

let calls = 0;
let fail = false;
registerJob({
  name: 'test-slow',
  description: 'for tests',
  schedule: () => 'daily',
  run: async () => {
    calls++;
    await new Promise((r) => setTimeout(r, 300));
    if (fail) throw new Error('the source answered 500');
    return `call ${calls}`;
  },
});

describe('schedules', () => {
  it('names daily slots by UTC day and weekly ones by ISO week', () => {
    expect(slotFor('daily', new Date('2026-12-05T23:59:00Z'))).toBe('2026-12-05');
    expect(slotFor('weekly', new Date('2026-12-05T10:00:00Z'))).toBe('2026-W49');
    expect(slotFor('weekly', new Date('2026-11-30T00:00:00Z'))).toBe('2026-W49');
    expect(slotFor('weekly', new Date('2027-01-01T10:00:00Z'))).toBe('2026-W53');
    expect(slotFor('off', new Date())).toBeNull();
  });

  it('reads UPLIFT_CATALOG_SYNC and UPLIFT_JOBS, refusing anything else in one sentence', () => {
    expect(readSchedule('UPLIFT_CATALOG_SYNC', {})).toBe('off');
    expect(readSchedule('UPLIFT_CATALOG_SYNC', { UPLIFT_CATALOG_SYNC: 'Weekly' })).toBe('weekly');
    expect(() => readSchedule('UPLIFT_CATALOG_SYNC', { UPLIFT_CATALOG_SYNC: 'hourly' })).toThrow(new ConfigError('UPLIFT_CATALOG_SYNC must be off, daily or weekly (it is "hourly").'));
    expect(jobsEnabled({})).toBe(true);
    expect(jobsEnabled({ UPLIFT_JOBS: 'off' })).toBe(false);
    expect(() => jobsEnabled({ UPLIFT_JOBS: 'no' })).toThrow('UPLIFT_JOBS must be on or off (it is "no").');
  });
});

describeEachDb('the job runner', (ctx) => {
  const day = (d: string) => new Date(`${d}T06:00:00Z`);

  it('runs a scheduled slot once, records it, and runs the next slot', async () => {
    calls = 0;
    const first = await runJob(ctx.db, 'test-slow', 'schedule', { now: day('2026-12-01'), holder: 'server-a' });
    expect(first).toMatchObject({ ran: true, outcome: 'succeeded', summary: 'call 1', error: null });
    expect(await runJob(ctx.db, 'test-slow', 'schedule', { now: day('2026-12-01'), holder: 'server-b' })).toEqual({ ran: false, reason: 'done', message: 'test-slow has already run in this slot.' });
    expect(await runJob(ctx.db, 'test-slow', 'schedule', { now: day('2026-12-02'), holder: 'server-b' })).toMatchObject({ ran: true, summary: 'call 2' });
    expect(calls).toBe(2);
    const [run] = await ctx.db.select().from(jobRuns).where(eq(jobRuns.id, first.ran ? first.runId : -1));
    expect(run).toMatchObject({ job: 'test-slow', slot: '2026-12-01', trigger: 'schedule', host: 'server-a', outcome: 'succeeded', summary: 'call 1', error: null });
    expect(run.finishedAt!.getTime() - run.startedAt.getTime()).toBeGreaterThanOrEqual(250);
  });

  it('lets exactly one of two runners on separate connections run a slot', async () => {
    for (const d of ['2026-12-10', '2026-12-11', '2026-12-12']) {
      calls = 0;
      // On PostgreSQL ownerDb is another connection pool, as a second app server would have.
      const results = await Promise.all([
        runJob(ctx.db, 'test-slow', 'schedule', { now: day(d), holder: 'server-a' }),
        runJob(ctx.ownerDb, 'test-slow', 'schedule', { now: day(d), holder: 'server-b' }),
      ]);
      expect(calls).toBe(1);
      expect(results.filter((r) => r.ran)).toHaveLength(1);
      const other = results.find((r) => !r.ran)!;
      expect(['running', 'busy', 'done']).toContain(other.ran ? '' : other.reason);
      expect((await ctx.db.select({ n: sql<number>`count(*)::int` }).from(jobRuns).where(eq(jobRuns.slot, d)))[0].n).toBe(1);
    }
  });

  it('never starts a manual run while one is live, and records a failure with its error', async () => {
    fail = true;
    const [scheduled, manual] = await Promise.all([
      runJob(ctx.db, 'test-slow', 'schedule', { now: day('2026-12-20'), holder: 'server-a' }),
      new Promise((r) => setTimeout(r, 100)).then(() => runJob(ctx.ownerDb, 'test-slow', 'command', { holder: 'cli' })),
    ]);
    fail = false;
    expect(scheduled).toMatchObject({ ran: true, outcome: 'failed', summary: null, error: 'the source answered 500' });
    expect(manual).toEqual({ ran: false, reason: 'running', message: 'test-slow is running already (on this or another server).' });
    // Once it ended, a manual run goes ahead, even in a slot that is done.
    expect(await runJob(ctx.db, 'test-slow', 'command', { holder: 'cli' })).toMatchObject({ ran: true, outcome: 'succeeded' });
    const [latest] = await listJobRuns(ctx.db, 2);
    expect(latest).toMatchObject({ trigger: 'command', host: 'cli', outcome: 'succeeded' });
    expect((await listJobRuns(ctx.db, 2))[1]).toMatchObject({ slot: '2026-12-20', outcome: 'failed', error: 'the source answered 500' });
  });

  it("frees a crashed run's lease when it expires", async () => {
    await ctx.db.update(jobLeases).set({ holder: 'crashed', slot: '2026-12-24', leasedUntil: sql`now() + interval '1 hour'` }).where(eq(jobLeases.job, 'test-slow'));
    const [crashed] = await ctx.db.insert(jobRuns).values({ job: 'test-slow', slot: '2026-12-24', trigger: 'schedule', host: 'crashed' }).returning();
    expect(await runJob(ctx.db, 'test-slow', 'schedule', { now: day('2026-12-24') })).toMatchObject({ ran: false, reason: 'running' });
    await ctx.db.update(jobLeases).set({ leasedUntil: sql`now() - interval '1 second'` }).where(eq(jobLeases.job, 'test-slow'));
    expect(await runJob(ctx.db, 'test-slow', 'schedule', { now: day('2026-12-24') })).toMatchObject({ ran: true, outcome: 'succeeded' });
    // The crashed run shows as failed in the history, not as running for ever.
    const [after] = await ctx.db.select().from(jobRuns).where(eq(jobRuns.id, crashed.id));
    expect(after).toMatchObject({ outcome: 'failed', error: 'Abandoned: the server running it stopped before the run ended.' });
  });

  it('knows no job by another name', async () => {
    expect(await runJob(ctx.db, 'nope', 'command')).toEqual({ ran: false, reason: 'unknown', message: 'There is no job named "nope".' });
  });
});
