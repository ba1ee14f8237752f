import { getDb } from '@/db';
import { listJobs } from './registry';
import { jobsEnabled } from './schedule';
import { startScheduler } from './scheduler';

/** Called once when the Next server starts (instrumentation.ts): the job scheduler, unless UPLIFT_JOBS=off. */
export function startJobsAtServerStart(): void {
  try {
    if (!jobsEnabled()) return;
    for (const job of listJobs()) job.schedule(process.env); // a misspelt schedule stops the start, not each tick
  } catch (err) {
    console.error(`Uplift cannot start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  startScheduler(getDb);
}
