/**
 * Runs one job for one slot at most once across every app server (the lease, db/queries/jobs.ts), and records
 * the run: start, end, outcome, a summary or the error.
 */
import os from 'node:os';
import { claimLease, deleteRun, failAbandonedRuns, finishRun, releaseLease, startRun } from '@/db/queries/admin/jobs';
import type { Queryable } from '@/db/types';
import { getJob, type Env } from './registry';
import { slotFor } from './schedule';

/** A run that takes longer than this is taken for crashed, and its slot may run again elsewhere. */
export const LEASE_SECONDS = 30 * 60;

export type Trigger = 'schedule' | 'command' | 'admin';
export type RunResult =
  | { ran: true; outcome: 'succeeded' | 'failed'; summary: string | null; error: string | null; runId: number }
  | { ran: false; reason: 'unknown' | 'off' | 'running' | 'done' | 'busy'; message: string };

const REASONS = {
  running: 'is running already (on this or another server)',
  done: 'has already run in this slot',
  busy: 'is being started by another server right now',
} as const;

export async function runJob(db: Queryable, name: string, trigger: Trigger, options: { env?: Env; now?: Date; holder?: string } = {}): Promise<RunResult> {
  const env = options.env ?? process.env;
  const now = options.now ?? new Date();
  const job = getJob(name);
  if (!job) return { ran: false, reason: 'unknown', message: `There is no job named "${name}".` };
  // A scheduled run takes the slot of its schedule; a command or an admin runs now, in a slot of its own.
  const slot = trigger === 'schedule' ? slotFor(job.schedule(env), now) : `manual-${now.toISOString()}`;
  if (!slot) return { ran: false, reason: 'off', message: `${name} is not scheduled.` };
  const holder = options.holder ?? `${os.hostname()}:${process.pid}`;
  const claim = await claimLease(db, name, slot, holder, LEASE_SECONDS, trigger !== 'schedule');
  if (!claim.ok) return { ran: false, reason: claim.reason, message: `${name} ${REASONS[claim.reason]}.` };
  await failAbandonedRuns(db, name);
  const runId = await startRun(db, { job: name, slot, trigger, host: holder });
  let result: RunResult;
  try {
    const summary = await job.run({ db, env, trigger, now });
    // A scheduled run that found nothing to do leaves no line in the history (the delivery job ticks every minute).
    if (summary === null && trigger === 'schedule') await deleteRun(db, runId);
    else await finishRun(db, runId, 'succeeded', summary ?? 'Nothing to do.', null);
    result = { ran: true, outcome: 'succeeded', summary: summary ?? 'Nothing to do.', error: null, runId };
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    await finishRun(db, runId, 'failed', null, error);
    result = { ran: true, outcome: 'failed', summary: null, error, runId };
  } finally {
    await releaseLease(db, name, holder, slot);
  }
  return result;
}
