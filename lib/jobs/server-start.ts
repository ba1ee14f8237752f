import { getDb } from '@/db';
import { listJobs } from './registry';
import { jobsEnabled } from './schedule';
import { startScheduler } from './scheduler';
import { smtpConfigProblem } from '@/lib/mail/smtp-config';

/** Called once when the Next server starts (instrumentation.ts): the job scheduler, unless UPLIFT_JOBS=off. */
export function startJobsAtServerStart(): void {
  // `npm start` refuses to start with it (scripts/start.ts); a server started otherwise says it at once.
  const smtp = smtpConfigProblem();
  if (smtp) console.error(`Email cannot be sent: ${smtp} (fix it and restart; /admin shows it too)`);
  try {
    if (!jobsEnabled()) return;
    for (const job of listJobs()) job.schedule(process.env); // a misspelt schedule stops the start, not each tick
  } catch (err) {
    console.error(`Uplift cannot start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  startScheduler(getDb);
}
