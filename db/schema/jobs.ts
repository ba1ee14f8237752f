import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per job: the lease that makes a slot (a day, a week, one manual run) run at most once across every app
 * server on the database. A runner takes the row with FOR UPDATE SKIP LOCKED, so two runners never wait on each
 * other, and one that finds it locked or leased simply does not run.
 */
export const jobLeases = pgTable('job_leases', {
  job: text('job').primaryKey(),
  /** The slot being run or last run. */
  slot: text('slot'),
  /** Who runs it now (host:pid); null when no run is in progress. */
  holder: text('holder'),
  /** A run that crashed frees its lease at this time. */
  leasedUntil: timestamp('leased_until', { withTimezone: true }),
  /** The last slot that ran to its end (success or failure): never run again. */
  doneSlot: text('done_slot'),
});

export const JOB_OUTCOMES = ['running', 'succeeded', 'failed'] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

/** Job history: one row per run, shown to admins. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    job: text('job').notNull(),
    slot: text('slot').notNull(),
    /** schedule, command (npm run jobs) or admin. */
    trigger: text('trigger').notNull(),
    host: text('host').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    outcome: text('outcome').$type<JobOutcome>().notNull().default('running'),
    /** One line: what the run did, or why it failed. */
    summary: text('summary'),
    error: text('error'),
  },
  (t) => [
    check('job_runs_outcome_check', sql`${t.outcome} in ('running', 'succeeded', 'failed')`),
    index('job_runs_job_started_idx').on(t.job, t.startedAt),
  ],
);

export type JobRun = typeof jobRuns.$inferSelect;
