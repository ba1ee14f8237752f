import { and, desc, eq, sql } from 'drizzle-orm';
import { rawRows } from '../../sql';
import { jobLeases, jobRuns, type JobOutcome } from '../../schema';
import type { Queryable } from '../../types';

export type Claim = { ok: true } | { ok: false; reason: 'running' | 'done' | 'busy' };

/**
 * Takes the job's lease for `slot`. The row is locked with FOR UPDATE SKIP LOCKED: a runner that finds another
 * one claiming at this instant skips instead of waiting, and one that finds a live lease or the slot done skips
 * too, so each slot runs at most once across servers. A lease that outlives `leaseSeconds` (a crashed run) is
 * free again. `again` (a manual run) ignores that the slot is done, never a live lease. Times are the database's,
 * so servers' clocks do not matter.
 */
export async function claimLease(db: Queryable, job: string, slot: string, holder: string, leaseSeconds: number, again = false): Promise<Claim> {
  return db.transaction(async (tx) => {
    await tx.insert(jobLeases).values({ job }).onConflictDoNothing();
    const [row] = await rawRows<{ slot: string | null; live: boolean; done_slot: string | null }>(
      tx,
      sql`select slot, (holder is not null and leased_until > now()) as live, done_slot from job_leases where job = ${job} for update skip locked`,
    );
    if (!row) return { ok: false, reason: 'busy' } as const;
    if (row.live) return { ok: false, reason: 'running' } as const;
    if (!again && row.done_slot === slot) return { ok: false, reason: 'done' } as const;
    await tx.execute(sql`update job_leases set slot = ${slot}, holder = ${holder}, leased_until = now() + make_interval(secs => ${leaseSeconds}) where job = ${job}`);
    return { ok: true } as const;
  });
}

/** Ends a run: the slot counts as done (also after a failure: the next slot retries) and the lease is free. */
export async function releaseLease(db: Queryable, job: string, holder: string, slot: string): Promise<void> {
  await db.update(jobLeases).set({ holder: null, leasedUntil: null, doneSlot: slot }).where(and(eq(jobLeases.job, job), eq(jobLeases.holder, holder)));
}

/** Called with the lease held: a run still marked running belongs to a server that stopped before it ended. */
export async function failAbandonedRuns(db: Queryable, job: string): Promise<void> {
  await db
    .update(jobRuns)
    .set({ outcome: 'failed', finishedAt: sql`now()`, error: 'Abandoned: the server running it stopped before the run ended.' })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.outcome, 'running')));
}

export async function startRun(db: Queryable, run: { job: string; slot: string; trigger: string; host: string }): Promise<number> {
  const [row] = await db.insert(jobRuns).values(run).returning({ id: jobRuns.id });
  return row.id;
}

export async function finishRun(db: Queryable, id: number, outcome: Exclude<JobOutcome, 'running'>, summary: string | null, error: string | null): Promise<void> {
  await db.update(jobRuns).set({ outcome, summary, error, finishedAt: sql`now()` }).where(eq(jobRuns.id, id));
}

/** Forgets a run that did nothing (a scheduled delivery with an empty queue). */
export async function deleteRun(db: Queryable, id: number): Promise<void> {
  await db.delete(jobRuns).where(eq(jobRuns.id, id));
}

/** Recent runs, newest first, for the admin page. */
export function listJobRuns(db: Queryable, limit = 20) {
  return db.select().from(jobRuns).orderBy(desc(jobRuns.startedAt), desc(jobRuns.id)).limit(limit);
}
